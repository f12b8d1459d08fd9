import { describe, expect, it } from 'vitest';
import * as analytics from './index.js';

describe('package entry point', () => {
  it('offers the report, CSV reader, fairness, drift, label-quality and retrieval functions', () => {
    for (const name of [
      'buildEvaluationReport',
      'formatReportTable',
      'compareModels',
      'parsePredictionsCsv',
      'PredictionsCsvError',
      'disaggregateMetric',
      'equalizedOddsDifference',
      'ddiSkinTypeGroup',
      'categoricalDrift',
      'numericDrift',
      'mmdPermutationTest',
      'domainClassifierAuroc',
      'chunkedDrift',
      'estimateBinaryPerformance',
      'findLabelIssues',
      'findSplitLeakage',
      'evaluateRetrieval',
      'pairedBootstrapDifference',
    ]) {
      expect(typeof (analytics as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
