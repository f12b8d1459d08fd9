import Link from 'next/link';

export default function NotFound() {
  return (
    <main style={{ maxWidth: 560, margin: '15vh auto', padding: '0 24px' }}>
      <div className="panel empty-state">
        <h1>Page not found</h1>
        <p className="muted">There is nothing at this address.</p>
        <Link className="button" href="/cases">
          Go to cases
        </Link>
      </div>
    </main>
  );
}
