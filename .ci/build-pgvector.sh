#!/usr/bin/env bash
# Builds pgvector for the system PostgreSQL 15 from trixie's source package when vector.so is missing
# (notes/postgres-pgvector.md). Needs root (apt). Used by .ci/postgres-tests.sh and the API's cases benchmark.
set -uo pipefail
if [ ! -f /usr/lib/postgresql/15/lib/vector.so ]; then
  echo "Building pgvector for PostgreSQL 15 from trixie's source package..."
  sed 's/^Types: deb$/Types: deb-src/; s/Suites: bookworm bookworm-updates/Suites: trixie/' \
    /etc/apt/sources.list.d/debian.sources | sed -n 1,5p > /etc/apt/sources.list.d/trixie-src.sources
  build=$(mktemp -d)
  (
    apt-get update -qq && apt-get install -y -qq postgresql-server-dev-15 >/dev/null &&
      cd "$build" && apt-get source -qq pgvector >/dev/null 2>&1 && cd pgvector-*/ &&
      make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null &&
      make -s install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
  ) || echo "pgvector could not be built"
  rm -f /etc/apt/sources.list.d/trixie-src.sources
  rm -rf "$build"
fi
[ -f /usr/lib/postgresql/15/lib/vector.so ]
