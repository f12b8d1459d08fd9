import type { Resolvers } from '../generated/resolvers-types.js';
import { login } from './auth/resolvers/Mutation/login.js';
import { logout } from './auth/resolvers/Mutation/logout.js';
import { refreshSession } from './auth/resolvers/Mutation/refreshSession.js';
import { changePassword } from './auth/resolvers/Mutation/changePassword.js';
import { revokeUserSessions } from './auth/resolvers/Mutation/revokeUserSessions.js';
import { unlockUser } from './auth/resolvers/Mutation/unlockUser.js';
import { me } from './auth/resolvers/Query/me.js';
import { DateTime } from './base/resolvers/DateTime.js';
import { health } from './base/resolvers/Query/health.js';
import { Case } from './cases/resolvers/Case.js';
import { Image } from './cases/resolvers/Image.js';
import { caseById } from './cases/resolvers/Query/case.js';
import { caseFacets } from './cases/resolvers/Query/caseFacets.js';
import { cases } from './cases/resolvers/Query/cases.js';
import { DiagnosisConcept } from './concepts/resolvers/DiagnosisConcept.js';
import { concepts } from './concepts/resolvers/Query/concepts.js';
import { datasets } from './datasets/resolvers/Query/datasets.js';
import { models } from './registry/resolvers/Query/models.js';
import { model } from './registry/resolvers/Query/model.js';
import { modelByAlias } from './registry/resolvers/Query/modelByAlias.js';
import { evaluations } from './registry/resolvers/Query/evaluations.js';
import { evaluation } from './registry/resolvers/Query/evaluation.js';
import { driftReports } from './registry/resolvers/Query/driftReports.js';
import { dataAudits } from './registry/resolvers/Query/dataAudits.js';
import { importRuns } from './registry/resolvers/Query/importRuns.js';
import { importRun } from './registry/resolvers/Query/importRun.js';
import { jobs } from './registry/resolvers/Query/jobs.js';
import { job } from './registry/resolvers/Query/job.js';
import { auditEvents } from './registry/resolvers/Query/auditEvents.js';
import { users } from './registry/resolvers/Query/users.js';
import { promoteModel } from './registry/resolvers/Mutation/promoteModel.js';
import { enqueueJob } from './registry/resolvers/Mutation/enqueueJob.js';
import { cancelJob } from './registry/resolvers/Mutation/cancelJob.js';
import { createUser } from './registry/resolvers/Mutation/createUser.js';
import { setUserDisabled } from './registry/resolvers/Mutation/setUserDisabled.js';
import { Evaluation } from './registry/resolvers/Evaluation.js';
import { ImportRun } from './registry/resolvers/ImportRun.js';
import { JSON } from './registry/resolvers/JSON.js';
import { ModelVersion } from './registry/resolvers/ModelVersion.js';
import { predict } from './inference/resolvers/Query/predict.js';
import { rateSimilarCase } from './similar/resolvers/Mutation/rateSimilarCase.js';
import { similarCases } from './similar/resolvers/Query/similarCases.js';
import { SimilarCasesResult } from './similar/resolvers/SimilarCasesResult.js';
import { addAnnotation } from './datasets/resolvers/Mutation/addAnnotation.js';
import { freezeDatasetVersion } from './datasets/resolvers/Mutation/freezeDatasetVersion.js';
import { datasetVersionLeakage } from './datasets/resolvers/Query/datasetVersionLeakage.js';
import { adjudicateAnnotation } from './datasets/resolvers/Mutation/adjudicateAnnotation.js';
import { DatasetVersion } from './datasets/resolvers/DatasetVersion.js';
import { Job } from './registry/resolvers/Job.js';
import { compareModels } from './comparison/resolvers/Query/compareModels.js';
import { embeddingModels } from './projection/resolvers/Query/embeddingModels.js';
import { embeddingProjection } from './projection/resolvers/Query/embeddingProjection.js';
import { imageSummaries } from './projection/resolvers/Query/imageSummaries.js';
import { LabellingTask } from './labelling/resolvers/LabellingTask.js';
import { submitLabel } from './labelling/resolvers/Mutation/submitLabel.js';
import { undoLabel } from './labelling/resolvers/Mutation/undoLabel.js';
import { retrainChampion } from './labelling/resolvers/Mutation/retrainChampion.js';
import { labelEfficiency } from './labelling/resolvers/Query/labelEfficiency.js';
import { labellingProgress } from './labelling/resolvers/Query/labellingProgress.js';
import { labellingQueue } from './labelling/resolvers/Query/labellingQueue.js';
import { labelDisagreements } from './labelling/resolvers/Query/labelDisagreements.js';
import { readerAgreement } from './labelling/resolvers/Query/readerAgreement.js';
import { EvaluationBaseline } from './quality/resolvers/Evaluation.js';
import { JobHealth } from './quality/resolvers/Job.js';
import { demoAnswerKeyScore } from './answer-key/resolvers/Query/demoAnswerKeyScore.js';
import { DriftReportAlarmScore } from './drift-alarms/resolvers/DriftReport.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    health,
    me,
    cases,
    case: caseById,
    caseFacets,
    concepts,
    datasets,
    models,
    model,
    modelByAlias,
    evaluations,
    evaluation,
    driftReports,
    dataAudits,
    importRuns,
    importRun,
    jobs,
    job,
    auditEvents,
    users,
    predict,
    similarCases,
    datasetVersionLeakage,
    compareModels,
    embeddingModels,
    embeddingProjection,
    imageSummaries,
    labellingQueue,
    labellingProgress,
    readerAgreement,
    labelDisagreements,
    labelEfficiency,
    demoAnswerKeyScore,
  },
  Mutation: {
    login,
    logout,
    refreshSession,
    promoteModel,
    enqueueJob,
    cancelJob,
    createUser,
    setUserDisabled,
    unlockUser,
    revokeUserSessions,
    changePassword,
    rateSimilarCase,
    freezeDatasetVersion,
    addAnnotation,
    adjudicateAnnotation,
    submitLabel,
    undoLabel,
    retrainChampion,
  },
  JSON,
  SimilarCasesResult,
  LabellingTask,
  ModelVersion,
  Evaluation: { ...Evaluation, ...EvaluationBaseline },
  ImportRun,
  Case,
  Image,
  DiagnosisConcept,
  DatasetVersion,
  Job: { ...Job, ...JobHealth },
  DriftReport: DriftReportAlarmScore,
};
