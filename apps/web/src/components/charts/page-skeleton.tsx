/** The loading state of a manager page: a title bar and a few panels, announced to screen readers. */
export function PageSkeleton({ label, panels = 3 }: { label: string; panels?: number }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="visually-hidden">Loading {label}…</p>
      <div className="skeleton" style={{ height: 28, width: 200, marginBottom: 32 }} />
      {Array.from({ length: panels }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <div key={index} className="skeleton" style={{ height: 180, marginBottom: 16 }} />
      ))}
    </div>
  );
}
