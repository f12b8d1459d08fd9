import type { Db, DbClient, ModelKind, ModelVersionStatus } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';

export const modelArtifactSelect = { kind: true, storageKey: true, sha256: true, bytes: true } satisfies Prisma.ModelArtifactSelect;

export const modelVersionSelect = {
  id: true,
  name: true,
  kind: true,
  config: true,
  classes: true,
  datasetVersionId: true,
  parentId: true,
  jobId: true,
  metrics: true,
  status: true,
  statusReason: true,
  licence: true,
  provenance: true,
  createdAt: true,
  artifacts: { select: modelArtifactSelect, orderBy: { kind: 'asc' } },
  aliases: { select: { alias: true, updatedAt: true, updatedBy: true } },
} satisfies Prisma.ModelVersionSelect;

export type ModelVersionRecord = Prisma.ModelVersionGetPayload<{ select: typeof modelVersionSelect }>;
export type ModelArtifactInput = Prisma.ModelArtifactGetPayload<{ select: typeof modelArtifactSelect }>;

export interface RegisterModelVersionInput {
  name: string;
  kind: ModelKind;
  config: Prisma.InputJsonValue;
  classes?: string[] | null;
  datasetVersionId?: string | null;
  parentId?: string | null;
  /** The job that trained it: at most one model per job, so a re-delivered job never registers twice. Null for an import. */
  jobId: string | null;
  metrics?: Prisma.InputJsonValue | null;
  /** FAILED (with its reason) for a model that failed a check at registration, e.g. a collapsed backbone. */
  status?: ModelVersionStatus;
  statusReason?: string | null;
  /** Imported weights only: their licence, and where they came from (file, sha256, format, architecture). */
  licence?: string | null;
  provenance?: Prisma.InputJsonValue | null;
  artifacts: ModelArtifactInput[];
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Registers a model with its artifacts and an audit event, once per job: a second call returns the first model. */
export async function registerModelVersion(db: Db, input: RegisterModelVersionInput): Promise<ModelVersionRecord> {
  const existing = input.jobId ? await getModelVersionByJobId(db, { jobId: input.jobId }) : null;
  if (existing) return existing;
  try {
    const id = await db.$transaction(async (tx) => {
      const created = await tx.modelVersion.create({
        data: {
          name: input.name,
          kind: input.kind,
          config: input.config,
          classes: input.classes ?? Prisma.DbNull,
          datasetVersionId: input.datasetVersionId ?? null,
          parentId: input.parentId ?? null,
          jobId: input.jobId,
          metrics: input.metrics ?? Prisma.DbNull,
          status: input.status ?? 'READY',
          statusReason: input.statusReason ?? null,
          licence: input.licence ?? null,
          provenance: input.provenance ?? Prisma.DbNull,
          artifacts: { create: input.artifacts },
        },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: {
          action: 'model.register',
          entityType: 'ModelVersion',
          entityId: created.id,
          details: { name: input.name, kind: input.kind, status: input.status ?? 'READY', jobId: input.jobId, licence: input.licence ?? null, parentId: input.parentId ?? null, datasetVersionId: input.datasetVersionId ?? null },
        },
      });
      return created.id;
    });
    return getModelVersionById(db, { id });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && input.jobId) {
      const winner = await getModelVersionByJobId(db, { jobId: input.jobId });
      if (winner) return winner;
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
      throw new AppError('BAD_INPUT', { message: `Model ${input.name}: unknown parent, dataset version or job.`, cause: error });
    }
    throw new AppError('INTERNAL', { message: `Cannot register model ${input.name}.`, cause: error });
  }
}

export async function getModelVersionById(db: DbClient, options: { id: string }): Promise<ModelVersionRecord> {
  const row = isUuid(options.id) ? await db.modelVersion.findUnique({ where: { id: options.id }, select: modelVersionSelect }) : null;
  if (!row) throw new AppError('NOT_FOUND', { message: `No model version with id ${options.id}.`, details: { argument: 'model' } });
  return row;
}

export async function getModelVersionByJobId(db: DbClient, options: { jobId: string }): Promise<ModelVersionRecord | null> {
  return db.modelVersion.findUnique({ where: { jobId: options.jobId }, select: modelVersionSelect });
}

export async function findModelVersions(
  db: DbClient,
  options: { kind?: ModelKind; parentId?: string; take?: number } = {},
): Promise<ModelVersionRecord[]> {
  return db.modelVersion.findMany({
    where: { kind: options.kind, parentId: options.parentId },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 100,
    select: modelVersionSelect,
  });
}

/**
 * Moves an alias (champion, challenger) to a model and records who moved it from where. With `onlyIfVacant`, an
 * alias another model already holds is left alone (the demo's first champion must not replace a user's choice);
 * `moved` says whether it moved.
 */
export async function promoteModelVersion(
  db: Db,
  options: { id: string; alias: string; updatedBy?: string | null; onlyIfVacant?: boolean },
): Promise<ModelVersionRecord & { moved?: boolean }> {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(options.alias)) {
    throw new AppError('BAD_INPUT', { message: `Alias "${options.alias}" must be lower-case letters, digits and dashes.`, details: { argument: 'alias' } });
  }
  const model = await getModelVersionById(db, { id: options.id });
  if (model.status === 'FAILED') {
    throw new AppError('CONFLICT', {
      message: `Model ${model.id} failed its checks and can never be promoted: ${model.statusReason ?? 'no reason recorded'}.`,
      details: { argument: 'input.modelId', status: model.status },
    });
  }
  const moved = await db.$transaction(async (tx) => {
    const previous = await tx.modelAlias.findUnique({ where: { alias: options.alias }, select: { modelVersionId: true } });
    if (previous && options.onlyIfVacant) return false;
    await tx.modelAlias.upsert({
      where: { alias: options.alias },
      create: { alias: options.alias, modelVersionId: options.id, updatedBy: options.updatedBy ?? null },
      update: { modelVersionId: options.id, updatedBy: options.updatedBy ?? null },
    });
    await tx.auditEvent.create({
      data: {
        action: 'model.alias',
        entityType: 'ModelVersion',
        entityId: options.id,
        details: { alias: options.alias, from: previous?.modelVersionId ?? null, to: options.id, by: options.updatedBy ?? null },
      },
    });
    return true;
  });
  return { ...(await getModelVersionById(db, { id: options.id })), moved };
}

export async function getModelVersionByAlias(db: DbClient, options: { alias: string }): Promise<ModelVersionRecord> {
  const row = await db.modelAlias.findUnique({ where: { alias: options.alias }, select: { modelVersion: { select: modelVersionSelect } } });
  if (!row) throw new AppError('NOT_FOUND', { message: `No model has the alias ${options.alias}.`, details: { argument: 'alias' } });
  return row.modelVersion;
}

/** The model holding the alias, or null when no model holds it (getModelVersionByAlias throws NOT_FOUND then). */
export async function findModelVersionByAlias(
  db: DbClient,
  options: { alias: string },
): Promise<ModelVersionRecord | null> {
  const row = await db.modelAlias.findUnique({
    where: { alias: options.alias },
    select: { modelVersion: { select: modelVersionSelect } },
  });
  return row?.modelVersion ?? null;
}

export interface ModelLineage {
  model: ModelVersionRecord;
  /** Parent, grandparent... up to the pretrained backbone. */
  ancestors: ModelVersionRecord[];
  datasetVersion: { id: string; version: number; datasetName: string; contentHash: string; createdAt: Date } | null;
  job: { id: string; kind: string; status: string; payload: unknown; createdBy: string | null; finishedAt: Date | null } | null;
  evaluations: { id: string; datasetVersionId: string; split: string; jobId: string | null; createdAt: Date }[];
  driftReports: { id: string; jobId: string | null; createdAt: Date }[];
}

/** Dataset version -> job -> model (and its ancestors) -> evaluations and drift reports, for one model. */
export async function getModelLineage(db: DbClient, options: { id: string }): Promise<ModelLineage> {
  const model = await getModelVersionById(db, options);
  const ancestors: ModelVersionRecord[] = [];
  for (let parentId = model.parentId; parentId && ancestors.length < 20; ) {
    const parent = await getModelVersionById(db, { id: parentId });
    ancestors.push(parent);
    parentId = parent.parentId;
  }
  const [datasetVersion, job, evaluations, driftReports] = await Promise.all([
    model.datasetVersionId
      ? db.datasetVersion.findUnique({
          where: { id: model.datasetVersionId },
          select: { id: true, version: true, contentHash: true, createdAt: true, dataset: { select: { name: true } } },
        })
      : null,
    model.jobId
      ? db.job.findUnique({ where: { id: model.jobId }, select: { id: true, kind: true, status: true, payload: true, createdBy: true, finishedAt: true } })
      : null,
    db.evaluation.findMany({
      where: { modelVersionId: model.id },
      orderBy: { createdAt: 'desc' },
      select: { id: true, datasetVersionId: true, split: true, jobId: true, createdAt: true },
    }),
    db.driftReport.findMany({ where: { modelVersionId: model.id }, orderBy: { createdAt: 'desc' }, select: { id: true, jobId: true, createdAt: true } }),
  ]);
  return {
    model,
    ancestors,
    datasetVersion: datasetVersion
      ? { id: datasetVersion.id, version: datasetVersion.version, datasetName: datasetVersion.dataset.name, contentHash: datasetVersion.contentHash, createdAt: datasetVersion.createdAt }
      : null,
    job,
    evaluations,
    driftReports,
  };
}
