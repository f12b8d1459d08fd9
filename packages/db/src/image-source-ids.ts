import type { DbClient } from './client.js';

/** Registry image id -> the id its source gave it (a synthetic cohort's image id, an archive's file name). */
export async function findImageSourceIds(
  db: DbClient,
  options: { sources?: string[] } = {},
): Promise<Map<string, string>> {
  const rows = await db.image.findMany({
    where: { sourceImageId: { not: null }, ...(options.sources ? { source: { in: options.sources } } : {}) },
    select: { id: true, sourceImageId: true },
  });
  return new Map(rows.map((row) => [row.id, row.sourceImageId!]));
}
