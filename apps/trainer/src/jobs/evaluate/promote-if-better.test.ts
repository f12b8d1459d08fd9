import { describe, expect, it } from 'vitest';
import { parseEvaluatePayload } from './evaluate-job.js';
import { decidePromotion, type PromotionInput } from './promote-if-better.js';

const version = '11111111-1111-4111-8111-111111111111';
const otherVersion = '22222222-2222-4222-8222-222222222222';
const report = (balanced: number) => ({
  overall: { balanced_accuracy: { value: balanced }, accuracy: { value: 0.9 } },
});
const evaluation = (balanced: number, at: string, datasetVersionId = version, split = 'TEST') => ({
  datasetVersionId,
  split,
  createdAt: new Date(at),
  report: report(balanced),
});
const input = (candidate: number, holder: PromotionInput['holder']): PromotionInput => ({
  alias: 'champion',
  metric: 'balanced_accuracy',
  datasetVersionId: version,
  split: 'TEST',
  candidate: { modelVersionId: 'new', failure: null, report: report(candidate) },
  holder,
});
const champion = (...evaluations: ReturnType<typeof evaluation>[]) => ({
  modelVersionId: 'old',
  evaluations,
});

describe('promote if better', () => {
  it('promotes a candidate that beats the champion on the same version and split', () => {
    const decision = decidePromotion(input(0.701, champion(evaluation(0.683, '2026-12-07T10:00:00Z'))));
    expect(decision).toEqual({
      promote: true,
      message: `promoted: balanced accuracy .701 vs the champion's .683 on dataset version ${version} (TEST); model new replaces model old as champion.`,
    });
  });

  it('keeps the champion against a worse candidate, and on a tie', () => {
    const worse = decidePromotion(input(0.6, champion(evaluation(0.683, '2026-12-07T10:00:00Z'))));
    expect(worse.promote).toBe(false);
    expect(worse.message).toBe(
      `kept the champion: balanced accuracy .683 (model old) vs the candidate's .600 on dataset version ${version} (TEST).`,
    );
    expect(decidePromotion(input(0.683, champion(evaluation(0.683, '2026-12-07T10:00:00Z')))).promote).toBe(
      false,
    );
  });

  it("compares with the champion's newest evaluation on that version and split", () => {
    const holder = champion(
      evaluation(0.5, '2026-12-07T09:00:00Z'),
      evaluation(0.75, '2026-12-07T11:00:00Z'),
      evaluation(0.4, '2026-12-07T12:00:00Z', version, 'VAL'),
    );
    expect(decidePromotion(input(0.7, holder)).promote).toBe(false);
    expect(decidePromotion(input(0.76, holder)).promote).toBe(true);
  });

  it('promotes when no model holds the alias', () => {
    expect(decidePromotion(input(0.3, null))).toEqual({
      promote: true,
      message: `promoted: model new is now champion (no model held it), balanced accuracy .300 on dataset version ${version} (TEST).`,
    });
  });

  it('keeps a champion evaluated only on another dataset version (nothing to compare with)', () => {
    const decision = decidePromotion(
      input(0.9, champion(evaluation(0.2, '2026-12-07T10:00:00Z', otherVersion))),
    );
    expect(decision.promote).toBe(false);
    expect(decision.message).toMatch(
      /^kept the champion: the champion \(model old\) has no balanced accuracy on dataset version 1111.* to compare with; the candidate has \.900\.$/,
    );
  });

  it('never promotes a model on a failed backbone, or one without the metric', () => {
    const failure = 'the backbone of model new (model b) failed its checks: collapsed';
    const failed = {
      ...input(0.9, null),
      candidate: { modelVersionId: 'new', failure, report: report(0.9) },
    };
    expect(decidePromotion(failed)).toEqual({ promote: false, message: `kept the champion: ${failure}.` });
    expect(decidePromotion({ ...input(0.9, null), metric: 'macro_auroc' }).promote).toBe(false);
  });
});

describe('the EVALUATE payload', () => {
  const base = { model: { fromJob: '33333333-3333-4333-8333-333333333333' }, datasetVersionId: version };
  it('takes promoteIfBetter with balanced accuracy by default', () => {
    expect(parseEvaluatePayload({ ...base, promoteIfBetter: { alias: 'champion' } }).promoteIfBetter).toEqual(
      {
        alias: 'champion',
        metric: 'balanced_accuracy',
      },
    );
  });

  it('refuses an unknown alias or metric, or both promote options, in one line naming the field', () => {
    const error = (payload: object) => {
      try {
        parseEvaluatePayload({ ...base, ...payload });
      } catch (thrown) {
        return (thrown as Error).message;
      }
      throw new Error('accepted');
    };
    expect(error({ promoteIfBetter: { alias: 'best' } })).toBe(
      'promoteIfBetter.alias: unknown "best": one of champion, challenger',
    );
    expect(error({ promoteIfBetter: { alias: 'champion', metric: 'ece' } })).toBe(
      'promoteIfBetter.metric: unknown "ece": one of balanced_accuracy, accuracy, macro_auroc',
    );
    expect(error({ promoteIfVacant: 'champion', promoteIfBetter: { alias: 'champion' } })).toBe(
      'promoteIfBetter: give promoteIfVacant or promoteIfBetter, not both',
    );
  });
});
