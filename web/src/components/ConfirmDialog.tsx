// "Are you sure?" for destructive actions: says what will happen, names the
// thing, and shows the server's error if the action fails.
import { useState, type ReactNode } from "react";

import { errorMessage } from "../api/client";
import { Dialog } from "./Dialog";
import { ErrorMessage } from "./ErrorMessage";

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<void>;
  onClose(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function confirm() {
    setBusy(true);
    setError("");
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={danger ? "danger" : "primary"} disabled={busy} onClick={confirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      <ErrorMessage message={error} />
    </Dialog>
  );
}
