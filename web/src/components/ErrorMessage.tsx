// An API error or validation message, announced to screen readers.
export function ErrorMessage({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p className="error-message" role="alert">
      {message}
    </p>
  );
}
