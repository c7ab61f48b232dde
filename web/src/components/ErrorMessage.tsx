// An API error or validation message, announced to screen readers; with
// onDismiss it has a close button.
export function ErrorMessage({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <div className="error-message" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
