import Link from 'next/link';

export default function JobNotFound() {
  return (
    <div className="panel empty-state" data-testid="job-not-found">
      <h2>No such job</h2>
      <Link className="button" href="/jobs">
        All jobs
      </Link>
    </div>
  );
}
