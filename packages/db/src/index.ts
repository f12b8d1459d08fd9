export { createDb, Prisma, type Db, type DbClient } from './client.js';
export * from './client.js';
export { AppError, isAppError, type AppErrorCode } from './errors.js';
export {
  ensureDatabase,
  parseDatabaseUrl,
  readServerInfo,
  type DatabaseHandle,
} from './embedded/ensure-database.js';
export { resolveHomePaths, type HomePaths } from './embedded/paths.js';
export { checkDatabase, migrateDatabase, listLocalMigrations } from './migrate.js';
export {
  countJobsByKindAndStatus,
  findMigrationStatus,
  getPoolStats,
  sumJobDurations,
  type JobCount,
  type JobDurationTotal,
  type MigrationStatus,
  type PoolStats,
} from './operations.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './auth/password-policy.js';
export {
  ACCOUNT_LOCK_FAILURES,
  clearLoginFailures,
  findLoginBlock,
  type LoginBlock,
  type LoginFailure,
  recordLoginFailure,
  unlockAccount,
} from './auth/login-throttle.js';
export {
  changeUserPassword,
  getSessionsValidFrom,
  isRevokedBySessionCutoff,
  revokeUserSessions,
} from './auth/user-sessions.js';
export { getMeta, setMeta } from './meta.js';
export { BASE_CONCEPTS, seedConcepts, type ConceptSeed } from './seed/concepts.js';
export { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './seed/users.js';
export * from './jobs.js';
export { createQueue, enqueueJob, JOB_KINDS, queueNameOf, type Queue, redeliverNow } from './queue.js';
export {
  conceptSelect,
  findConceptIdsWithDescendants,
  findConceptsByIds,
  listConcepts,
  type ConceptRecord,
} from './concepts.js';
export {
  MAX_CASE_PAGE_SIZE,
  findCases,
  getCaseById,
  getCaseFacets,
  type AnnotationRecord,
  type CaseFilter,
  type CaseKeyset,
  type CasePage,
  type CaseRecord,
  type FindCasesOptions,
  type PatientRecord,
} from './cases.js';
export { ALL_CASE_RELATIONS, type CaseRelations, IMAGE_COLUMNS, type ImageColumn } from './case-json-sql.js';
export {
  IMAGE_VARIANTS,
  IMAGE_VARIANT_FILES,
  getImageStorage,
  imageSelect,
  type ImageRecord,
  type ImageStorage,
  type ImageVariant,
} from './images.js';
export { getDatasetById, listDatasets, type DatasetRecord, type DatasetVersionRecord } from './datasets.js';
export {
  authenticateUser,
  createUser,
  getUserById,
  userSelect,
  type CreateUserInput,
  type UserRecord,
} from './users.js';
export {
  findAuditEvents,
  recordAuditEvent,
  type AuditEventRecord,
  type RecordAuditEventInput,
} from './audit.js';
export { acquireLock, releaseLock, isProcessAlive } from './embedded/process-lock.js';
export {
  ALL_CONCEPTS,
  FITZPATRICK_CONCEPTS,
  FITZPATRICK_LABELS,
  FITZPATRICK_NINE_PARTITIONS,
  ISIC_CONCEPTS,
  fitzpatrickLabelCode,
  fitzpatrickNineCode,
  fitzpatrickThreeCode,
} from './seed/concepts-isic-fitzpatrick.js';
export * from './imports.js';
export * from './curation.js';
export * from './dataset-versions.js';
export * from './models.js';
export * from './evaluations.js';
export * from './embeddings.js';
export * from './image-source-ids.js';
export { type DeviceFirstCapture, findDeviceFirstCaptures } from './device-first-captures.js';
export * from './reports.js';
// API helper: sessions, uploads, similar cases, registry reads
export { deleteExpiredRevocations, getSessionUser, isSessionRevoked, revokeSession } from './sessions.js';
export {
  findImportRunById,
  findImportRuns,
  findJobsOfKinds,
  isUuid,
  listUsers,
  setUserDisabled,
} from './registry-reads.js';
export { recordAuditEvents } from './audit-batch.js';
export {
  countUploadsSince,
  createUpload,
  getUploadOfUser,
  uploadSelect,
  type CreateUploadInput,
  type UploadRecord,
} from './uploads.js';
export {
  findSimilarCaseImages,
  getImageEmbedding,
  recordSimilarCaseFeedback,
  type SimilarCaseFeedbackInput,
  type SimilarCaseFilter,
  type SimilarCaseHit,
} from './similar-cases.js';
export { addAnnotation, type AddAnnotationInput } from './annotation-writes.js';
// API: composition, job logs and curves, model comparison, adjudication
export { findDatasetVersionCompositions, type CompositionCellRecord } from './dataset-composition.js';
export { findJobLogs, findJobModelMetrics, type JobLogRecord } from './job-details.js';
export {
  findLatestEvaluation,
  findPairedPredictions,
  type PairedPredictionRecord,
} from './model-comparison.js';
export {
  findImageLabelVotes,
  getConceptIdByCode,
  recordAdjudication,
  type LabelVoteRecord,
  type RecordAdjudicationInput,
} from './adjudication.js';
// The labelling workbench: queue reservations, answers with provenance, second reads
export {
  findLabellingCandidates,
  findLabellingTasks,
  getCurrentLabellingBatch,
  getLabellingImage,
  labellingTaskSelect,
  reserveLabellingTasks,
  type LabellingCandidateRow,
  type LabellingFilter,
  type LabellingTaskInput,
  type LabellingTaskRecord,
} from './labelling.js';
export {
  findLabelDisagreements,
  findReaderAdjudicationPairs,
  type LabelDisagreementRecord,
  type ReaderAdjudicationPair,
} from './labelling-agreement.js';
export {
  countAnnotationsSince,
  countQueueLabelsSince,
  countReaderLabels,
  secondReadDraw,
  submitLabel,
  undoLabel,
  type SubmitLabelInput,
} from './labelling-answers.js';
export { claimRetraining, RETRAINING_ACTION, type RetrainingClaim } from './labelling-loop.js';
export { findLabelEfficiencyRows, type LabelEfficiencyRow } from './label-efficiency.js';
export {
  findEmbeddingModels,
  findImageSummaries,
  findProjectionRows,
  type EmbeddingModelRecord,
  type ImageSummaryRecord,
  type ProjectionRow,
  type ProjectionRows,
} from './embedding-projection.js';
// Registry lists as keyset pages (Relay connections in the API)
export {
  MAX_PAGE_SIZE,
  type Keyset,
  type KeysetPage,
  type KeysetValue,
  type SortDirection,
} from './keyset.js';
export { findJobPage, jobKeyset, type FindJobPageOptions, type JobOrderField } from './job-page.js';
export { findModelPage, modelKeyset, type FindModelPageOptions, type ModelOrderField } from './model-page.js';
export { findUserPage, userKeyset, type FindUserPageOptions, type UserOrderField } from './user-page.js';
export { auditEventKeyset, findAuditEventPage, type FindAuditEventPageOptions } from './audit-page.js';
export { evaluationKeyset, findEvaluationPage, type FindEvaluationPageOptions } from './evaluation-page.js';
export {
  findImportRunPage,
  importRunKeyset,
  type FindImportRunPageOptions,
  type ImportRunOrderField,
} from './import-run-page.js';
export { dataAuditKeyset, findDataAuditPage, type FindDataAuditPageOptions } from './data-audit-page.js';
export {
  datasetKeyset,
  findDatasetPage,
  type DatasetOrderField,
  type FindDatasetPageOptions,
} from './dataset-page.js';
export {
  driftReportKeyset,
  findDriftReportPage,
  type DriftReportOrderField,
  type FindDriftReportPageOptions,
} from './drift-report-page.js';
export {
  findImportProblemPage,
  importProblemKeyset,
  MAX_PROBLEM_PAGE_SIZE,
  type FindImportProblemPageOptions,
  type ImportProblemRecord,
} from './import-problem-page.js';
