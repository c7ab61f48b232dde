// The Cancel and submit buttons at the foot of a form in a dialog.
interface FormActionsProps {
  submitLabel: string;
  busy: boolean;
  onCancel(): void;
}

export function FormActions({ submitLabel, busy, onCancel }: FormActionsProps) {
  return (
    <div className="form-actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}
