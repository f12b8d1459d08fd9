import { AppError } from '@dermino/db';
import type { ImagePrediction } from '@dermino/model';
import type { Prediction } from '../generated/resolvers-types.js';
import { applyTemperature, entropyOf } from './fit-temperature.js';
import type { LoadedModel } from './load-model.js';

/** The GraphQL Prediction of one onnxruntime output: calibrated classes, uncertainty, heatmap, model. */
export function shapePrediction(loaded: LoadedModel, output: ImagePrediction): Prediction {
  const { model, temperature } = loaded;
  if (!output.probabilities) {
    throw new AppError('CONFLICT', {
      message: `Model ${model.name} has no classifier output (a backbone or kNN model); promote or name a classifier.`,
      details: { argument: 'modelId' },
    });
  }
  const names = loaded.session.metadata.classNames;
  const raw = Array.from(output.probabilities);
  const calibrated = applyTemperature(raw, temperature);
  const classes = raw
    .map((rawProbability, index) => ({
      name: names[index] ?? String(index),
      rawProbability,
      probability: calibrated[index],
    }))
    .sort((a, b) => b.probability - a.probability);
  const entropy = entropyOf(raw);
  return {
    classes,
    predicted: classes[0],
    uncertainty: {
      entropy,
      normalizedEntropy: raw.length > 1 ? entropy / Math.log(raw.length) : 0,
      confidence: classes[0].probability,
      calibration: temperature === null ? 'UNCALIBRATED' : 'TEMPERATURE_SCALED',
      temperature,
    },
    explanation: output.explanation
      ? {
          method: output.explanation.kind,
          gridSize: output.explanation.gridSize,
          values: Array.from(output.explanation.values),
        }
      : null,
    modelVersion: { id: model.id, name: model.name, aliases: model.aliases.map((a) => a.alias) },
  };
}
