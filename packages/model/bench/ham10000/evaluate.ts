// Scores a frozen backbone and the raw pixels on the HAM10000 split: linear probe and kNN (and a pixel MLP) at
// each label fraction, with and without averaging over the 8 rotations/flips, BAcc and macro AUROC with 95% CIs.
import { sampleLabelFraction } from '../../src/eval/features';
import type { VitModel } from '../../src/vit/create-vit';
import { backboneFeatures, greyToRgb } from './backbone-features';
import { HAM_CLASSES, type Ham10000, take } from './data';
import { dihedralView } from './dihedral';
import { type ProbeScore, scoreProbabilities } from './metrics';
import { type ProbeKind, probeProbabilities, type ViewFeatures } from './probes';

export interface EvaluationRow {
  features: 'backbone' | 'pixels';
  probe: ProbeKind;
  labelFraction: number;
  /** 1: the image as it is; 8: trained on all 8 rotations/flips and averaged over them at test. */
  views: number;
  score: ProbeScore;
}

export interface HamEvaluationOptions {
  ham: Ham10000;
  split: { train: number[]; test: number[] };
  backbone?: { model: VitModel; imageSize: number };
  labelFractions?: number[];
  views?: number[];
  resamples?: number;
  /** Also score the pixel baselines (default true). */
  pixels?: boolean;
  log?: (row: EvaluationRow) => void;
}

function pixelViews(ham: Ham10000, rows: number[], views: number): ViewFeatures {
  const pixels = take(ham.pixels, rows, 64);
  return {
    views: Array.from({ length: views }, (_, k) => dihedralView(pixels, 8, k)),
    count: rows.length,
    dim: 64,
  };
}

function backboneViews(
  ham: Ham10000,
  rows: number[],
  views: number,
  backbone: NonNullable<HamEvaluationOptions['backbone']>,
): ViewFeatures {
  const pixels = take(ham.pixels, rows, 64);
  const out = Array.from({ length: views }, (_, k) => {
    const images = greyToRgb(dihedralView(pixels, 8, k), rows.length, backbone.imageSize);
    const features = backboneFeatures(backbone.model, images);
    images.dispose();
    return features;
  });
  return { views: out, count: rows.length, dim: out[0].length / rows.length };
}

export function evaluateOnHam(options: HamEvaluationOptions): EvaluationRow[] {
  const { ham, split } = options;
  const fractions = options.labelFractions ?? [0.1, 1];
  const viewCounts = options.views ?? [1, 8];
  const maxViews = Math.max(...viewCounts);
  const trainLabels = take(ham.labels, split.train, 1);
  const testLabels = take(ham.labels, split.test, 1);
  const sets: {
    features: EvaluationRow['features'];
    train: ViewFeatures;
    test: ViewFeatures;
    probes: ProbeKind[];
  }[] = [];
  if (options.backbone)
    sets.push({
      features: 'backbone',
      train: backboneViews(ham, split.train, maxViews, options.backbone),
      test: backboneViews(ham, split.test, maxViews, options.backbone),
      probes: ['linear', 'knn'],
    });
  if (options.pixels !== false)
    sets.push({
      features: 'pixels',
      train: pixelViews(ham, split.train, maxViews),
      test: pixelViews(ham, split.test, maxViews),
      probes: ['linear', 'knn', 'mlp'],
    });
  const rows: EvaluationRow[] = [];
  for (const labelFraction of fractions) {
    // The same labelled subset for every feature set and probe.
    const subset =
      labelFraction === 1
        ? Array.from(trainLabels, (_, i) => i)
        : sampleLabelFraction(trainLabels, labelFraction, 1);
    const labels = take(trainLabels, subset, 1);
    for (const set of sets) {
      const train: ViewFeatures = {
        views: set.train.views.map((v) => take(v, subset, set.train.dim)),
        count: subset.length,
        dim: set.train.dim,
      };
      for (const probe of set.probes)
        for (const views of viewCounts) {
          const probabilities = probeProbabilities(probe, train, labels, set.test, HAM_CLASSES.length, views);
          const row = {
            features: set.features,
            probe,
            labelFraction,
            views,
            score: scoreProbabilities(
              probabilities,
              testLabels,
              HAM_CLASSES.length,
              options.resamples ?? 1000,
            ),
          };
          options.log?.(row);
          rows.push(row);
        }
    }
  }
  return rows;
}
