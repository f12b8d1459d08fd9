import type { DbClient } from './client.js';
import { Prisma } from './client.js';

export async function getMeta<T>(db: DbClient, key: string): Promise<T | null> {
  const row = await db.meta.findUnique({ where: { key } });
  return row ? (row.value as T) : null;
}

export async function setMeta(db: DbClient, key: string, value: unknown): Promise<void> {
  const json = value as Prisma.InputJsonValue;
  await db.meta.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}
