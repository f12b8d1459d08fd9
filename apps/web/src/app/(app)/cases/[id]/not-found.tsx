import Link from 'next/link';

export default function CaseNotFound() {
  return (
    <div className="panel empty-state">
      <h1>Case not found</h1>
      <p className="muted">No case has this id, or it has been removed.</p>
      <Link className="button" href="/cases">
        Back to cases
      </Link>
    </div>
  );
}
