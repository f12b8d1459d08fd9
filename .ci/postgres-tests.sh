#!/usr/bin/env bash
# The integration tests of db, api and trainer against the system PostgreSQL 15 with pgvector (the production path,
# DATABASE_URL), after `npm test` ran them on the embedded database. Reports go to .vitest-results-postgres.json,
# which .ci/summarize.mjs adds to the closing line. Needs root (apt, pg_ctlcluster).
set -uo pipefail
cd "$(dirname "$0")/.."

bash .ci/build-pgvector.sh

pg_ctlcluster 15 main start 2>/dev/null || true
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null || {
  echo "PostgreSQL 15 did not start"
  exit 1
}
# Each test run creates its own database on this server, migrates it and drops it (packages/db/src/testing).
export DERMINO_TEST_SERVER_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres
status=0
# Runs vitest in a package; its config writes .vitest-results.json, which holds npm test's report: that one is kept,
# and this run's report is moved to .vitest-results-postgres.json.
run_in() {
  local dir=$1
  shift
  (
    cd "$dir" || exit 1
    [ -f .vitest-results.json ] && mv .vitest-results.json .vitest-results.npm-test.json
    npx vitest run "$@"
    code=$?
    [ -f .vitest-results.json ] && mv .vitest-results.json .vitest-results-postgres.json
    [ -f .vitest-results.npm-test.json ] && mv .vitest-results.npm-test.json .vitest-results.json
    exit $code
  ) || status=1
}
# Only the tests that use the run's database (the embedded server's own tests stay with npm test).
run_in packages/db cases.integration similar-cases.integration labelling.integration users.integration
run_in apps/api --project integration
run_in apps/trainer worker.integration recover-stale-jobs
exit $status
