// Asks for one name: creating or renaming a space, base, table or view.
import { useState, type FormEvent } from "react";

import { errorMessage } from "../api/client";
import { Dialog } from "./Dialog";
import { ErrorMessage } from "./ErrorMessage";

interface NameDialogProps {
  title: string;
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
}

export function NameDialog({ title, label, initial = "", submitLabel, onSubmit, onClose }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError(`${label} cannot be empty.`);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} className="form">
        <label>
          {label}
          <input autoFocus value={name} maxLength={255} onChange={(event) => setName(event.target.value)} />
        </label>
        <ErrorMessage message={error} />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
