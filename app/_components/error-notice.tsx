// A failed load, said in words, with a Retry button next to it.
export function ErrorNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="form-error row" role="alert">
      <span>{message}</span>
      <span className="spacer" />
      <button type="button" className="btn btn-small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
