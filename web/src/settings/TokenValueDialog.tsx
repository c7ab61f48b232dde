// Shows a token's value once, after Create or Refresh: a Copy button and the
// warning that it will not be shown again. Closing it before the value was
// copied (by the button or by hand) asks first.
import { useState } from "react";

import { CopyableValue } from "../components/CopyableValue";
import { Dialog } from "../components/Dialog";

interface TokenValueDialogProps {
  title: string;
  name: string;
  value: string;
  onClose(): void;
}

export function TokenValueDialog({ title, name, value, onClose }: TokenValueDialogProps) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const [askingToClose, setAskingToClose] = useState(false);
  const requestClose = () => (copied ? onClose() : setAskingToClose(true));
  return (
    <Dialog
      title={title}
      onClose={requestClose}
      footer={
        askingToClose ? (
          <>
            <button type="button" data-autofocus onClick={() => setAskingToClose(false)}>
              Back to the token
            </button>
            <button type="button" className="danger" onClick={onClose}>
              Close without copying
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={requestClose}>
            Done
          </button>
        )
      }
    >
      {askingToClose && (
        <p className="error-message" role="alert">
          You have not copied the token. Once closed, its value cannot be shown again.
        </p>
      )}
      <p className="warning" role="note">
        Copy the token for <strong>{name}</strong> now. <strong>It will not be shown again.</strong>
      </p>
      <CopyableValue label="Token value" value={value} noun="value" copied={copied} onCopied={setCopied} />
      <p className="hint">
        Send it as <code>Authorization: Bearer {value.slice(0, 12)}…</code>, or give it to an AI agent with{" "}
        <code>TESSERA_API_TOKEN=… tessera mcp</code>. Keep it out of code and URLs.
      </p>
    </Dialog>
  );
}
