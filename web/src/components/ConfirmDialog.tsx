// "Are you sure?" for destructive actions: says what will happen, names the
// thing, and shows the server's error if the action fails.
import type { ReactNode } from "react";

import { useAction } from "../lib/useAction";
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
  const { busy, error, run } = useAction();

  async function confirm() {
    if (await run(onConfirm)) onClose();
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
