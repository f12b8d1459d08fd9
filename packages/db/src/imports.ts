import type {
  Confirmation,
  DbClient,
  ImageStatus,
  ImportStatus,
  Modality,
  Prisma,
  Sex,
  SkinType,
} from './client.js';
import { AppError } from './errors.js';
import type { ConceptSeed } from './seed/concepts.js';

export const importRunSelect = {
  id: true,
  kind: true,
  status: true,
  createdBy: true,
  sourceFiles: true,
  counts: true,
  cursor: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.ImportRunSelect;

export type ImportRunRecord = Prisma.ImportRunGetPayload<{ select: typeof importRunSelect }>;

export interface ImportProblemInput {
  row: number;
  field?: string | null;
  reason: string;
}

/** Inserts the missing concepts parents-first in one read and one insert per missing concept. */
export async function ensureConcepts(
  db: DbClient,
  options: { concepts: readonly ConceptSeed[] },
): Promise<Map<string, string>> {
  const existing = await db.diagnosisConcept.findMany({ select: { id: true, code: true } });
  const idByCode = new Map(existing.map((concept) => [concept.code, concept.id]));
  for (const concept of options.concepts) {
    if (idByCode.has(concept.code)) continue;
    const parentId = concept.parent ? idByCode.get(concept.parent) : undefined;
    if (concept.parent && !parentId) {
      throw new AppError('BAD_INPUT', {
        message: `Concept ${concept.code} names unknown parent ${concept.parent}.`,
      });
    }
    const created = await db.diagnosisConcept.create({
      data: { code: concept.code, name: concept.name, malignant: concept.malignant ?? null, parentId },
      select: { id: true },
    });
    idByCode.set(concept.code, created.id);
  }
  return idByCode;
}

export async function createImportRun(
  db: DbClient,
  options: { kind: string; createdBy?: string | null; sourceFiles: Prisma.InputJsonValue },
): Promise<ImportRunRecord> {
  return db.importRun.create({
    data: { kind: options.kind, createdBy: options.createdBy ?? null, sourceFiles: options.sourceFiles },
    select: importRunSelect,
  });
}

/** An interrupted (still RUNNING) run of the same kind over files with the same content key, to resume. */
export async function findResumableImportRun(
  db: DbClient,
  options: { kind: string; sourceKey: string },
): Promise<ImportRunRecord | null> {
  return db.importRun.findFirst({
    where: {
      kind: options.kind,
      status: 'RUNNING',
      sourceFiles: { path: ['key'], equals: options.sourceKey },
    },
    orderBy: { startedAt: 'desc' },
    select: importRunSelect,
  });
}

export async function getImportRunById(db: DbClient, options: { id: string }): Promise<ImportRunRecord> {
  const run = await db.importRun.findUnique({ where: { id: options.id }, select: importRunSelect });
  if (!run) throw new AppError('NOT_FOUND', { message: `No import run with id ${options.id}.` });
  return run;
}

export async function updateImportRun(
  db: DbClient,
  options: { id: string; cursor?: number; counts?: Prisma.InputJsonValue; status?: ImportStatus },
): Promise<void> {
  const finished = options.status === 'COMPLETED' || options.status === 'FAILED';
  await db.importRun.update({
    where: { id: options.id },
    data: {
      cursor: options.cursor,
      counts: options.counts,
      status: options.status,
      finishedAt: finished ? new Date() : undefined,
    },
  });
}

export async function recordImportProblems(
  db: DbClient,
  options: { importRunId: string; problems: readonly ImportProblemInput[] },
): Promise<number> {
  if (options.problems.length === 0) return 0;
  const result = await db.importProblem.createMany({
    data: options.problems.map((problem) => ({
      importRunId: options.importRunId,
      row: problem.row,
      field: problem.field ?? null,
      reason: problem.reason,
    })),
  });
  return result.count;
}

export async function findImportProblems(
  db: DbClient,
  options: { importRunId: string; take?: number },
): Promise<{ row: number; field: string | null; reason: string }[]> {
  return db.importProblem.findMany({
    where: { importRunId: options.importRunId },
    orderBy: [{ row: 'asc' }, { id: 'asc' }],
    take: options.take,
    select: { row: true, field: true, reason: true },
  });
}

/** Which of these source image ids a source already has: re-imports skip them before any intake work. */
export async function findExistingSourceImageIds(
  db: DbClient,
  options: { source: string; sourceImageIds: readonly string[] },
): Promise<Set<string>> {
  if (options.sourceImageIds.length === 0) return new Set();
  const rows = await db.image.findMany({
    where: { source: options.source, sourceImageId: { in: [...options.sourceImageIds] } },
    select: { sourceImageId: true },
  });
  return new Set(rows.map((row) => row.sourceImageId!));
}

export interface ImportBatchRow {
  patient: { pseudonym: string; sex: Sex; ageBand: string | null; skinType: SkinType };
  case: { externalId: string; site: string };
  image: {
    sourceImageId: string;
    status: ImageStatus;
    sha256: string | null;
    storageKey: string | null;
    remoteUrl: string | null;
    width: number | null;
    height: number | null;
    perceptualHash: string | null;
    modality: Modality;
    device: string | null;
    capturedAt: Date | null;
  };
  annotations: { conceptId: string; annotator: string; confirmation: Confirmation }[];
}

export { type WriteImportBatchResult, writeImportBatch } from './import-batch.js';

/** Images registered before their file arrived (e.g. Fitzpatrick17k URLs), oldest first. */
export async function findPendingImages(
  db: DbClient,
  options: { source: string; take?: number; afterId?: string },
): Promise<{ id: string; sourceImageId: string | null; remoteUrl: string | null }[]> {
  return db.image.findMany({
    where: {
      source: options.source,
      status: 'PENDING',
      id: options.afterId ? { gt: options.afterId } : undefined,
    },
    orderBy: { id: 'asc' },
    take: options.take ?? 1000,
    select: { id: true, sourceImageId: true, remoteUrl: true },
  });
}

/** A pending image gets its stored file; an image that is no longer pending is left alone. */
export async function attachStoredImage(
  db: DbClient,
  options: {
    imageId: string;
    stored: { sha256: string; storageKey: string; width: number; height: number; perceptualHash: string };
  },
): Promise<boolean> {
  const { sha256, storageKey, width, height, perceptualHash } = options.stored;
  const result = await db.image.updateMany({
    where: { id: options.imageId, status: 'PENDING' },
    data: { status: 'READY', sha256, storageKey, width, height, perceptualHash },
  });
  return result.count === 1;
}

/** Which of these content hashes the registry already has: an image with one of them is an exact duplicate. */
export async function findExistingSha256s(
  db: DbClient,
  options: { sha256s: readonly string[] },
): Promise<Set<string>> {
  if (options.sha256s.length === 0) return new Set();
  const rows = await db.image.findMany({
    where: { sha256: { in: [...new Set(options.sha256s)] } },
    distinct: ['sha256'],
    select: { sha256: true },
  });
  return new Set(rows.map((row) => row.sha256!));
}
