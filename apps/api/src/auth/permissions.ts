import type { Role } from '@dermino/db';

/**
 * Who may ask for a field: a list of roles, or 'public' (no session needed: only login, whose whole answer,
 * the token and the user who just proved the password, is public).
 */
export type Access = readonly Role[] | 'public';

export const EVERYONE: readonly Role[] = ['CLINICIAN', 'DATA', 'MANAGER', 'ADMIN'];
/** Those who read the registry beyond single cases: datasets and their versions. */
export const REGISTRY: readonly Role[] = ['DATA', 'MANAGER', 'ADMIN'];
/** Imports, annotations, curation, freezing versions, data audits. */
export const DATA_TEAM: readonly Role[] = ['DATA', 'ADMIN'];
/** Models, evaluations, bias, drift, every job, promotion. */
export const MANAGERS: readonly Role[] = ['MANAGER', 'ADMIN'];
export const ADMINS: readonly Role[] = ['ADMIN'];
/** Those who give diagnoses in the labelling workbench: clinicians and the data team, not managers. */
export const LABELLERS: readonly Role[] = ['CLINICIAN', ...DATA_TEAM];

export interface TypeRule {
  /** Default for the type's fields; root types have none, so every root field is listed on purpose. */
  type?: Access;
  fields?: Record<string, Access>;
}

/**
 * The one permission map, checked for the whole operation before any resolver runs
 * (enforce-permissions-plugin.ts). createServer refuses to start when an object type or a root field of the
 * schema is missing here, so a new field cannot be served by accident.
 */
export const PERMISSIONS: Record<string, TypeRule> = {
  Query: {
    fields: {
      health: EVERYONE,
      me: EVERYONE,
      cases: EVERYONE,
      case: EVERYONE,
      caseFacets: EVERYONE,
      concepts: EVERYONE,
      datasets: REGISTRY,
      models: MANAGERS,
      model: MANAGERS,
      modelByAlias: MANAGERS,
      evaluations: MANAGERS,
      evaluation: MANAGERS,
      driftReports: MANAGERS,
      dataAudits: DATA_TEAM,
      importRuns: DATA_TEAM,
      importRun: DATA_TEAM,
      // Row-level: each role sees the job kinds of auth/job-kinds.ts.
      jobs: [...DATA_TEAM, 'MANAGER'],
      job: [...DATA_TEAM, 'MANAGER'],
      auditEvents: ADMINS,
      users: ADMINS,
      predict: EVERYONE,
      similarCases: EVERYONE,
      datasetVersionLeakage: REGISTRY,
      compareModels: MANAGERS,
      embeddingModels: REGISTRY,
      embeddingProjection: REGISTRY,
      imageSummaries: DATA_TEAM,
      labellingQueue: LABELLERS,
      labellingProgress: [...LABELLERS, 'MANAGER'],
      readerAgreement: DATA_TEAM,
      labelDisagreements: DATA_TEAM,
      labelEfficiency: MANAGERS,
      demoAnswerKeyScore: ADMINS,
    },
  },
  Mutation: {
    fields: {
      login: 'public',
      logout: EVERYONE,
      refreshSession: EVERYONE,
      promoteModel: MANAGERS,
      enqueueJob: [...DATA_TEAM, 'MANAGER'],
      cancelJob: [...DATA_TEAM, 'MANAGER'],
      createUser: ADMINS,
      setUserDisabled: ADMINS,
      unlockUser: ADMINS,
      revokeUserSessions: ADMINS,
      changePassword: EVERYONE,
      rateSimilarCase: EVERYONE,
      freezeDatasetVersion: DATA_TEAM,
      addAnnotation: DATA_TEAM,
      adjudicateAnnotation: DATA_TEAM,
      submitLabel: LABELLERS,
      undoLabel: LABELLERS,
      // Starts jobs (a freeze, a FINETUNE, an EVALUATE), as enqueueJob does.
      retrainChampion: [...DATA_TEAM, 'MANAGER'],
    },
  },
  Health: { type: EVERYONE },
  PageInfo: { type: EVERYONE },
  User: { type: EVERYONE, fields: { disabled: ADMINS } },
  LoginPayload: { type: 'public' },
  CaseConnection: { type: EVERYONE },
  CaseEdge: { type: EVERYONE },
  CaseFacets: { type: EVERYONE },
  Case: { type: EVERYONE },
  Patient: { type: EVERYONE },
  Image: { type: EVERYONE },
  ImageQuality: { type: EVERYONE },
  Annotation: { type: EVERYONE },
  DiagnosisConcept: { type: EVERYONE },
  Dataset: { type: REGISTRY },
  DatasetConnection: { type: REGISTRY },
  DatasetEdge: { type: REGISTRY },
  DatasetVersion: { type: REGISTRY, fields: { composition: REGISTRY } },
  DatasetComposition: { type: REGISTRY },
  CountBy: { type: REGISTRY },
  CompositionCell: { type: REGISTRY },
  ModelVersion: { type: MANAGERS },
  ModelVersionConnection: { type: MANAGERS },
  ModelVersionEdge: { type: MANAGERS },
  ModelArtifact: { type: MANAGERS },
  ImportedWeights: { type: MANAGERS },
  ModelAlias: { type: MANAGERS },
  Evaluation: { type: MANAGERS },
  EvaluationConnection: { type: MANAGERS },
  EvaluationEdge: { type: MANAGERS },
  DriftReport: { type: MANAGERS },
  DriftReportConnection: { type: MANAGERS },
  DriftReportEdge: { type: MANAGERS },
  DataAudit: { type: DATA_TEAM },
  DataAuditConnection: { type: DATA_TEAM },
  DataAuditEdge: { type: DATA_TEAM },
  ImportRun: { type: DATA_TEAM },
  ImportRunConnection: { type: DATA_TEAM },
  ImportRunEdge: { type: DATA_TEAM },
  ImportProblem: { type: DATA_TEAM },
  ImportProblemConnection: { type: DATA_TEAM },
  ImportProblemEdge: { type: DATA_TEAM },
  // Row-level like Query.job: a job's logs and curve are read through a job the role may see.
  Job: {
    type: [...DATA_TEAM, 'MANAGER'],
    fields: {
      logs: [...DATA_TEAM, 'MANAGER'],
      curve: [...DATA_TEAM, 'MANAGER'],
      healthCurve: [...DATA_TEAM, 'MANAGER'],
    },
  },
  JobConnection: { type: [...DATA_TEAM, 'MANAGER'] },
  JobEdge: { type: [...DATA_TEAM, 'MANAGER'] },
  JobLog: { type: [...DATA_TEAM, 'MANAGER'] },
  JobCurvePoint: { type: [...DATA_TEAM, 'MANAGER'] },
  ModelComparison: { type: MANAGERS },
  PixelBaseline: { type: MANAGERS },
  MetricInterval: { type: MANAGERS },
  MetricGain: { type: MANAGERS },
  AuditEvent: { type: ADMINS },
  AuditEventConnection: { type: ADMINS },
  AuditEventEdge: { type: ADMINS },
  UserConnection: { type: ADMINS },
  UserEdge: { type: ADMINS },
  Prediction: { type: EVERYONE },
  PredictionModel: { type: EVERYONE },
  ClassProbability: { type: EVERYONE },
  Uncertainty: { type: EVERYONE },
  Explanation: { type: EVERYONE },
  SimilarCasesResult: { type: EVERYONE },
  SimilarCase: { type: EVERYONE },
  LabellingTask: { type: LABELLERS },
  LabellingTaskConnection: { type: LABELLERS },
  LabellingTaskEdge: { type: LABELLERS },
  LabelSuggestion: { type: LABELLERS },
  LabellingProgress: { type: [...LABELLERS, 'MANAGER'] },
  ReaderAgreement: { type: DATA_TEAM },
  LabelDisagreement: { type: DATA_TEAM },
  RetrainingStarted: { type: [...DATA_TEAM, 'MANAGER'] },
  LabelEfficiency: { type: MANAGERS },
  LabelEfficiencyPoint: { type: MANAGERS },
  DiagnosisShare: { type: EVERYONE },
  SimilarCaseFeedback: { type: EVERYONE },
  FreezeDatasetVersionPayload: { type: DATA_TEAM },
  EmbeddingModel: { type: REGISTRY },
  EmbeddingProjection: { type: REGISTRY },
  ProjectionPoint: { type: REGISTRY },
  ImageSummary: { type: DATA_TEAM },
  // The demo's answer key: admins only, so no manager or detector tunes itself to the planted truth.
  DemoAnswerKeyScore: { type: ADMINS },
  PlantedDrift: { type: ADMINS },
  DriftDetectorScore: { type: ADMINS },
  DriftMonthScore: { type: ADMINS },
  DetectionScore: { type: ADMINS },
  AuditDetectorScore: { type: ADMINS },
  DriftAlarmScore: { type: MANAGERS },
  DeviceChange: { type: MANAGERS },
};

/** The rule of one field; undefined when the map has none (a schema/map mismatch, caught at start). */
export function accessOf(typeName: string, fieldName: string): Access | undefined {
  const rule = PERMISSIONS[typeName];
  return rule?.fields?.[fieldName] ?? rule?.type;
}

export function isAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  return role !== null && access.includes(role);
}
