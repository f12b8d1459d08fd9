import Link from 'next/link';

export default function Forbidden() {
  return (
    <main style={{ maxWidth: 560, margin: '15vh auto', padding: '0 24px' }}>
      <div className="panel empty-state" data-testid="forbidden">
        <h1>Not for your role</h1>
        <p className="muted">This page belongs to another role. Ask an administrator if you need access.</p>
        <Link className="button" href="/cases">
          Go to cases
        </Link>
      </div>
    </main>
  );
}
