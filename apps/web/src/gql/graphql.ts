/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AdjudicateAnnotationInput = {
  /** The diagnosis concept code decided on. */
  conceptCode: string;
  imageId: string | number;
  /** Why (kept in the audit event); at most 2,000 characters. */
  note?: string | null | undefined;
};

export type Calibration =
  /** softmax(log p / T) with T fitted on the model's newest evaluation */
  | 'TEMPERATURE_SCALED'
  /** the model has no evaluation yet: raw softmax */
  | 'UNCALIBRATED';

/** All conditions must hold; within one list any value may match. An empty list does not restrict. */
export type CaseFilter = {
  /** Concept codes; a code matches its descendants too (melanocytic matches nv and mel). Unknown codes are an error. */
  diagnosis?: Array<string> | null | undefined;
  /** Has at least one annotation, on the case or on one of its images. */
  labelled?: boolean | null | undefined;
  /** Anatomical sites. */
  site?: Array<string> | null | undefined;
  skinType?: Array<SkinType> | null | undefined;
  /** Source of the case or of any of its images (dataset or hospital site). */
  source?: Array<string> | null | undefined;
};

export type Confirmation =
  | 'CONFOCAL'
  | 'CONSENSUS'
  | 'FOLLOW_UP'
  | 'HISTOPATHOLOGY'
  | 'MODEL'
  | 'SINGLE_READER';

/** Which images a new version takes; all conditions must hold. */
export type CurationFilterInput = {
  confirmation?: Array<Confirmation> | null | undefined;
  diagnosis?: Array<string> | null | undefined;
  labelled?: boolean | null | undefined;
  sex?: Array<Sex> | null | undefined;
  site?: Array<string> | null | undefined;
  skinType?: Array<SkinType> | null | undefined;
  source?: Array<string> | null | undefined;
};

export type DataAuditFilter = {
  datasetVersionId?: Array<string | number> | null | undefined;
};

/** All conditions must hold; within one list any value may match. An empty list does not restrict. */
export type EvaluationFilter = {
  datasetVersionId?: Array<string | number> | null | undefined;
  modelId?: Array<string | number> | null | undefined;
  split?: Array<Split> | null | undefined;
};

export type FreezeDatasetVersionInput = {
  filter: CurationFilterInput;
  groupBy: SplitGroup;
  /** The dataset (made if new). */
  name: string;
  note?: string | null | undefined;
  seed: number;
  /** Train/val/test ratios like 70/15/15. */
  split: string;
};

export type ImportRunStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'RUNNING';

/** All conditions must hold; within one list any value may match. An empty list does not restrict. */
export type JobFilter = {
  /** Ids of the users who queued the jobs. */
  createdBy?: Array<string | number> | null | undefined;
  kind?: Array<JobKind> | null | undefined;
  status?: Array<JobStatus> | null | undefined;
};

export type JobKind =
  | 'AUDIT'
  | 'DRIFT'
  | 'EMBED'
  | 'EVALUATE'
  | 'FINETUNE'
  | 'IMPORT'
  | 'PRETRAIN'
  | 'QUALITY';

export type JobStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type LabelOutcome =
  | 'LABELLED'
  | 'SKIPPED'
  /** The reader could not decide (a tentative code may be given); the image goes to a second reader. */
  | 'UNSURE';

export type LabellingFilter = {
  site?: Array<string> | null | undefined;
  skinType?: Array<SkinType> | null | undefined;
  source?: Array<string> | null | undefined;
};

/** How the labelling queue ranks images. */
export type LabellingStrategy =
  /** Second reads first, ranked by how little the model believes the first reader. */
  | 'DISAGREEMENT'
  /** k-center greedy on the embeddings alone: the images least like any chosen. */
  | 'DIVERSITY'
  /** A seeded random draw: an unbiased sample. */
  | 'RANDOM'
  /** The champion's most uncertain images (margin), spread over the backbone's embedding space by k-center greedy so one batch does not repeat one kind of lesion. */
  | 'UNCERTAINTY';

export type LoginInput = {
  email: string;
  password: string;
};

export type Modality =
  | 'CLINICAL'
  | 'DERMOSCOPIC';

export type ModelKind =
  | 'BACKBONE'
  | 'CLASSIFIER';

/** READY, or FAILED: the model failed a check when it was registered (a collapsed backbone) and can never be promoted. */
export type ModelVersionStatus =
  | 'FAILED'
  | 'READY';

export type PromoteModelInput = {
  /** Lower-case letters, digits and dashes, e.g. champion or challenger. */
  alias: string;
  modelId: string | number;
};

export type RateSimilarCaseInput = {
  helpful: boolean;
  /** The model of the search that showed the result. */
  modelId: string | number;
  /** The query of that search: an image or an upload. */
  queryImageId?: string | number | null | undefined;
  queryUploadId?: string | number | null | undefined;
  resultImageId: string | number;
};

export type Role =
  | 'ADMIN'
  | 'CLINICIAN'
  | 'DATA'
  | 'MANAGER';

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'OTHER'
  | 'UNKNOWN';

export type SkinType =
  | 'I'
  | 'II'
  | 'III'
  | 'IV'
  | 'UNKNOWN'
  | 'V'
  | 'VI';

export type Split =
  | 'TEST'
  | 'TRAIN'
  | 'VAL';

export type SplitGroup =
  /** All images of a lesion (case) go to one split. */
  | 'LESION'
  /** All images of a patient go to one split. */
  | 'PATIENT';

export type SubmitLabelInput = {
  /** A diagnosis code of the taxonomy: required for LABELLED, optional for UNSURE, none for SKIPPED. */
  code?: string | null | undefined;
  imageId: string | number;
  outcome?: LabelOutcome;
  /** Whether the model's suggestion was on screen when you answered. */
  suggestionShown: boolean;
};

export type UndoLabelInput = {
  imageId: string | number;
};

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string } };

export type DemoAnswerKeyScoreQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoAnswerKeyScoreQuery = { demoAnswerKeyScore: { seed: number, images: number, plantedWrongLabels: number, plantedNearDuplicates: number, plantedDrift: { site: string, month: string } | null, drift: { reportId: string, createdAt: string, stableMonths: number, falseAlarmMonths: number, falseAlarmRate: number | null, driftMonths: number, detectedMonths: number, detectionDelay: number | null, siteNamedMonths: number, months: Array<{ month: string, drifted: boolean, alarmed: boolean, siteNamed: boolean }> } | null, audit: { auditId: string, createdAt: string, embeddingWarning: string | null, labelIssues: { flagged: number, planted: number, truePositives: number, precision: number | null, recall: number | null }, nearDuplicates: { flagged: number, planted: number, truePositives: number, precision: number | null, recall: number | null } } | null } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, role: Role } | null };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type CaseListQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CaseListQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, externalId: string | null, site: string, source: string, createdAt: string, patient: { pseudonym: string, skinType: SkinType }, diagnosis: { id: string, code: string, name: string, malignant: boolean | null } | null, images: Array<{ id: string }> } }> } };

export type CaseFilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CaseFilterOptionsQuery = { concepts: Array<{ id: string, code: string, name: string, malignant: boolean | null, parent: { id: string } | null }>, caseFacets: { sites: Array<string>, sources: Array<string> } };

export type CaseDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseDetailQuery = { case: { id: string, externalId: string | null, site: string, source: string, createdAt: string, patient: { id: string, pseudonym: string, sex: Sex, ageBand: string | null, skinType: SkinType }, diagnosis: { id: string, code: string, name: string, malignant: boolean | null } | null, images: Array<{ id: string, width: number | null, height: number | null, modality: Modality, device: string | null, source: string, capturedAt: string | null, quality: { brightness: number | null, contrast: number | null, colorCast: number | null, blurVariance: number | null } | null }>, annotations: Array<{ id: string, annotator: string, confirmation: Confirmation, createdAt: string, concept: { id: string, code: string, name: string, malignant: boolean | null }, image: { id: string } | null }> } | null };

export type CurationGridQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CurationGridQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, site: string, source: string, patient: { skinType: SkinType }, images: Array<{ id: string }> } }> } };

export type ImageSummariesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ImageSummariesQuery = { imageSummaries: Array<{ imageId: string, caseId: string, diagnosis: string | null, skinType: SkinType, site: string, source: string }> };

export type LatestAuditQueryVariables = Exact<{
  filter?: DataAuditFilter | null | undefined;
}>;


export type LatestAuditQuery = { dataAudits: { edges: Array<{ node: { id: string, datasetVersionId: string, report: unknown, createdAt: string } }> } };

export type CurationVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CurationVersionsQuery = { datasets: { edges: Array<{ node: { name: string, versions: Array<{ id: string, version: number }> } }> } };

export type ImportRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportRunsQuery = { importRuns: { totalCount: number, edges: Array<{ node: { id: string, kind: string, status: ImportRunStatus, counts: unknown, startedAt: string, finishedAt: string | null } }> } };

export type ImportRunProblemsQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportRunProblemsQuery = { importRun: { id: string, kind: string, status: ImportRunStatus, counts: unknown, startedAt: string, finishedAt: string | null, problems: { totalCount: number, edges: Array<{ node: { row: number, field: string | null, reason: string } }> } } | null };

export type AdjudicateMutationVariables = Exact<{
  input: AdjudicateAnnotationInput;
}>;


export type AdjudicateMutation = { adjudicateAnnotation: { id: string, concept: { code: string } } };

export type DatasetsQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetsQuery = { datasets: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string | null, versions: Array<{ id: string, version: number, contentHash: string, createdAt: string, itemCount: number, note: string | null }> } }> } };

export type DatasetCompositionsQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetCompositionsQuery = { datasets: { edges: Array<{ node: { versions: Array<{ id: string, composition: { total: number, labelled: number, bySplit: Array<{ key: string, count: number }>, byDiagnosis: Array<{ key: string, count: number }>, bySkinType: Array<{ key: string, count: number }>, cells: Array<{ split: Split, diagnosis: string | null, skinType: SkinType | null, count: number }> } }> } }> } };

export type DatasetVersionLeakageQueryVariables = Exact<{
  versionId: string | number;
}>;


export type DatasetVersionLeakageQuery = { datasetVersionLeakage: unknown };

export type ConceptCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConceptCodesQuery = { concepts: Array<{ code: string, name: string }> };

export type FreezeDatasetVersionMutationVariables = Exact<{
  input: FreezeDatasetVersionInput;
}>;


export type FreezeDatasetVersionMutation = { freezeDatasetVersion: { versionId: string, version: number, contentHash: string, images: number, ties: number } };

export type DriftReportsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type DriftReportsQuery = { driftReports: { edges: Array<{ node: { id: string, modelVersionId: string | null, referenceFrom: string, referenceTo: string, windows: unknown, alerts: unknown, createdAt: string, alarmScore: { stableMonths: number, falseAlarmMonths: number, falseAlarmRate: number | null, driftMonths: number, detectedMonths: number, detectionDelay: number | null, sourceNamedMonths: number, deviceChange: { source: string, device: string, month: string } | null } | null } }> } };

export type EmbeddingPickerQueryVariables = Exact<{ [key: string]: never; }>;


export type EmbeddingPickerQuery = { embeddingModels: Array<{ id: string, name: string, kind: ModelKind, createdAt: string, aliases: Array<string>, embeddingCount: number, dim: number }>, datasets: { edges: Array<{ node: { id: string, name: string, versions: Array<{ id: string, version: number, itemCount: number }> } }> } };

export type EmbeddingProjectionQueryVariables = Exact<{
  modelId: string | number;
  datasetVersionId?: string | number | null | undefined;
  limit?: number | null | undefined;
}>;


export type EmbeddingProjectionQuery = { embeddingProjection: { modelId: string, method: string, explainedVariance: Array<number>, total: number, points: Array<{ imageId: string, caseId: string, x: number, y: number, diagnosis: string | null, skinType: SkinType | null, site: string | null, split: Split | null }> } };

export type PixelBaselineFieldsFragment = { method: string, inputSize: number, trainImages: number, testImages: number, labelFraction: number, beatsBaseline: boolean, beatsBaselineClearly: boolean, balancedAccuracy: { value: number | null, ciLow: number | null, ciHigh: number | null }, macroAuroc: { value: number | null, ciLow: number | null, ciHigh: number | null }, balancedAccuracyGain: { model: number | null, baseline: number | null, difference: number | null, ciLow: number | null, ciHigh: number | null }, macroAurocGain: { model: number | null, baseline: number | null, difference: number | null, ciLow: number | null, ciHigh: number | null } };

export type EvaluationQueryVariables = Exact<{
  id: string | number;
}>;


export type EvaluationQuery = { evaluation: { id: string, modelVersionId: string, datasetVersionId: string, split: Split, report: unknown, predictionCount: number, createdAt: string, baseline: { method: string, inputSize: number, trainImages: number, testImages: number, labelFraction: number, beatsBaseline: boolean, beatsBaselineClearly: boolean, balancedAccuracy: { value: number | null, ciLow: number | null, ciHigh: number | null }, macroAuroc: { value: number | null, ciLow: number | null, ciHigh: number | null }, balancedAccuracyGain: { model: number | null, baseline: number | null, difference: number | null, ciLow: number | null, ciHigh: number | null }, macroAurocGain: { model: number | null, baseline: number | null, difference: number | null, ciLow: number | null, ciHigh: number | null } } | null } | null };

export type EvaluationSubgroupsQueryVariables = Exact<{
  id: string | number;
}>;


export type EvaluationSubgroupsQuery = { evaluation: { id: string, modelVersionId: string, datasetVersionId: string, split: Split, predictionCount: number, createdAt: string, report: unknown, baseline: { method: string, inputSize: number, trainImages: number, testImages: number, labelFraction: number, beatsBaseline: boolean, beatsBaselineClearly: boolean, balancedAccuracy: { value: number | null, ciLow: number | null, ciHigh: number | null }, macroAuroc: { value: number | null, ciLow: number | null, ciHigh: number | null }, balancedAccuracyGain: { model: number | null, baseline: number | null, difference: number | null, ciLow: number | null, ciHigh: number | null }, macroAurocGain: { model: number | null, baseline: number | null, difference: number | null, ciLow: number | null, ciHigh: number | null } } | null } | null };

export type EvaluationHeadlineQueryVariables = Exact<{
  id: string | number;
}>;


export type EvaluationHeadlineQuery = { evaluation: { id: string, modelVersionId: string, datasetVersionId: string, split: Split, predictionCount: number, createdAt: string, report: unknown, baseline: { method: string, inputSize: number, trainImages: number, testImages: number, labelFraction: number, beatsBaseline: boolean, beatsBaselineClearly: boolean, balancedAccuracy: { value: number | null, ciLow: number | null, ciHigh: number | null }, macroAuroc: { value: number | null, ciLow: number | null, ciHigh: number | null }, balancedAccuracyGain: { model: number | null, baseline: number | null, difference: number | null, ciLow: number | null, ciHigh: number | null }, macroAurocGain: { model: number | null, baseline: number | null, difference: number | null, ciLow: number | null, ciHigh: number | null } } | null } | null };

export type EvaluationsQueryVariables = Exact<{
  filter?: EvaluationFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type EvaluationsQuery = { evaluations: { totalCount: number, edges: Array<{ node: { id: string, modelVersionId: string, datasetVersionId: string, split: Split, predictionCount: number, createdAt: string } }> } };

export type JobFieldsFragment = { id: string, kind: JobKind, payload: unknown, status: JobStatus, step: number, total: number | null, rate: number | null, etaSeconds: number | null, metrics: unknown, error: string | null, attempts: number, createdBy: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null };

export type JobsQueryVariables = Exact<{
  filter?: JobFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type JobsQuery = { jobs: { totalCount: number, edges: Array<{ node: { id: string, kind: JobKind, payload: unknown, status: JobStatus, step: number, total: number | null, rate: number | null, etaSeconds: number | null, metrics: unknown, error: string | null, attempts: number, createdBy: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null } }> } };

export type CancelJobMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelJobMutation = { cancelJob: { id: string, status: JobStatus } };

export type JobDetailQueryVariables = Exact<{
  id: string | number;
  last?: number | null | undefined;
}>;


export type JobDetailQuery = { job: { id: string, kind: JobKind, payload: unknown, status: JobStatus, step: number, total: number | null, rate: number | null, etaSeconds: number | null, metrics: unknown, error: string | null, attempts: number, createdBy: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, logs: Array<{ at: string, level: string, message: string }>, curve: Array<{ step: number, metrics: unknown }>, healthCurve: Array<{ step: number, metrics: unknown }> } | null };

export type LabelsSinceChampionQueryVariables = Exact<{ [key: string]: never; }>;


export type LabelsSinceChampionQuery = { labellingProgress: { labelsSinceChampion: number | null } };

export type LabelEfficiencyQueryVariables = Exact<{ [key: string]: never; }>;


export type LabelEfficiencyQuery = { labelEfficiency: { method: string, backbone: { id: string, name: string }, points: Array<{ labels: number, evaluatedAt: string, champion: boolean, model: { id: string, name: string }, balancedAccuracy: { value: number | null, ciLow: number | null, ciHigh: number | null }, pixelBaseline: { value: number | null, ciLow: number | null, ciHigh: number | null } | null }> } | null };

export type LabellingTaskFieldsFragment = { id: string, round: number, reason: string, expiresAt: string, outcome: LabelOutcome | null, code: string | null, suggestionAccepted: boolean | null, image: { id: string }, case: { id: string, site: string, patient: { pseudonym: string, skinType: SkinType } }, suggestion: Array<{ code: string, probability: number }>, similarCases: Array<{ similarity: number, image: { id: string }, case: { id: string }, diagnosis: { concept: { code: string, name: string } } | null }>, otherLesions: Array<{ id: string, site: string, diagnosis: { code: string } | null }> };

export type LabellingQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  strategy?: LabellingStrategy | null | undefined;
  filter?: LabellingFilter | null | undefined;
}>;


export type LabellingQueueQuery = { labellingQueue: { edges: Array<{ node: { id: string, round: number, reason: string, expiresAt: string, outcome: LabelOutcome | null, code: string | null, suggestionAccepted: boolean | null, image: { id: string }, case: { id: string, site: string, patient: { pseudonym: string, skinType: SkinType } }, suggestion: Array<{ code: string, probability: number }>, similarCases: Array<{ similarity: number, image: { id: string }, case: { id: string }, diagnosis: { concept: { code: string, name: string } } | null }>, otherLesions: Array<{ id: string, site: string, diagnosis: { code: string } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LabellingWorkbenchQueryVariables = Exact<{ [key: string]: never; }>;


export type LabellingWorkbenchQuery = { labellingProgress: { labelled: number }, concepts: Array<{ code: string, name: string }> };

export type ExplainImageQueryVariables = Exact<{
  imageId: string | number;
}>;


export type ExplainImageQuery = { predict: { explanation: { method: string, gridSize: number, values: Array<number> } | null } };

export type SubmitLabelMutationVariables = Exact<{
  input: SubmitLabelInput;
}>;


export type SubmitLabelMutation = { submitLabel: { outcome: LabelOutcome | null, code: string | null, suggestionAccepted: boolean | null } };

export type UndoLabelMutationVariables = Exact<{
  input: UndoLabelInput;
}>;


export type UndoLabelMutation = { undoLabel: { outcome: LabelOutcome | null } };

export type SecondReadsQueryVariables = Exact<{ [key: string]: never; }>;


export type SecondReadsQuery = { labelDisagreements: Array<{ codes: Array<string>, image: { id: string } }>, readerAgreement: Array<{ reader: string, labels: number, agreement: number, kappa: number | null }> };

export type RetrainChampionMutationVariables = Exact<{
  championId?: string | number | null | undefined;
}>;


export type RetrainChampionMutation = { retrainChampion: { datasetVersionId: string, finetuneJobId: string, evaluateJobId: string, labels: number } };

export type CompareModelsQueryVariables = Exact<{
  datasetVersionId: string | number;
  modelA: string | number;
  modelB: string | number;
  split?: Split | null | undefined;
}>;


export type CompareModelsQuery = { compareModels: { datasetVersionId: string, split: Split, n: number, report: unknown, modelA: { id: string, name: string }, modelB: { id: string, name: string } } };

export type ModelFieldsFragment = { id: string, name: string, kind: ModelKind, config: unknown, classes: Array<string> | null, datasetVersionId: string | null, createdAt: string, licence: string | null, status: ModelVersionStatus, statusReason: string | null, parent: { id: string, name: string, kind: ModelKind } | null, job: { id: string, kind: JobKind } | null, aliases: Array<{ alias: string, updatedAt: string, updatedBy: string | null }>, evaluations: Array<{ id: string, datasetVersionId: string, split: Split, predictionCount: number, createdAt: string }> };

export type ModelsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ModelsQuery = { models: { totalCount: number, edges: Array<{ node: { id: string, name: string, kind: ModelKind, config: unknown, classes: Array<string> | null, datasetVersionId: string | null, createdAt: string, licence: string | null, status: ModelVersionStatus, statusReason: string | null, parent: { id: string, name: string, kind: ModelKind } | null, job: { id: string, kind: JobKind } | null, aliases: Array<{ alias: string, updatedAt: string, updatedBy: string | null }>, evaluations: Array<{ id: string, datasetVersionId: string, split: Split, predictionCount: number, createdAt: string }> } }> } };

export type ModelQueryVariables = Exact<{
  id: string | number;
}>;


export type ModelQuery = { model: { metrics: unknown, id: string, name: string, kind: ModelKind, config: unknown, classes: Array<string> | null, datasetVersionId: string | null, createdAt: string, licence: string | null, status: ModelVersionStatus, statusReason: string | null, artifacts: Array<{ kind: string, sha256: string, bytes: number }>, importedFrom: { fileName: string, sha256: string, format: string, architecture: string, taken: string | null } | null, parent: { id: string, name: string, kind: ModelKind } | null, job: { id: string, kind: JobKind } | null, aliases: Array<{ alias: string, updatedAt: string, updatedBy: string | null }>, evaluations: Array<{ id: string, datasetVersionId: string, split: Split, predictionCount: number, createdAt: string }> } | null };

export type ModelByAliasQueryVariables = Exact<{
  alias: string;
}>;


export type ModelByAliasQuery = { modelByAlias: { id: string, name: string, kind: ModelKind, config: unknown, classes: Array<string> | null, datasetVersionId: string | null, createdAt: string, licence: string | null, status: ModelVersionStatus, statusReason: string | null, parent: { id: string, name: string, kind: ModelKind } | null, job: { id: string, kind: JobKind } | null, aliases: Array<{ alias: string, updatedAt: string, updatedBy: string | null }>, evaluations: Array<{ id: string, datasetVersionId: string, split: Split, predictionCount: number, createdAt: string }> } | null };

export type DatasetNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetNamesQuery = { datasets: { edges: Array<{ node: { id: string, name: string, versions: Array<{ id: string, version: number, contentHash: string, itemCount: number }> } }> } };

export type PromoteModelMutationVariables = Exact<{
  input: PromoteModelInput;
}>;


export type PromoteModelMutation = { promoteModel: { id: string, name: string } };

export type PredictUploadQueryVariables = Exact<{
  uploadId: string | number;
}>;


export type PredictUploadQuery = { predict: { classes: Array<{ name: string, probability: number, rawProbability: number }>, predicted: { name: string, probability: number, rawProbability: number }, uncertainty: { entropy: number, normalizedEntropy: number, confidence: number, calibration: Calibration, temperature: number | null }, explanation: { method: string, gridSize: number, values: Array<number> } | null, modelVersion: { id: string, name: string, aliases: Array<string> } } };

export type SimilarToUploadQueryVariables = Exact<{
  uploadId: string | number;
  k?: number | null | undefined;
}>;


export type SimilarToUploadQuery = { similarCases: { modelVersionId: string, cases: Array<{ similarity: number, image: { id: string }, case: { id: string, site: string }, diagnosis: { confirmation: Confirmation, concept: { code: string, name: string, malignant: boolean | null } } | null }>, diagnosisDistribution: Array<{ count: number, fraction: number, concept: { code: string, name: string } }> } };

export type RateSimilarCaseMutationVariables = Exact<{
  input: RateSimilarCaseInput;
}>;


export type RateSimilarCaseMutation = { rateSimilarCase: { id: string, helpful: boolean, createdAt: string } };

export type ConceptNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConceptNamesQuery = { concepts: Array<{ code: string, name: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PixelBaselineFieldsFragmentDoc = new TypedDocumentString(`
    fragment PixelBaselineFields on PixelBaseline {
  method
  inputSize
  trainImages
  testImages
  labelFraction
  beatsBaseline
  beatsBaselineClearly
  balancedAccuracy {
    value
    ciLow
    ciHigh
  }
  macroAuroc {
    value
    ciLow
    ciHigh
  }
  balancedAccuracyGain {
    model
    baseline
    difference
    ciLow
    ciHigh
  }
  macroAurocGain {
    model
    baseline
    difference
    ciLow
    ciHigh
  }
}
    `, {"fragmentName":"PixelBaselineFields"}) as unknown as TypedDocumentString<PixelBaselineFieldsFragment, unknown>;
export const JobFieldsFragmentDoc = new TypedDocumentString(`
    fragment JobFields on Job {
  id
  kind
  payload
  status
  step
  total
  rate
  etaSeconds
  metrics
  error
  attempts
  createdBy
  createdAt
  startedAt
  finishedAt
}
    `, {"fragmentName":"JobFields"}) as unknown as TypedDocumentString<JobFieldsFragment, unknown>;
export const LabellingTaskFieldsFragmentDoc = new TypedDocumentString(`
    fragment LabellingTaskFields on LabellingTask {
  id
  round
  reason
  expiresAt
  outcome
  code
  suggestionAccepted
  image {
    id
  }
  case {
    id
    site
    patient {
      pseudonym
      skinType
    }
  }
  suggestion {
    code
    probability
  }
  similarCases {
    similarity
    image {
      id
    }
    case {
      id
    }
    diagnosis {
      concept {
        code
        name
      }
    }
  }
  otherLesions {
    id
    site
    diagnosis {
      code
    }
  }
}
    `, {"fragmentName":"LabellingTaskFields"}) as unknown as TypedDocumentString<LabellingTaskFieldsFragment, unknown>;
export const ModelFieldsFragmentDoc = new TypedDocumentString(`
    fragment ModelFields on ModelVersion {
  id
  name
  kind
  config
  classes
  datasetVersionId
  createdAt
  licence
  status
  statusReason
  parent {
    id
    name
    kind
  }
  job {
    id
    kind
  }
  aliases {
    alias
    updatedAt
    updatedBy
  }
  evaluations {
    id
    datasetVersionId
    split
    predictionCount
    createdAt
  }
}
    `, {"fragmentName":"ModelFields"}) as unknown as TypedDocumentString<ModelFieldsFragment, unknown>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
  }
}
    `, {"hash":"180392c100a4e32c2e8522ccc57aed8881e6f21031ad1679a9b5c97de454ce42"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const DemoAnswerKeyScoreDocument = new TypedDocumentString(`
    query DemoAnswerKeyScore {
  demoAnswerKeyScore {
    seed
    images
    plantedDrift {
      site
      month
    }
    plantedWrongLabels
    plantedNearDuplicates
    drift {
      reportId
      createdAt
      stableMonths
      falseAlarmMonths
      falseAlarmRate
      driftMonths
      detectedMonths
      detectionDelay
      siteNamedMonths
      months {
        month
        drifted
        alarmed
        siteNamed
      }
    }
    audit {
      auditId
      createdAt
      embeddingWarning
      labelIssues {
        flagged
        planted
        truePositives
        precision
        recall
      }
      nearDuplicates {
        flagged
        planted
        truePositives
        precision
        recall
      }
    }
  }
}
    `, {"hash":"3f9f457ca14346df415fcca0f5d9d7fc76dd8ee4f5d010c08f3a90d618a0e6e1"}) as unknown as TypedDocumentString<DemoAnswerKeyScoreQuery, DemoAnswerKeyScoreQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    name
    role
  }
}
    `, {"hash":"316b292677e1d0afa4d752cf95516491094fcea6ed13a7a069216b83dbd21cda"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `, {"hash":"cb1d14c1cc99a25294cfa4376de2402364cb32e6c038a11fb36cf0ebb3a5ce91"}) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const CaseListDocument = new TypedDocumentString(`
    query CaseList($filter: CaseFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        externalId
        site
        source
        createdAt
        patient {
          pseudonym
          skinType
        }
        diagnosis {
          id
          code
          name
          malignant
        }
        images {
          id
        }
      }
    }
  }
}
    `, {"hash":"78b93753d4d20b7a8a6c04182ea1f06136c9000fc99da62bf7be19075b96532c"}) as unknown as TypedDocumentString<CaseListQuery, CaseListQueryVariables>;
export const CaseFilterOptionsDocument = new TypedDocumentString(`
    query CaseFilterOptions {
  concepts {
    id
    code
    name
    malignant
    parent {
      id
    }
  }
  caseFacets {
    sites
    sources
  }
}
    `, {"hash":"1cb7812c665d19695a81ce4a066bff2a8dc0eb32820f7903c660af8bbf0b6597"}) as unknown as TypedDocumentString<CaseFilterOptionsQuery, CaseFilterOptionsQueryVariables>;
export const CaseDetailDocument = new TypedDocumentString(`
    query CaseDetail($id: ID!) {
  case(id: $id) {
    id
    externalId
    site
    source
    createdAt
    patient {
      id
      pseudonym
      sex
      ageBand
      skinType
    }
    diagnosis {
      id
      code
      name
      malignant
    }
    images {
      id
      width
      height
      modality
      device
      source
      capturedAt
      quality {
        brightness
        contrast
        colorCast
        blurVariance
      }
    }
    annotations {
      id
      annotator
      confirmation
      createdAt
      concept {
        id
        code
        name
        malignant
      }
      image {
        id
      }
    }
  }
}
    `, {"hash":"91d6f2394f1b1e0eeea3019c2f06818cfce9ec27bb047947f2b48833c8a945bc"}) as unknown as TypedDocumentString<CaseDetailQuery, CaseDetailQueryVariables>;
export const CurationGridDocument = new TypedDocumentString(`
    query CurationGrid($filter: CaseFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        site
        source
        patient {
          skinType
        }
        images {
          id
        }
      }
    }
  }
}
    `, {"hash":"e0739103204d0c207a419d669be43837a2859e2002fd1d964c56e7994b22a15f"}) as unknown as TypedDocumentString<CurationGridQuery, CurationGridQueryVariables>;
export const ImageSummariesDocument = new TypedDocumentString(`
    query ImageSummaries($ids: [ID!]!) {
  imageSummaries(ids: $ids) {
    imageId
    caseId
    diagnosis
    skinType
    site
    source
  }
}
    `, {"hash":"ae46869f062c64536320146953c6f7349492713886516ceba8a154a2a0225706"}) as unknown as TypedDocumentString<ImageSummariesQuery, ImageSummariesQueryVariables>;
export const LatestAuditDocument = new TypedDocumentString(`
    query LatestAudit($filter: DataAuditFilter) {
  dataAudits(filter: $filter, first: 1) {
    edges {
      node {
        id
        datasetVersionId
        report
        createdAt
      }
    }
  }
}
    `, {"hash":"e096c80e5b4ec6e2e9fabba3bafdd265c53e7ed42a896725dcb27ef0c63f64ab"}) as unknown as TypedDocumentString<LatestAuditQuery, LatestAuditQueryVariables>;
export const CurationVersionsDocument = new TypedDocumentString(`
    query CurationVersions {
  datasets(first: 100) {
    edges {
      node {
        name
        versions {
          id
          version
        }
      }
    }
  }
}
    `, {"hash":"1a8b1fdfe97ec62608de18d9627dfff21c87144924aa5a78c1659583862d7430"}) as unknown as TypedDocumentString<CurationVersionsQuery, CurationVersionsQueryVariables>;
export const ImportRunsDocument = new TypedDocumentString(`
    query ImportRuns {
  importRuns(first: 20) {
    totalCount
    edges {
      node {
        id
        kind
        status
        counts
        startedAt
        finishedAt
      }
    }
  }
}
    `, {"hash":"ff7852e4e2ef00e772a1e72a651022113c1be5100ede8ec55f5c455397eddad7"}) as unknown as TypedDocumentString<ImportRunsQuery, ImportRunsQueryVariables>;
export const ImportRunProblemsDocument = new TypedDocumentString(`
    query ImportRunProblems($id: ID!) {
  importRun(id: $id) {
    id
    kind
    status
    counts
    startedAt
    finishedAt
    problems(first: 500) {
      totalCount
      edges {
        node {
          row
          field
          reason
        }
      }
    }
  }
}
    `, {"hash":"08a61aa9a59b040f7fa159f8c6f6e0445c05a9e4827a318a9b6968c7eadcea78"}) as unknown as TypedDocumentString<ImportRunProblemsQuery, ImportRunProblemsQueryVariables>;
export const AdjudicateDocument = new TypedDocumentString(`
    mutation Adjudicate($input: AdjudicateAnnotationInput!) {
  adjudicateAnnotation(input: $input) {
    id
    concept {
      code
    }
  }
}
    `, {"hash":"b75f03095dc998baff36132701e3b99223e464e4176d4d7d8ac2e4d64bdd43a6"}) as unknown as TypedDocumentString<AdjudicateMutation, AdjudicateMutationVariables>;
export const DatasetsDocument = new TypedDocumentString(`
    query Datasets {
  datasets(first: 100) {
    totalCount
    edges {
      node {
        id
        name
        description
        versions {
          id
          version
          contentHash
          createdAt
          itemCount
          note
        }
      }
    }
  }
}
    `, {"hash":"113c26fc6370550a47693284dc9f856de6532ccc824b5b7dd0ab5f37fba1b0e4"}) as unknown as TypedDocumentString<DatasetsQuery, DatasetsQueryVariables>;
export const DatasetCompositionsDocument = new TypedDocumentString(`
    query DatasetCompositions {
  datasets(first: 100) {
    edges {
      node {
        versions {
          id
          composition {
            total
            labelled
            bySplit {
              key
              count
            }
            byDiagnosis {
              key
              count
            }
            bySkinType {
              key
              count
            }
            cells {
              split
              diagnosis
              skinType
              count
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"5c6c42d6d8cd625ea81130ca529a7f0d2d3ac5d0680fe8cc58969c2f50e4f985"}) as unknown as TypedDocumentString<DatasetCompositionsQuery, DatasetCompositionsQueryVariables>;
export const DatasetVersionLeakageDocument = new TypedDocumentString(`
    query DatasetVersionLeakage($versionId: ID!) {
  datasetVersionLeakage(versionId: $versionId)
}
    `, {"hash":"407942c66764e16d887f6f99f687090485dc651667b0162f8ef3b1b3969526f3"}) as unknown as TypedDocumentString<DatasetVersionLeakageQuery, DatasetVersionLeakageQueryVariables>;
export const ConceptCodesDocument = new TypedDocumentString(`
    query ConceptCodes {
  concepts {
    code
    name
  }
}
    `, {"hash":"c2a9637c3f80af6add4342b58e54f498017a7daa47643dc3179f070758570034"}) as unknown as TypedDocumentString<ConceptCodesQuery, ConceptCodesQueryVariables>;
export const FreezeDatasetVersionDocument = new TypedDocumentString(`
    mutation FreezeDatasetVersion($input: FreezeDatasetVersionInput!) {
  freezeDatasetVersion(input: $input) {
    versionId
    version
    contentHash
    images
    ties
  }
}
    `, {"hash":"857501b8fbca3634000733b2800c3c7d376e1fcae219dbae32d14d6b576ba48d"}) as unknown as TypedDocumentString<FreezeDatasetVersionMutation, FreezeDatasetVersionMutationVariables>;
export const DriftReportsDocument = new TypedDocumentString(`
    query DriftReports($first: Int) {
  driftReports(first: $first) {
    edges {
      node {
        id
        modelVersionId
        referenceFrom
        referenceTo
        windows
        alerts
        createdAt
        alarmScore {
          deviceChange {
            source
            device
            month
          }
          stableMonths
          falseAlarmMonths
          falseAlarmRate
          driftMonths
          detectedMonths
          detectionDelay
          sourceNamedMonths
        }
      }
    }
  }
}
    `, {"hash":"ec3e29d3792c60b1e5f9f5d62edd4b2adec393ac93d3f948118f7e1e0ffe75bf"}) as unknown as TypedDocumentString<DriftReportsQuery, DriftReportsQueryVariables>;
export const EmbeddingPickerDocument = new TypedDocumentString(`
    query EmbeddingPicker {
  embeddingModels {
    id
    name
    kind
    createdAt
    aliases
    embeddingCount
    dim
  }
  datasets(first: 100) {
    edges {
      node {
        id
        name
        versions {
          id
          version
          itemCount
        }
      }
    }
  }
}
    `, {"hash":"5fd957c204bbbd44ce68a0b9630c06263800b980abf83837e55d4aa702b55f01"}) as unknown as TypedDocumentString<EmbeddingPickerQuery, EmbeddingPickerQueryVariables>;
export const EmbeddingProjectionDocument = new TypedDocumentString(`
    query EmbeddingProjection($modelId: ID!, $datasetVersionId: ID, $limit: Int) {
  embeddingProjection(
    modelId: $modelId
    datasetVersionId: $datasetVersionId
    limit: $limit
  ) {
    modelId
    method
    explainedVariance
    total
    points {
      imageId
      caseId
      x
      y
      diagnosis
      skinType
      site
      split
    }
  }
}
    `, {"hash":"d9e9845aa65d745f710b5acf98772e6412d97c42014e880184c753befbb1b16c"}) as unknown as TypedDocumentString<EmbeddingProjectionQuery, EmbeddingProjectionQueryVariables>;
export const EvaluationDocument = new TypedDocumentString(`
    query Evaluation($id: ID!) {
  evaluation(id: $id) {
    id
    modelVersionId
    datasetVersionId
    split
    report
    predictionCount
    createdAt
    baseline {
      ...PixelBaselineFields
    }
  }
}
    fragment PixelBaselineFields on PixelBaseline {
  method
  inputSize
  trainImages
  testImages
  labelFraction
  beatsBaseline
  beatsBaselineClearly
  balancedAccuracy {
    value
    ciLow
    ciHigh
  }
  macroAuroc {
    value
    ciLow
    ciHigh
  }
  balancedAccuracyGain {
    model
    baseline
    difference
    ciLow
    ciHigh
  }
  macroAurocGain {
    model
    baseline
    difference
    ciLow
    ciHigh
  }
}`, {"hash":"034914d778640a6de795959ccce0369912cbeb56373b3d1e371046fbf1ea8875"}) as unknown as TypedDocumentString<EvaluationQuery, EvaluationQueryVariables>;
export const EvaluationSubgroupsDocument = new TypedDocumentString(`
    query EvaluationSubgroups($id: ID!) {
  evaluation(id: $id) {
    id
    modelVersionId
    datasetVersionId
    split
    predictionCount
    createdAt
    report(parts: [META, OVERALL, MALIGNANCY, GROUPS, GAPS])
    baseline {
      ...PixelBaselineFields
    }
  }
}
    fragment PixelBaselineFields on PixelBaseline {
  method
  inputSize
  trainImages
  testImages
  labelFraction
  beatsBaseline
  beatsBaselineClearly
  balancedAccuracy {
    value
    ciLow
    ciHigh
  }
  macroAuroc {
    value
    ciLow
    ciHigh
  }
  balancedAccuracyGain {
    model
    baseline
    difference
    ciLow
    ciHigh
  }
  macroAurocGain {
    model
    baseline
    difference
    ciLow
    ciHigh
  }
}`, {"hash":"df6564f20b0fe6afa144c35765f1c878faf24ab9c0ba0d851fd408df222613c8"}) as unknown as TypedDocumentString<EvaluationSubgroupsQuery, EvaluationSubgroupsQueryVariables>;
export const EvaluationHeadlineDocument = new TypedDocumentString(`
    query EvaluationHeadline($id: ID!) {
  evaluation(id: $id) {
    id
    modelVersionId
    datasetVersionId
    split
    predictionCount
    createdAt
    report(parts: [META, OVERALL, MALIGNANCY])
    baseline {
      ...PixelBaselineFields
    }
  }
}
    fragment PixelBaselineFields on PixelBaseline {
  method
  inputSize
  trainImages
  testImages
  labelFraction
  beatsBaseline
  beatsBaselineClearly
  balancedAccuracy {
    value
    ciLow
    ciHigh
  }
  macroAuroc {
    value
    ciLow
    ciHigh
  }
  balancedAccuracyGain {
    model
    baseline
    difference
    ciLow
    ciHigh
  }
  macroAurocGain {
    model
    baseline
    difference
    ciLow
    ciHigh
  }
}`, {"hash":"cb06d9a38ed2feed28d7446d203436c7a0b652e6fc92d0929ba992127b2d1f52"}) as unknown as TypedDocumentString<EvaluationHeadlineQuery, EvaluationHeadlineQueryVariables>;
export const EvaluationsDocument = new TypedDocumentString(`
    query Evaluations($filter: EvaluationFilter, $first: Int) {
  evaluations(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        id
        modelVersionId
        datasetVersionId
        split
        predictionCount
        createdAt
      }
    }
  }
}
    `, {"hash":"5b88e978df75c7c09630205db1e4875b49a2bb39ff9733142ccb21c22086e02f"}) as unknown as TypedDocumentString<EvaluationsQuery, EvaluationsQueryVariables>;
export const JobsDocument = new TypedDocumentString(`
    query Jobs($filter: JobFilter, $first: Int) {
  jobs(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        ...JobFields
      }
    }
  }
}
    fragment JobFields on Job {
  id
  kind
  payload
  status
  step
  total
  rate
  etaSeconds
  metrics
  error
  attempts
  createdBy
  createdAt
  startedAt
  finishedAt
}`, {"hash":"00faaac934f8cb4cfceeb502db1162d79d46f10e844d7dbb84e5ee6fc29eb982"}) as unknown as TypedDocumentString<JobsQuery, JobsQueryVariables>;
export const CancelJobDocument = new TypedDocumentString(`
    mutation CancelJob($id: ID!) {
  cancelJob(id: $id) {
    id
    status
  }
}
    `, {"hash":"4474410b6d2397c8a778614eabe68a365e238e90fdfd4ebcece7448740991f69"}) as unknown as TypedDocumentString<CancelJobMutation, CancelJobMutationVariables>;
export const JobDetailDocument = new TypedDocumentString(`
    query JobDetail($id: ID!, $last: Int) {
  job(id: $id) {
    ...JobFields
    logs(last: $last) {
      at
      level
      message
    }
    curve {
      step
      metrics
    }
    healthCurve {
      step
      metrics
    }
  }
}
    fragment JobFields on Job {
  id
  kind
  payload
  status
  step
  total
  rate
  etaSeconds
  metrics
  error
  attempts
  createdBy
  createdAt
  startedAt
  finishedAt
}`, {"hash":"accf29d426e82a8efbbe2ac74e37c2fb294d5ef4f6992c0d591ecb3fa3a518ba"}) as unknown as TypedDocumentString<JobDetailQuery, JobDetailQueryVariables>;
export const LabelsSinceChampionDocument = new TypedDocumentString(`
    query LabelsSinceChampion {
  labellingProgress {
    labelsSinceChampion
  }
}
    `, {"hash":"d954a72478ee7bd0128dab38c7ca5cc9b7260451a42b93b49eab3d7b37d302ea"}) as unknown as TypedDocumentString<LabelsSinceChampionQuery, LabelsSinceChampionQueryVariables>;
export const LabelEfficiencyDocument = new TypedDocumentString(`
    query LabelEfficiency {
  labelEfficiency {
    backbone {
      id
      name
    }
    method
    points {
      model {
        id
        name
      }
      labels
      balancedAccuracy {
        value
        ciLow
        ciHigh
      }
      pixelBaseline {
        value
        ciLow
        ciHigh
      }
      evaluatedAt
      champion
    }
  }
}
    `, {"hash":"27d72f66104a39200644230ae25d92f3c583d29e15370878cfdf24c5ae4a479e"}) as unknown as TypedDocumentString<LabelEfficiencyQuery, LabelEfficiencyQueryVariables>;
export const LabellingQueueDocument = new TypedDocumentString(`
    query LabellingQueue($first: Int, $after: String, $strategy: LabellingStrategy, $filter: LabellingFilter) {
  labellingQueue(
    first: $first
    after: $after
    strategy: $strategy
    filter: $filter
  ) {
    edges {
      node {
        ...LabellingTaskFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment LabellingTaskFields on LabellingTask {
  id
  round
  reason
  expiresAt
  outcome
  code
  suggestionAccepted
  image {
    id
  }
  case {
    id
    site
    patient {
      pseudonym
      skinType
    }
  }
  suggestion {
    code
    probability
  }
  similarCases {
    similarity
    image {
      id
    }
    case {
      id
    }
    diagnosis {
      concept {
        code
        name
      }
    }
  }
  otherLesions {
    id
    site
    diagnosis {
      code
    }
  }
}`, {"hash":"11e1a8f48667f10a3492c3a0efeca3d7cdcb54b205f66c5764a5cd36730199c6"}) as unknown as TypedDocumentString<LabellingQueueQuery, LabellingQueueQueryVariables>;
export const LabellingWorkbenchDocument = new TypedDocumentString(`
    query LabellingWorkbench {
  labellingProgress {
    labelled
  }
  concepts {
    code
    name
  }
}
    `, {"hash":"b5dfe173a0ae629391ab612f4b410010ceb9da9ea7ba3d950565160bbbcc750a"}) as unknown as TypedDocumentString<LabellingWorkbenchQuery, LabellingWorkbenchQueryVariables>;
export const ExplainImageDocument = new TypedDocumentString(`
    query ExplainImage($imageId: ID!) {
  predict(input: {imageId: $imageId}) {
    explanation {
      method
      gridSize
      values
    }
  }
}
    `, {"hash":"6c36ce6fbaa7bdb3168667f84e5ccd3a57f0fbbeb7d102eec0e24db37ba6e71f"}) as unknown as TypedDocumentString<ExplainImageQuery, ExplainImageQueryVariables>;
export const SubmitLabelDocument = new TypedDocumentString(`
    mutation SubmitLabel($input: SubmitLabelInput!) {
  submitLabel(input: $input) {
    outcome
    code
    suggestionAccepted
  }
}
    `, {"hash":"654d3fa176ba16580a92e50dda544770b239bd8879931de2e08529bc04788e58"}) as unknown as TypedDocumentString<SubmitLabelMutation, SubmitLabelMutationVariables>;
export const UndoLabelDocument = new TypedDocumentString(`
    mutation UndoLabel($input: UndoLabelInput!) {
  undoLabel(input: $input) {
    outcome
  }
}
    `, {"hash":"871a00e798cecac555e4592f0ad55dd7b5fb54b87812b66819719d291f80ea2f"}) as unknown as TypedDocumentString<UndoLabelMutation, UndoLabelMutationVariables>;
export const SecondReadsDocument = new TypedDocumentString(`
    query SecondReads {
  labelDisagreements(first: 50) {
    image {
      id
    }
    codes
  }
  readerAgreement {
    reader
    labels
    agreement
    kappa
  }
}
    `, {"hash":"23d6996b45322c496c9ab7d444449af4f821be79c04723b5a69a3a9e6fe56b37"}) as unknown as TypedDocumentString<SecondReadsQuery, SecondReadsQueryVariables>;
export const RetrainChampionDocument = new TypedDocumentString(`
    mutation RetrainChampion($championId: ID) {
  retrainChampion(championId: $championId) {
    datasetVersionId
    finetuneJobId
    evaluateJobId
    labels
  }
}
    `, {"hash":"18c6982eda6f4aba827979f6e2ad98d901ff2babb82b46bcfdbf7305953fcc86"}) as unknown as TypedDocumentString<RetrainChampionMutation, RetrainChampionMutationVariables>;
export const CompareModelsDocument = new TypedDocumentString(`
    query CompareModels($datasetVersionId: ID!, $modelA: ID!, $modelB: ID!, $split: Split) {
  compareModels(
    datasetVersionId: $datasetVersionId
    modelA: $modelA
    modelB: $modelB
    split: $split
  ) {
    datasetVersionId
    split
    n
    report
    modelA {
      id
      name
    }
    modelB {
      id
      name
    }
  }
}
    `, {"hash":"4b0db560ea1b6909a620b22239927de7c5f2e68be8477ba117c186932af045d0"}) as unknown as TypedDocumentString<CompareModelsQuery, CompareModelsQueryVariables>;
export const ModelsDocument = new TypedDocumentString(`
    query Models($first: Int) {
  models(first: $first) {
    totalCount
    edges {
      node {
        ...ModelFields
      }
    }
  }
}
    fragment ModelFields on ModelVersion {
  id
  name
  kind
  config
  classes
  datasetVersionId
  createdAt
  licence
  status
  statusReason
  parent {
    id
    name
    kind
  }
  job {
    id
    kind
  }
  aliases {
    alias
    updatedAt
    updatedBy
  }
  evaluations {
    id
    datasetVersionId
    split
    predictionCount
    createdAt
  }
}`, {"hash":"b2b94e4c1f4aa3272604b5b7cceec437b9c8b0fac6221b9eb668fc629ed036cc"}) as unknown as TypedDocumentString<ModelsQuery, ModelsQueryVariables>;
export const ModelDocument = new TypedDocumentString(`
    query Model($id: ID!) {
  model(id: $id) {
    ...ModelFields
    metrics
    artifacts {
      kind
      sha256
      bytes
    }
    importedFrom {
      fileName
      sha256
      format
      architecture
      taken
    }
  }
}
    fragment ModelFields on ModelVersion {
  id
  name
  kind
  config
  classes
  datasetVersionId
  createdAt
  licence
  status
  statusReason
  parent {
    id
    name
    kind
  }
  job {
    id
    kind
  }
  aliases {
    alias
    updatedAt
    updatedBy
  }
  evaluations {
    id
    datasetVersionId
    split
    predictionCount
    createdAt
  }
}`, {"hash":"1a1965941d2763cd250d937e241a219b58fc04978cda6e238d5bac63f67ace79"}) as unknown as TypedDocumentString<ModelQuery, ModelQueryVariables>;
export const ModelByAliasDocument = new TypedDocumentString(`
    query ModelByAlias($alias: String!) {
  modelByAlias(alias: $alias) {
    ...ModelFields
  }
}
    fragment ModelFields on ModelVersion {
  id
  name
  kind
  config
  classes
  datasetVersionId
  createdAt
  licence
  status
  statusReason
  parent {
    id
    name
    kind
  }
  job {
    id
    kind
  }
  aliases {
    alias
    updatedAt
    updatedBy
  }
  evaluations {
    id
    datasetVersionId
    split
    predictionCount
    createdAt
  }
}`, {"hash":"b3ba3c141dae36779bec4390022a5a529b625cdfeba46f41ecd40c345ecd3762"}) as unknown as TypedDocumentString<ModelByAliasQuery, ModelByAliasQueryVariables>;
export const DatasetNamesDocument = new TypedDocumentString(`
    query DatasetNames {
  datasets(first: 100) {
    edges {
      node {
        id
        name
        versions {
          id
          version
          contentHash
          itemCount
        }
      }
    }
  }
}
    `, {"hash":"0a83ecc2fa585da81a1e9130797e70bbd4f86b3f79a9eed678b40b2728aed1e9"}) as unknown as TypedDocumentString<DatasetNamesQuery, DatasetNamesQueryVariables>;
export const PromoteModelDocument = new TypedDocumentString(`
    mutation PromoteModel($input: PromoteModelInput!) {
  promoteModel(input: $input) {
    id
    name
  }
}
    `, {"hash":"e9ebac32539c4ff84aab6d577536593c229db8fef10ea84162dde69c38c23f62"}) as unknown as TypedDocumentString<PromoteModelMutation, PromoteModelMutationVariables>;
export const PredictUploadDocument = new TypedDocumentString(`
    query PredictUpload($uploadId: ID!) {
  predict(input: {uploadId: $uploadId}) {
    classes {
      name
      probability
      rawProbability
    }
    predicted {
      name
      probability
      rawProbability
    }
    uncertainty {
      entropy
      normalizedEntropy
      confidence
      calibration
      temperature
    }
    explanation {
      method
      gridSize
      values
    }
    modelVersion {
      id
      name
      aliases
    }
  }
}
    `, {"hash":"b80afc7e7b02405c197acd02892e761cf8241795cbd2af88a73003fbfdcf9a6f"}) as unknown as TypedDocumentString<PredictUploadQuery, PredictUploadQueryVariables>;
export const SimilarToUploadDocument = new TypedDocumentString(`
    query SimilarToUpload($uploadId: ID!, $k: Int) {
  similarCases(input: {uploadId: $uploadId, k: $k, filter: {confirmedOnly: true}}) {
    modelVersionId
    cases {
      similarity
      image {
        id
      }
      case {
        id
        site
      }
      diagnosis {
        confirmation
        concept {
          code
          name
          malignant
        }
      }
    }
    diagnosisDistribution {
      concept {
        code
        name
      }
      count
      fraction
    }
  }
}
    `, {"hash":"b2bb5756516d614dc751c31266fece9ebf60da57d3e4c345bd723178454033c7"}) as unknown as TypedDocumentString<SimilarToUploadQuery, SimilarToUploadQueryVariables>;
export const RateSimilarCaseDocument = new TypedDocumentString(`
    mutation RateSimilarCase($input: RateSimilarCaseInput!) {
  rateSimilarCase(input: $input) {
    id
    helpful
    createdAt
  }
}
    `, {"hash":"c296e90d15a5fa5414cb554f5ab99ce9d41f90c19212f08c71f7fe99a0fb334a"}) as unknown as TypedDocumentString<RateSimilarCaseMutation, RateSimilarCaseMutationVariables>;
export const ConceptNamesDocument = new TypedDocumentString(`
    query ConceptNames {
  concepts {
    code
    name
  }
}
    `, {"hash":"32d57fc43602db293dc2f87a5892f8a2c174960e8f779d117feda10cd4ada05c"}) as unknown as TypedDocumentString<ConceptNamesQuery, ConceptNamesQueryVariables>;