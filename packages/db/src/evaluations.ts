import type { Db, DbClient, Split } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';

export const evaluationSelect = {
  id: true,
  modelVersionId: true,
  datasetVersionId: true,
  split: true,
  jobId: true,
  report: true,
  baseline: true,
  createdAt: true,
  _count: { select: { predictions: true } },
} satisfies Prisma.EvaluationSelect;

export type EvaluationRecord = Prisma.EvaluationGetPayload<{ select: typeof evaluationSelect }>;

export const predictionSelect = { imageId: true, probabilities: true, predicted: true, label: true } satisfies Prisma.PredictionSelect;
export type PredictionRecord = Prisma.PredictionGetPayload<{ select: typeof predictionSelect }>;

export interface SaveEvaluationInput {
  modelVersionId: string;
  datasetVersionId: string;
  split: Split;
  jobId: string;
  report: Prisma.InputJsonValue;
  /** The raw-pixel baseline scored on the same images (apps/trainer's EVALUATE job). */
  baseline?: Prisma.InputJsonValue | null;
  predictions: PredictionRecord[];
}

const PREDICTION_CHUNK = 2000;

/**
 * Stores an evaluation with every prediction in one transaction. A re-delivered job replaces what its earlier
 * delivery stored, so there is one evaluation per job.
 */
export async function saveEvaluation(db: Db, input: SaveEvaluationInput): Promise<EvaluationRecord> {
  try {
    const id = await db.$transaction(
      async (tx) => {
        await tx.evaluation.deleteMany({ where: { jobId: input.jobId } });
        const created = await tx.evaluation.create({
          data: {
            modelVersionId: input.modelVersionId,
            datasetVersionId: input.datasetVersionId,
            split: input.split,
            jobId: input.jobId,
            report: input.report,
            baseline: input.baseline ?? Prisma.DbNull,
          },
          select: { id: true },
        });
        for (let start = 0; start < input.predictions.length; start += PREDICTION_CHUNK) {
          await tx.prediction.createMany({
            data: input.predictions.slice(start, start + PREDICTION_CHUNK).map((p) => ({ ...p, evaluationId: created.id })),
          });
        }
        return created.id;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return getEvaluationById(db, { id });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
      throw new AppError('BAD_INPUT', { message: 'Evaluation names an unknown model, dataset version, job or image.', cause: error });
    }
    throw new AppError('INTERNAL', { message: 'Cannot store the evaluation.', cause: error });
  }
}

export async function getEvaluationById(db: DbClient, options: { id: string }): Promise<EvaluationRecord> {
  const row = await db.evaluation.findUnique({ where: { id: options.id }, select: evaluationSelect }).catch(() => null);
  if (!row) throw new AppError('NOT_FOUND', { message: `No evaluation with id ${options.id}.` });
  return row;
}

export async function findEvaluations(
  db: DbClient,
  options: { modelVersionId?: string; datasetVersionId?: string; jobId?: string; take?: number } = {},
): Promise<EvaluationRecord[]> {
  return db.evaluation.findMany({
    where: { modelVersionId: options.modelVersionId, datasetVersionId: options.datasetVersionId, jobId: options.jobId },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 100,
    select: evaluationSelect,
  });
}

export async function findPredictions(db: DbClient, options: { evaluationId: string }): Promise<PredictionRecord[]> {
  return db.prediction.findMany({ where: { evaluationId: options.evaluationId }, orderBy: { id: 'asc' }, select: predictionSelect });
}
