import pg from 'pg';

/** The applied migrations of the database at `url`, in order. */
export async function findMigrationStatusByUrl(url: string): Promise<{ applied: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
    );
    return { applied: rows.map((row) => row.name) };
  } finally {
    await client.end();
  }
}
