import type { Db, DbClient, Split } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';

// Images as the trainer's jobs read them: pixels (storage key), the label and split of a dataset version, and
// every attribute reports break down by.
const inputImageSelect = {
  id: true,
  storageKey: true,
  sha256: true,
  capturedAt: true,
  device: true,
  source: true,
  modality: true,
  brightness: true,
  contrast: true,
  colorCast: true,
  blurVariance: true,
  case: { select: { id: true, externalId: true, site: true, patient: { select: { id: true, sex: true, skinType: true, ageBand: true } } } },
} satisfies Prisma.ImageSelect;

type InputImageRow = Prisma.ImageGetPayload<{ select: typeof inputImageSelect }>;

export interface ModelInputImage {
  imageId: string;
  storageKey: string | null;
  sha256: string | null;
  capturedAt: Date | null;
  device: string | null;
  source: string;
  modality: string;
  site: string;
  caseId: string;
  lesionId: string | null;
  patientId: string;
  sex: string;
  skinType: string;
  ageBand: string | null;
  quality: { brightness: number | null; contrast: number | null; colorCast: number | null; blurVariance: number | null };
  /** From the dataset version; null when read from the whole registry. */
  split: Split | null;
  conceptCode: string | null;
}

const toInputImage = (image: InputImageRow, split: Split | null, conceptCode: string | null): ModelInputImage => ({
  imageId: image.id,
  storageKey: image.storageKey,
  sha256: image.sha256,
  capturedAt: image.capturedAt,
  device: image.device,
  source: image.source,
  modality: image.modality,
  site: image.case.site,
  caseId: image.case.id,
  lesionId: image.case.externalId,
  patientId: image.case.patient.id,
  sex: image.case.patient.sex,
  skinType: image.case.patient.skinType,
  ageBand: image.case.patient.ageBand,
  quality: { brightness: image.brightness, contrast: image.contrast, colorCast: image.colorCast, blurVariance: image.blurVariance },
  split,
  conceptCode,
});

/** The images of a dataset version (optionally some splits, optionally labelled only), in a stable order. */
export async function findVersionImages(
  db: DbClient,
  options: { datasetVersionId: string; splits?: Split[]; labelledOnly?: boolean },
): Promise<ModelInputImage[]> {
  const version = await db.datasetVersion.findUnique({ where: { id: options.datasetVersionId }, select: { id: true } }).catch(() => null);
  if (!version) throw new AppError('NOT_FOUND', { message: `No dataset version with id ${options.datasetVersionId}.`, details: { argument: 'datasetVersionId' } });
  const rows = await db.datasetVersionItem.findMany({
    where: {
      datasetVersionId: options.datasetVersionId,
      split: options.splits ? { in: options.splits } : undefined,
      conceptId: options.labelledOnly ? { not: null } : undefined,
    },
    orderBy: { imageId: 'asc' },
    select: { split: true, concept: { select: { code: true } }, image: { select: inputImageSelect } },
  });
  return rows.map((row) => toInputImage(row.image, row.split, row.concept?.code ?? null));
}

/** Every stored image of the registry in capture order (drift looks at what arrives, in or out of any dataset). */
export async function findRegistryImages(db: DbClient, options: { take?: number } = {}): Promise<ModelInputImage[]> {
  const rows = await db.image.findMany({
    where: { storageKey: { not: null }, status: 'READY' },
    orderBy: [{ capturedAt: 'asc' }, { id: 'asc' }],
    take: options.take,
    select: inputImageSelect,
  });
  return rows.map((row) => toInputImage(row, null, null));
}

export const driftReportSelect = {
  id: true,
  modelVersionId: true,
  jobId: true,
  referenceFrom: true,
  referenceTo: true,
  windows: true,
  alerts: true,
  createdAt: true,
} satisfies Prisma.DriftReportSelect;
export type DriftReportRecord = Prisma.DriftReportGetPayload<{ select: typeof driftReportSelect }>;

/** One report per job: a re-delivered job replaces its earlier report. */
export async function saveDriftReport(
  db: Db,
  input: { modelVersionId: string | null; jobId: string; referenceFrom: Date; referenceTo: Date; windows: Prisma.InputJsonValue; alerts: Prisma.InputJsonValue },
): Promise<DriftReportRecord> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.driftReport.deleteMany({ where: { jobId: input.jobId } });
      return tx.driftReport.create({ data: input, select: driftReportSelect });
    }, { timeout: 60_000, maxWait: 30_000 });
  } catch (error) {
    throw new AppError('INTERNAL', { message: 'Cannot store the drift report.', cause: error });
  }
}

export async function findDriftReports(db: DbClient, options: { id?: string; modelVersionId?: string; take?: number } = {}): Promise<DriftReportRecord[]> {
  return db.driftReport.findMany({
    where: { id: options.id, modelVersionId: options.modelVersionId },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 20,
    select: driftReportSelect,
  });
}

export const dataAuditSelect = { id: true, datasetVersionId: true, jobId: true, report: true, createdAt: true } satisfies Prisma.DataAuditSelect;
export type DataAuditRecord = Prisma.DataAuditGetPayload<{ select: typeof dataAuditSelect }>;

export async function saveDataAudit(
  db: Db,
  input: { datasetVersionId: string; jobId: string; report: Prisma.InputJsonValue },
): Promise<DataAuditRecord> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.dataAudit.deleteMany({ where: { jobId: input.jobId } });
      return tx.dataAudit.create({ data: input, select: dataAuditSelect });
    }, { timeout: 60_000, maxWait: 30_000 });
  } catch (error) {
    throw new AppError('INTERNAL', { message: 'Cannot store the data audit.', cause: error });
  }
}

export async function findDataAudits(db: DbClient, options: { id?: string; datasetVersionId?: string; take?: number } = {}): Promise<DataAuditRecord[]> {
  return db.dataAudit.findMany({
    where: { id: options.id, datasetVersionId: options.datasetVersionId },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 20,
    select: dataAuditSelect,
  });
}
