import Link from 'next/link';

export default function ModelNotFound() {
  return (
    <div className="panel empty-state" data-testid="model-not-found">
      <h2>No such model</h2>
      <Link className="button" href="/models">
        All models
      </Link>
    </div>
  );
}
