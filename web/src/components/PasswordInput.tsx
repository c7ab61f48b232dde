// A password field as browsers and password managers expect it: the right
// autocomplete, and at least 8 characters for a new password.
import type { ReactNode } from "react";

interface PasswordInputProps {
  label: ReactNode;
  value: string;
  autoComplete: "current-password" | "new-password";
  onChange(value: string): void;
}

export function PasswordInput({ label, value, autoComplete, onChange }: PasswordInputProps) {
  return (
    <label>
      {label}
      <input
        type="password"
        autoComplete={autoComplete}
        required
        minLength={autoComplete === "new-password" ? 8 : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
