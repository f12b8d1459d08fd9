// Shapes of the API's Prediction and SimilarCasesResult as the predict page uses them (shared by server and client).

export interface ClassProbability {
  name: string;
  probability: number;
  rawProbability: number;
}

export interface Prediction {
  classes: ClassProbability[];
  predicted: ClassProbability;
  uncertainty: {
    entropy: number;
    normalizedEntropy: number;
    confidence: number;
    calibration: 'TEMPERATURE_SCALED' | 'UNCALIBRATED';
    temperature: number | null;
  };
  explanation: { method: string; gridSize: number; values: number[] } | null;
  modelVersion: { id: string; name: string; aliases: string[] };
}

export interface SimilarCase {
  similarity: number;
  image: { id: string };
  case: { id: string; site: string };
  diagnosis: {
    confirmation: string;
    concept: { code: string; name: string; malignant: boolean | null };
  } | null;
}

export interface SimilarCasesResult {
  modelVersionId: string;
  cases: SimilarCase[];
  diagnosisDistribution: { concept: { code: string; name: string }; count: number; fraction: number }[];
}

/** What the analyse action hands back to the page: each part may fail on its own. */
export interface Analysis {
  uploadId: string;
  prediction: { ok: true; value: Prediction } | { ok: false; code: string; message: string };
  similar: { ok: true; value: SimilarCasesResult } | { ok: false; code: string; message: string };
}
