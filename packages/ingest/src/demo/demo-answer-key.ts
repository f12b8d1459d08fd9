import { AppError, type DbClient, getMeta } from '@dermino/db';
import { type AnswerKey, answerKeyOf, demoCohortOptions, generateCohort } from '@dermino/synth';
import { DEMO_SEED_META_KEY, type SeedState } from './seed-demo.js';

/**
 * The demo registry's answer key, computed again from the seed its seeding recorded: never stored where a model or
 * detector reads. Null when the registry holds no demo cohort.
 */
export async function findDemoAnswerKey(db: DbClient) {
  const state = await getMeta<SeedState>(db, DEMO_SEED_META_KEY);
  if (!state) return null;
  const options = demoCohortOptions(state.seed, state.size);
  const cohort = generateCohort(options);
  return { cohort, key: answerKeyOf(cohort, options) satisfies AnswerKey };
}

/** As findDemoAnswerKey, for callers that cannot go on without one. */
export async function getDemoAnswerKey(db: DbClient) {
  const found = await findDemoAnswerKey(db);
  if (!found)
    throw new AppError('NOT_FOUND', {
      message: 'This registry holds no demo cohort: `dermino start` seeds it on first start.',
    });
  return found;
}
