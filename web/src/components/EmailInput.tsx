// The e-mail field of the sign-in and forgot-password forms, as browsers
// and password managers expect it (it names the account).
interface EmailInputProps {
  value: string;
  onChange(value: string): void;
}

export function EmailInput({ value, onChange }: EmailInputProps) {
  return (
    <label>
      Email
      <input type="email" autoComplete="username" required value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
