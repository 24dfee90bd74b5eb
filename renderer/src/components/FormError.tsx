/** An inline, announced message under a field or a form; renders an empty live region when idle. */
export function FormError({ id, message }: { id: string; message: string | null }) {
  return (
    <p id={id} className="field-error" aria-live="polite">
      {message}
    </p>
  );
}
