// Asks for one name: creating or renaming a space, base, table or view.
import { useState, type FormEvent } from "react";

import { useAction } from "../lib/useAction";
import { Dialog } from "./Dialog";
import { ErrorMessage } from "./ErrorMessage";
import { FormActions } from "./FormActions";

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
  const { busy, error, setError, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) setError(`${label} cannot be empty.`);
    else if (await run(() => onSubmit(name.trim()))) onClose();
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} className="form">
        <label>
          {label}
          <input autoFocus value={name} maxLength={255} onChange={(event) => setName(event.target.value)} />
        </label>
        <ErrorMessage message={error} />
        <FormActions submitLabel={submitLabel} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
