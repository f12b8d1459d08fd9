/** The environment a child process of packages/db (the Prisma CLI) inherits, plus what it must know. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * Tests only: an admin URL of a PostgreSQL server (with pgvector) to run the integration tests against instead of
 * the embedded one; each run creates its own database there (.ci/postgres-tests.sh sets it).
 */
export function testServerUrl(): string | undefined {
  return process.env.DERMINO_TEST_SERVER_URL || undefined;
}
