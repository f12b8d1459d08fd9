import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type Db } from '@dermino/db';
import type {} from '@dermino/db/testing/global-setup';
import { inject } from 'vitest';

export const SHARED_DATA = path.resolve(
  fileURLToPath(new URL('../../../../../shared/data', import.meta.url)),
);
export const HAM_METADATA = path.join(SHARED_DATA, 'ham10000/HAM10000_metadata.csv');
export const HAM_PIXELS = path.join(SHARED_DATA, 'ham10000/hmnist_8_8_L.csv');
export const FITZPATRICK_CSV = path.join(SHARED_DATA, 'fitzpatrick17k/fitzpatrick17k.csv');

export function openTestDb(): Db {
  return createDb({ url: inject('databaseUrl') });
}

/** Registry row counts of one source, to prove a failed import left nothing behind. */
export async function countSource(db: Db, source: string) {
  const [patients, cases, images, annotations] = await Promise.all([
    db.patient.count({ where: { source } }),
    db.case.count({ where: { source } }),
    db.image.count({ where: { source } }),
    db.annotation.count({ where: { image: { source } } }),
  ]);
  return { patients, cases, images, annotations };
}
