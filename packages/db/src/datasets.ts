import type { DbClient, Prisma } from './client.js';

const datasetVersionSelect = {
  id: true,
  version: true,
  contentHash: true,
  note: true,
  createdAt: true,
  _count: { select: { items: true } },
} satisfies Prisma.DatasetVersionSelect;

export const datasetSelect = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  versions: { select: datasetVersionSelect, orderBy: { version: 'desc' } },
} satisfies Prisma.DatasetSelect;

type DatasetRow = Prisma.DatasetGetPayload<{ select: typeof datasetSelect }>;

export interface DatasetVersionRecord {
  id: string;
  version: number;
  contentHash: string;
  note: string | null;
  createdAt: Date;
  itemCount: number;
}

export interface DatasetRecord {
  id: string;
  name: string;
  description: string | null;
  createdAt: Date;
  /** Newest version first. */
  versions: DatasetVersionRecord[];
}

export function toDatasetRecord(row: DatasetRow): DatasetRecord {
  return {
    ...row,
    versions: row.versions.map(({ _count, ...version }) => ({ ...version, itemCount: _count.items })),
  };
}

/** All datasets by name, each with its versions and their item counts (a constant number of queries). */
export async function listDatasets(db: DbClient): Promise<DatasetRecord[]> {
  const rows = await db.dataset.findMany({ select: datasetSelect, orderBy: { name: 'asc' } });
  return rows.map(toDatasetRecord);
}

export async function getDatasetById(db: DbClient, options: { id: string }): Promise<DatasetRecord | null> {
  const row = await db.dataset.findUnique({ where: { id: options.id }, select: datasetSelect });
  return row ? toDatasetRecord(row) : null;
}
