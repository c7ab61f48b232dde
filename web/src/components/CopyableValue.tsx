// A secret shown once (a token, an invitation link): the value in a
// read-only field that selects itself, a Copy button that focuses first,
// and a line saying whether copying worked. `copied` is the caller's, so it
// can ask before the value goes away uncopied.
import { useRef, type ReactNode } from "react";

import { copyText } from "../lib/clipboard";

interface CopyableValueProps {
  label: string;
  value: string;
  // What the failure message calls it: "value", "link".
  noun: string;
  copied: boolean | null;
  onCopied(copied: boolean): void;
  // More buttons beside Copy.
  children?: ReactNode;
}

export function CopyableValue({ label, value, noun, copied, onCopied, children }: CopyableValueProps) {
  const field = useRef<HTMLInputElement>(null);
  return (
    <>
      <div className="token-value">
        <input
          ref={field}
          readOnly
          aria-label={label}
          value={value}
          onFocus={(event) => event.target.select()}
          onCopy={() => onCopied(true)}
        />
        <button
          type="button"
          className="primary"
          data-autofocus
          autoFocus
          onClick={async () => onCopied(await copyText(value, field.current))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
        {children}
      </div>
      <p aria-live="polite" className="hint">
        {copied === false
          ? `Copying failed: select the ${noun} and copy it by hand.`
          : copied
            ? "Copied to the clipboard."
            : ""}
      </p>
    </>
  );
}
