/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation Login($input: LoginInput!) { login(input: $input) { token expiresAt } }": typeof types.LoginDocument,
    "\n  query DemoAnswerKeyScore {\n    demoAnswerKeyScore {\n      seed\n      images\n      plantedDrift { site month }\n      plantedWrongLabels\n      plantedNearDuplicates\n      drift {\n        reportId createdAt stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths\n        detectionDelay siteNamedMonths\n        months { month drifted alarmed siteNamed }\n      }\n      audit {\n        auditId createdAt embeddingWarning\n        labelIssues { flagged planted truePositives precision recall }\n        nearDuplicates { flagged planted truePositives precision recall }\n      }\n    }\n  }\n": typeof types.DemoAnswerKeyScoreDocument,
    "query Me { me { id email name role } }": typeof types.MeDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id externalId site source createdAt\n          patient { pseudonym skinType }\n          diagnosis { id code name malignant }\n          images { id }\n        }\n      }\n    }\n  }\n": typeof types.CaseListDocument,
    "\n  query CaseFilterOptions {\n    concepts { id code name malignant parent { id } }\n    caseFacets { sites sources }\n  }\n": typeof types.CaseFilterOptionsDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id externalId site source createdAt\n      patient { id pseudonym sex ageBand skinType }\n      diagnosis { id code name malignant }\n      images {\n        id width height modality device source capturedAt\n        quality { brightness contrast colorCast blurVariance }\n      }\n      annotations {\n        id annotator confirmation createdAt\n        concept { id code name malignant }\n        image { id }\n      }\n    }\n  }\n": typeof types.CaseDetailDocument,
    "\n  query CurationGrid($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id site source patient { skinType } images { id } } }\n    }\n  }\n": typeof types.CurationGridDocument,
    "\n  query ImageSummaries($ids: [ID!]!) { imageSummaries(ids: $ids) { imageId caseId diagnosis skinType site source } }\n": typeof types.ImageSummariesDocument,
    "\n  query LatestAudit($filter: DataAuditFilter) {\n    dataAudits(filter: $filter, first: 1) { edges { node { id datasetVersionId report createdAt } } }\n  }\n": typeof types.LatestAuditDocument,
    "query CurationVersions { datasets(first: 100) { edges { node { name versions { id version } } } } }": typeof types.CurationVersionsDocument,
    "\n  query ImportRuns { importRuns(first: 20) { totalCount edges { node { id kind status counts startedAt finishedAt } } } }\n": typeof types.ImportRunsDocument,
    "\n  query ImportRunProblems($id: ID!) {\n    importRun(id: $id) {\n      id kind status counts startedAt finishedAt\n      problems(first: 500) { totalCount edges { node { row field reason } } }\n    }\n  }\n": typeof types.ImportRunProblemsDocument,
    "\n  mutation Adjudicate($input: AdjudicateAnnotationInput!) {\n    adjudicateAnnotation(input: $input) { id concept { code } }\n  }\n": typeof types.AdjudicateDocument,
    "\n  query Datasets {\n    datasets(first: 100) {\n      totalCount\n      edges { node { id name description versions { id version contentHash createdAt itemCount note } } }\n    }\n  }\n": typeof types.DatasetsDocument,
    "\n  query DatasetCompositions {\n    datasets(first: 100) {\n      edges {\n        node {\n          versions {\n            id\n            composition {\n              total labelled\n              bySplit { key count }\n              byDiagnosis { key count }\n              bySkinType { key count }\n              cells { split diagnosis skinType count }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DatasetCompositionsDocument,
    "query DatasetVersionLeakage($versionId: ID!) { datasetVersionLeakage(versionId: $versionId) }": typeof types.DatasetVersionLeakageDocument,
    "query ConceptCodes { concepts { code name } }": typeof types.ConceptCodesDocument,
    "\n  mutation FreezeDatasetVersion($input: FreezeDatasetVersionInput!) {\n    freezeDatasetVersion(input: $input) { versionId version contentHash images ties }\n  }\n": typeof types.FreezeDatasetVersionDocument,
    "\n  query DriftReports($first: Int) {\n    driftReports(first: $first) {\n      edges {\n        node {\n          id modelVersionId referenceFrom referenceTo windows alerts createdAt\n          alarmScore {\n            deviceChange { source device month }\n            stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths detectionDelay sourceNamedMonths\n          }\n        }\n      }\n    }\n  }\n": typeof types.DriftReportsDocument,
    "\n  query EmbeddingPicker {\n    embeddingModels { id name kind createdAt aliases embeddingCount dim }\n    datasets(first: 100) { edges { node { id name versions { id version itemCount } } } }\n  }\n": typeof types.EmbeddingPickerDocument,
    "\n  query EmbeddingProjection($modelId: ID!, $datasetVersionId: ID, $limit: Int) {\n    embeddingProjection(modelId: $modelId, datasetVersionId: $datasetVersionId, limit: $limit) {\n      modelId method explainedVariance total\n      points { imageId caseId x y diagnosis skinType site split }\n    }\n  }\n": typeof types.EmbeddingProjectionDocument,
    "\n  fragment PixelBaselineFields on PixelBaseline {\n    method inputSize trainImages testImages labelFraction beatsBaseline beatsBaselineClearly\n    balancedAccuracy { value ciLow ciHigh }\n    macroAuroc { value ciLow ciHigh }\n    balancedAccuracyGain { model baseline difference ciLow ciHigh }\n    macroAurocGain { model baseline difference ciLow ciHigh }\n  }\n": typeof types.PixelBaselineFieldsFragmentDoc,
    "\n  query Evaluation($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split report predictionCount createdAt\n      baseline { ...PixelBaselineFields }\n    }\n  }\n": typeof types.EvaluationDocument,
    "\n  query EvaluationSubgroups($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split predictionCount createdAt\n      report(parts: [META, OVERALL, MALIGNANCY, GROUPS, GAPS])\n      baseline { ...PixelBaselineFields }\n    }\n  }\n": typeof types.EvaluationSubgroupsDocument,
    "\n  query EvaluationHeadline($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split predictionCount createdAt\n      report(parts: [META, OVERALL, MALIGNANCY])\n      baseline { ...PixelBaselineFields }\n    }\n  }\n": typeof types.EvaluationHeadlineDocument,
    "\n  query Evaluations($filter: EvaluationFilter, $first: Int) {\n    evaluations(filter: $filter, first: $first) {\n      totalCount\n      edges { node { id modelVersionId datasetVersionId split predictionCount createdAt } }\n    }\n  }\n": typeof types.EvaluationsDocument,
    "\n  fragment JobFields on Job {\n    id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt\n  }\n": typeof types.JobFieldsFragmentDoc,
    "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) { totalCount edges { node { ...JobFields } } }\n  }\n": typeof types.JobsDocument,
    "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }\n": typeof types.CancelJobDocument,
    "\n  query JobDetail($id: ID!, $last: Int) {\n    job(id: $id) { ...JobFields logs(last: $last) { at level message } curve { step metrics } healthCurve { step metrics } }\n  }\n": typeof types.JobDetailDocument,
    "\n  query LabelsSinceChampion {\n    labellingProgress {\n      labelsSinceChampion\n    }\n  }\n": typeof types.LabelsSinceChampionDocument,
    "\n  query LabelEfficiency {\n    labelEfficiency {\n      backbone { id name }\n      method\n      points {\n        model { id name }\n        labels\n        balancedAccuracy { value ciLow ciHigh }\n        pixelBaseline { value ciLow ciHigh }\n        evaluatedAt\n        champion\n      }\n    }\n  }\n": typeof types.LabelEfficiencyDocument,
    "\n  fragment LabellingTaskFields on LabellingTask {\n    id round reason expiresAt outcome code suggestionAccepted\n    image { id }\n    case { id site patient { pseudonym skinType } }\n    suggestion { code probability }\n    similarCases { similarity image { id } case { id } diagnosis { concept { code name } } }\n    otherLesions { id site diagnosis { code } }\n  }\n": typeof types.LabellingTaskFieldsFragmentDoc,
    "\n  query LabellingQueue($first: Int, $after: String, $strategy: LabellingStrategy, $filter: LabellingFilter) {\n    labellingQueue(first: $first, after: $after, strategy: $strategy, filter: $filter) {\n      edges { node { ...LabellingTaskFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.LabellingQueueDocument,
    "\n  query LabellingWorkbench { labellingProgress { labelled } concepts { code name } }\n": typeof types.LabellingWorkbenchDocument,
    "\n  query ExplainImage($imageId: ID!) {\n    predict(input: { imageId: $imageId }) { explanation { method gridSize values } }\n  }\n": typeof types.ExplainImageDocument,
    "\n  mutation SubmitLabel($input: SubmitLabelInput!) { submitLabel(input: $input) { outcome code suggestionAccepted } }\n": typeof types.SubmitLabelDocument,
    "\n  mutation UndoLabel($input: UndoLabelInput!) { undoLabel(input: $input) { outcome } }\n": typeof types.UndoLabelDocument,
    "\n  query SecondReads {\n    labelDisagreements(first: 50) { image { id } codes }\n    readerAgreement { reader labels agreement kappa }\n  }\n": typeof types.SecondReadsDocument,
    "\n  mutation RetrainChampion($championId: ID) {\n    retrainChampion(championId: $championId) { datasetVersionId finetuneJobId evaluateJobId labels }\n  }\n": typeof types.RetrainChampionDocument,
    "\n  query CompareModels($datasetVersionId: ID!, $modelA: ID!, $modelB: ID!, $split: Split) {\n    compareModels(datasetVersionId: $datasetVersionId, modelA: $modelA, modelB: $modelB, split: $split) {\n      datasetVersionId split n report\n      modelA { id name }\n      modelB { id name }\n    }\n  }\n": typeof types.CompareModelsDocument,
    "\n  fragment ModelFields on ModelVersion {\n    id name kind config classes datasetVersionId createdAt licence status statusReason\n    parent { id name kind }\n    job { id kind }\n    aliases { alias updatedAt updatedBy }\n    evaluations { id datasetVersionId split predictionCount createdAt }\n  }\n": typeof types.ModelFieldsFragmentDoc,
    "\n  query Models($first: Int) { models(first: $first) { totalCount edges { node { ...ModelFields } } } }\n": typeof types.ModelsDocument,
    "\n  query Model($id: ID!) {\n    model(id: $id) {\n      ...ModelFields metrics artifacts { kind sha256 bytes }\n      importedFrom { fileName sha256 format architecture taken }\n    }\n  }\n": typeof types.ModelDocument,
    "\n  query ModelByAlias($alias: String!) { modelByAlias(alias: $alias) { ...ModelFields } }\n": typeof types.ModelByAliasDocument,
    "\n  query DatasetNames {\n    datasets(first: 100) { edges { node { id name versions { id version contentHash itemCount } } } }\n  }\n": typeof types.DatasetNamesDocument,
    "mutation PromoteModel($input: PromoteModelInput!) { promoteModel(input: $input) { id name } }": typeof types.PromoteModelDocument,
    "\n  query PredictUpload($uploadId: ID!) {\n    predict(input: { uploadId: $uploadId }) {\n      classes { name probability rawProbability }\n      predicted { name probability rawProbability }\n      uncertainty { entropy normalizedEntropy confidence calibration temperature }\n      explanation { method gridSize values }\n      modelVersion { id name aliases }\n    }\n  }\n": typeof types.PredictUploadDocument,
    "\n  query SimilarToUpload($uploadId: ID!, $k: Int) {\n    similarCases(input: { uploadId: $uploadId, k: $k, filter: { confirmedOnly: true } }) {\n      modelVersionId\n      cases {\n        similarity\n        image { id }\n        case { id site }\n        diagnosis { confirmation concept { code name malignant } }\n      }\n      diagnosisDistribution { concept { code name } count fraction }\n    }\n  }\n": typeof types.SimilarToUploadDocument,
    "\n  mutation RateSimilarCase($input: RateSimilarCaseInput!) {\n    rateSimilarCase(input: $input) { id helpful createdAt }\n  }\n": typeof types.RateSimilarCaseDocument,
    "query ConceptNames { concepts { code name } }": typeof types.ConceptNamesDocument,
};
const documents: Documents = {
    "mutation Login($input: LoginInput!) { login(input: $input) { token expiresAt } }": types.LoginDocument,
    "\n  query DemoAnswerKeyScore {\n    demoAnswerKeyScore {\n      seed\n      images\n      plantedDrift { site month }\n      plantedWrongLabels\n      plantedNearDuplicates\n      drift {\n        reportId createdAt stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths\n        detectionDelay siteNamedMonths\n        months { month drifted alarmed siteNamed }\n      }\n      audit {\n        auditId createdAt embeddingWarning\n        labelIssues { flagged planted truePositives precision recall }\n        nearDuplicates { flagged planted truePositives precision recall }\n      }\n    }\n  }\n": types.DemoAnswerKeyScoreDocument,
    "query Me { me { id email name role } }": types.MeDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id externalId site source createdAt\n          patient { pseudonym skinType }\n          diagnosis { id code name malignant }\n          images { id }\n        }\n      }\n    }\n  }\n": types.CaseListDocument,
    "\n  query CaseFilterOptions {\n    concepts { id code name malignant parent { id } }\n    caseFacets { sites sources }\n  }\n": types.CaseFilterOptionsDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id externalId site source createdAt\n      patient { id pseudonym sex ageBand skinType }\n      diagnosis { id code name malignant }\n      images {\n        id width height modality device source capturedAt\n        quality { brightness contrast colorCast blurVariance }\n      }\n      annotations {\n        id annotator confirmation createdAt\n        concept { id code name malignant }\n        image { id }\n      }\n    }\n  }\n": types.CaseDetailDocument,
    "\n  query CurationGrid($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id site source patient { skinType } images { id } } }\n    }\n  }\n": types.CurationGridDocument,
    "\n  query ImageSummaries($ids: [ID!]!) { imageSummaries(ids: $ids) { imageId caseId diagnosis skinType site source } }\n": types.ImageSummariesDocument,
    "\n  query LatestAudit($filter: DataAuditFilter) {\n    dataAudits(filter: $filter, first: 1) { edges { node { id datasetVersionId report createdAt } } }\n  }\n": types.LatestAuditDocument,
    "query CurationVersions { datasets(first: 100) { edges { node { name versions { id version } } } } }": types.CurationVersionsDocument,
    "\n  query ImportRuns { importRuns(first: 20) { totalCount edges { node { id kind status counts startedAt finishedAt } } } }\n": types.ImportRunsDocument,
    "\n  query ImportRunProblems($id: ID!) {\n    importRun(id: $id) {\n      id kind status counts startedAt finishedAt\n      problems(first: 500) { totalCount edges { node { row field reason } } }\n    }\n  }\n": types.ImportRunProblemsDocument,
    "\n  mutation Adjudicate($input: AdjudicateAnnotationInput!) {\n    adjudicateAnnotation(input: $input) { id concept { code } }\n  }\n": types.AdjudicateDocument,
    "\n  query Datasets {\n    datasets(first: 100) {\n      totalCount\n      edges { node { id name description versions { id version contentHash createdAt itemCount note } } }\n    }\n  }\n": types.DatasetsDocument,
    "\n  query DatasetCompositions {\n    datasets(first: 100) {\n      edges {\n        node {\n          versions {\n            id\n            composition {\n              total labelled\n              bySplit { key count }\n              byDiagnosis { key count }\n              bySkinType { key count }\n              cells { split diagnosis skinType count }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DatasetCompositionsDocument,
    "query DatasetVersionLeakage($versionId: ID!) { datasetVersionLeakage(versionId: $versionId) }": types.DatasetVersionLeakageDocument,
    "query ConceptCodes { concepts { code name } }": types.ConceptCodesDocument,
    "\n  mutation FreezeDatasetVersion($input: FreezeDatasetVersionInput!) {\n    freezeDatasetVersion(input: $input) { versionId version contentHash images ties }\n  }\n": types.FreezeDatasetVersionDocument,
    "\n  query DriftReports($first: Int) {\n    driftReports(first: $first) {\n      edges {\n        node {\n          id modelVersionId referenceFrom referenceTo windows alerts createdAt\n          alarmScore {\n            deviceChange { source device month }\n            stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths detectionDelay sourceNamedMonths\n          }\n        }\n      }\n    }\n  }\n": types.DriftReportsDocument,
    "\n  query EmbeddingPicker {\n    embeddingModels { id name kind createdAt aliases embeddingCount dim }\n    datasets(first: 100) { edges { node { id name versions { id version itemCount } } } }\n  }\n": types.EmbeddingPickerDocument,
    "\n  query EmbeddingProjection($modelId: ID!, $datasetVersionId: ID, $limit: Int) {\n    embeddingProjection(modelId: $modelId, datasetVersionId: $datasetVersionId, limit: $limit) {\n      modelId method explainedVariance total\n      points { imageId caseId x y diagnosis skinType site split }\n    }\n  }\n": types.EmbeddingProjectionDocument,
    "\n  fragment PixelBaselineFields on PixelBaseline {\n    method inputSize trainImages testImages labelFraction beatsBaseline beatsBaselineClearly\n    balancedAccuracy { value ciLow ciHigh }\n    macroAuroc { value ciLow ciHigh }\n    balancedAccuracyGain { model baseline difference ciLow ciHigh }\n    macroAurocGain { model baseline difference ciLow ciHigh }\n  }\n": types.PixelBaselineFieldsFragmentDoc,
    "\n  query Evaluation($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split report predictionCount createdAt\n      baseline { ...PixelBaselineFields }\n    }\n  }\n": types.EvaluationDocument,
    "\n  query EvaluationSubgroups($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split predictionCount createdAt\n      report(parts: [META, OVERALL, MALIGNANCY, GROUPS, GAPS])\n      baseline { ...PixelBaselineFields }\n    }\n  }\n": types.EvaluationSubgroupsDocument,
    "\n  query EvaluationHeadline($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split predictionCount createdAt\n      report(parts: [META, OVERALL, MALIGNANCY])\n      baseline { ...PixelBaselineFields }\n    }\n  }\n": types.EvaluationHeadlineDocument,
    "\n  query Evaluations($filter: EvaluationFilter, $first: Int) {\n    evaluations(filter: $filter, first: $first) {\n      totalCount\n      edges { node { id modelVersionId datasetVersionId split predictionCount createdAt } }\n    }\n  }\n": types.EvaluationsDocument,
    "\n  fragment JobFields on Job {\n    id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt\n  }\n": types.JobFieldsFragmentDoc,
    "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) { totalCount edges { node { ...JobFields } } }\n  }\n": types.JobsDocument,
    "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }\n": types.CancelJobDocument,
    "\n  query JobDetail($id: ID!, $last: Int) {\n    job(id: $id) { ...JobFields logs(last: $last) { at level message } curve { step metrics } healthCurve { step metrics } }\n  }\n": types.JobDetailDocument,
    "\n  query LabelsSinceChampion {\n    labellingProgress {\n      labelsSinceChampion\n    }\n  }\n": types.LabelsSinceChampionDocument,
    "\n  query LabelEfficiency {\n    labelEfficiency {\n      backbone { id name }\n      method\n      points {\n        model { id name }\n        labels\n        balancedAccuracy { value ciLow ciHigh }\n        pixelBaseline { value ciLow ciHigh }\n        evaluatedAt\n        champion\n      }\n    }\n  }\n": types.LabelEfficiencyDocument,
    "\n  fragment LabellingTaskFields on LabellingTask {\n    id round reason expiresAt outcome code suggestionAccepted\n    image { id }\n    case { id site patient { pseudonym skinType } }\n    suggestion { code probability }\n    similarCases { similarity image { id } case { id } diagnosis { concept { code name } } }\n    otherLesions { id site diagnosis { code } }\n  }\n": types.LabellingTaskFieldsFragmentDoc,
    "\n  query LabellingQueue($first: Int, $after: String, $strategy: LabellingStrategy, $filter: LabellingFilter) {\n    labellingQueue(first: $first, after: $after, strategy: $strategy, filter: $filter) {\n      edges { node { ...LabellingTaskFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.LabellingQueueDocument,
    "\n  query LabellingWorkbench { labellingProgress { labelled } concepts { code name } }\n": types.LabellingWorkbenchDocument,
    "\n  query ExplainImage($imageId: ID!) {\n    predict(input: { imageId: $imageId }) { explanation { method gridSize values } }\n  }\n": types.ExplainImageDocument,
    "\n  mutation SubmitLabel($input: SubmitLabelInput!) { submitLabel(input: $input) { outcome code suggestionAccepted } }\n": types.SubmitLabelDocument,
    "\n  mutation UndoLabel($input: UndoLabelInput!) { undoLabel(input: $input) { outcome } }\n": types.UndoLabelDocument,
    "\n  query SecondReads {\n    labelDisagreements(first: 50) { image { id } codes }\n    readerAgreement { reader labels agreement kappa }\n  }\n": types.SecondReadsDocument,
    "\n  mutation RetrainChampion($championId: ID) {\n    retrainChampion(championId: $championId) { datasetVersionId finetuneJobId evaluateJobId labels }\n  }\n": types.RetrainChampionDocument,
    "\n  query CompareModels($datasetVersionId: ID!, $modelA: ID!, $modelB: ID!, $split: Split) {\n    compareModels(datasetVersionId: $datasetVersionId, modelA: $modelA, modelB: $modelB, split: $split) {\n      datasetVersionId split n report\n      modelA { id name }\n      modelB { id name }\n    }\n  }\n": types.CompareModelsDocument,
    "\n  fragment ModelFields on ModelVersion {\n    id name kind config classes datasetVersionId createdAt licence status statusReason\n    parent { id name kind }\n    job { id kind }\n    aliases { alias updatedAt updatedBy }\n    evaluations { id datasetVersionId split predictionCount createdAt }\n  }\n": types.ModelFieldsFragmentDoc,
    "\n  query Models($first: Int) { models(first: $first) { totalCount edges { node { ...ModelFields } } } }\n": types.ModelsDocument,
    "\n  query Model($id: ID!) {\n    model(id: $id) {\n      ...ModelFields metrics artifacts { kind sha256 bytes }\n      importedFrom { fileName sha256 format architecture taken }\n    }\n  }\n": types.ModelDocument,
    "\n  query ModelByAlias($alias: String!) { modelByAlias(alias: $alias) { ...ModelFields } }\n": types.ModelByAliasDocument,
    "\n  query DatasetNames {\n    datasets(first: 100) { edges { node { id name versions { id version contentHash itemCount } } } }\n  }\n": types.DatasetNamesDocument,
    "mutation PromoteModel($input: PromoteModelInput!) { promoteModel(input: $input) { id name } }": types.PromoteModelDocument,
    "\n  query PredictUpload($uploadId: ID!) {\n    predict(input: { uploadId: $uploadId }) {\n      classes { name probability rawProbability }\n      predicted { name probability rawProbability }\n      uncertainty { entropy normalizedEntropy confidence calibration temperature }\n      explanation { method gridSize values }\n      modelVersion { id name aliases }\n    }\n  }\n": types.PredictUploadDocument,
    "\n  query SimilarToUpload($uploadId: ID!, $k: Int) {\n    similarCases(input: { uploadId: $uploadId, k: $k, filter: { confirmedOnly: true } }) {\n      modelVersionId\n      cases {\n        similarity\n        image { id }\n        case { id site }\n        diagnosis { confirmation concept { code name malignant } }\n      }\n      diagnosisDistribution { concept { code name } count fraction }\n    }\n  }\n": types.SimilarToUploadDocument,
    "\n  mutation RateSimilarCase($input: RateSimilarCaseInput!) {\n    rateSimilarCase(input: $input) { id helpful createdAt }\n  }\n": types.RateSimilarCaseDocument,
    "query ConceptNames { concepts { code name } }": types.ConceptNamesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) { login(input: $input) { token expiresAt } }"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoAnswerKeyScore {\n    demoAnswerKeyScore {\n      seed\n      images\n      plantedDrift { site month }\n      plantedWrongLabels\n      plantedNearDuplicates\n      drift {\n        reportId createdAt stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths\n        detectionDelay siteNamedMonths\n        months { month drifted alarmed siteNamed }\n      }\n      audit {\n        auditId createdAt embeddingWarning\n        labelIssues { flagged planted truePositives precision recall }\n        nearDuplicates { flagged planted truePositives precision recall }\n      }\n    }\n  }\n"): typeof import('./graphql').DemoAnswerKeyScoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me { me { id email name role } }"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id externalId site source createdAt\n          patient { pseudonym skinType }\n          diagnosis { id code name malignant }\n          images { id }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseFilterOptions {\n    concepts { id code name malignant parent { id } }\n    caseFacets { sites sources }\n  }\n"): typeof import('./graphql').CaseFilterOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id externalId site source createdAt\n      patient { id pseudonym sex ageBand skinType }\n      diagnosis { id code name malignant }\n      images {\n        id width height modality device source capturedAt\n        quality { brightness contrast colorCast blurVariance }\n      }\n      annotations {\n        id annotator confirmation createdAt\n        concept { id code name malignant }\n        image { id }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurationGrid($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id site source patient { skinType } images { id } } }\n    }\n  }\n"): typeof import('./graphql').CurationGridDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageSummaries($ids: [ID!]!) { imageSummaries(ids: $ids) { imageId caseId diagnosis skinType site source } }\n"): typeof import('./graphql').ImageSummariesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestAudit($filter: DataAuditFilter) {\n    dataAudits(filter: $filter, first: 1) { edges { node { id datasetVersionId report createdAt } } }\n  }\n"): typeof import('./graphql').LatestAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CurationVersions { datasets(first: 100) { edges { node { name versions { id version } } } } }"): typeof import('./graphql').CurationVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportRuns { importRuns(first: 20) { totalCount edges { node { id kind status counts startedAt finishedAt } } } }\n"): typeof import('./graphql').ImportRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportRunProblems($id: ID!) {\n    importRun(id: $id) {\n      id kind status counts startedAt finishedAt\n      problems(first: 500) { totalCount edges { node { row field reason } } }\n    }\n  }\n"): typeof import('./graphql').ImportRunProblemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Adjudicate($input: AdjudicateAnnotationInput!) {\n    adjudicateAnnotation(input: $input) { id concept { code } }\n  }\n"): typeof import('./graphql').AdjudicateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Datasets {\n    datasets(first: 100) {\n      totalCount\n      edges { node { id name description versions { id version contentHash createdAt itemCount note } } }\n    }\n  }\n"): typeof import('./graphql').DatasetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetCompositions {\n    datasets(first: 100) {\n      edges {\n        node {\n          versions {\n            id\n            composition {\n              total labelled\n              bySplit { key count }\n              byDiagnosis { key count }\n              bySkinType { key count }\n              cells { split diagnosis skinType count }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DatasetCompositionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DatasetVersionLeakage($versionId: ID!) { datasetVersionLeakage(versionId: $versionId) }"): typeof import('./graphql').DatasetVersionLeakageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConceptCodes { concepts { code name } }"): typeof import('./graphql').ConceptCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FreezeDatasetVersion($input: FreezeDatasetVersionInput!) {\n    freezeDatasetVersion(input: $input) { versionId version contentHash images ties }\n  }\n"): typeof import('./graphql').FreezeDatasetVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DriftReports($first: Int) {\n    driftReports(first: $first) {\n      edges {\n        node {\n          id modelVersionId referenceFrom referenceTo windows alerts createdAt\n          alarmScore {\n            deviceChange { source device month }\n            stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths detectionDelay sourceNamedMonths\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DriftReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmbeddingPicker {\n    embeddingModels { id name kind createdAt aliases embeddingCount dim }\n    datasets(first: 100) { edges { node { id name versions { id version itemCount } } } }\n  }\n"): typeof import('./graphql').EmbeddingPickerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmbeddingProjection($modelId: ID!, $datasetVersionId: ID, $limit: Int) {\n    embeddingProjection(modelId: $modelId, datasetVersionId: $datasetVersionId, limit: $limit) {\n      modelId method explainedVariance total\n      points { imageId caseId x y diagnosis skinType site split }\n    }\n  }\n"): typeof import('./graphql').EmbeddingProjectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PixelBaselineFields on PixelBaseline {\n    method inputSize trainImages testImages labelFraction beatsBaseline beatsBaselineClearly\n    balancedAccuracy { value ciLow ciHigh }\n    macroAuroc { value ciLow ciHigh }\n    balancedAccuracyGain { model baseline difference ciLow ciHigh }\n    macroAurocGain { model baseline difference ciLow ciHigh }\n  }\n"): typeof import('./graphql').PixelBaselineFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Evaluation($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split report predictionCount createdAt\n      baseline { ...PixelBaselineFields }\n    }\n  }\n"): typeof import('./graphql').EvaluationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvaluationSubgroups($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split predictionCount createdAt\n      report(parts: [META, OVERALL, MALIGNANCY, GROUPS, GAPS])\n      baseline { ...PixelBaselineFields }\n    }\n  }\n"): typeof import('./graphql').EvaluationSubgroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvaluationHeadline($id: ID!) {\n    evaluation(id: $id) {\n      id modelVersionId datasetVersionId split predictionCount createdAt\n      report(parts: [META, OVERALL, MALIGNANCY])\n      baseline { ...PixelBaselineFields }\n    }\n  }\n"): typeof import('./graphql').EvaluationHeadlineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Evaluations($filter: EvaluationFilter, $first: Int) {\n    evaluations(filter: $filter, first: $first) {\n      totalCount\n      edges { node { id modelVersionId datasetVersionId split predictionCount createdAt } }\n    }\n  }\n"): typeof import('./graphql').EvaluationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobFields on Job {\n    id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt\n  }\n"): typeof import('./graphql').JobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) { totalCount edges { node { ...JobFields } } }\n  }\n"): typeof import('./graphql').JobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }\n"): typeof import('./graphql').CancelJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobDetail($id: ID!, $last: Int) {\n    job(id: $id) { ...JobFields logs(last: $last) { at level message } curve { step metrics } healthCurve { step metrics } }\n  }\n"): typeof import('./graphql').JobDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LabelsSinceChampion {\n    labellingProgress {\n      labelsSinceChampion\n    }\n  }\n"): typeof import('./graphql').LabelsSinceChampionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LabelEfficiency {\n    labelEfficiency {\n      backbone { id name }\n      method\n      points {\n        model { id name }\n        labels\n        balancedAccuracy { value ciLow ciHigh }\n        pixelBaseline { value ciLow ciHigh }\n        evaluatedAt\n        champion\n      }\n    }\n  }\n"): typeof import('./graphql').LabelEfficiencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabellingTaskFields on LabellingTask {\n    id round reason expiresAt outcome code suggestionAccepted\n    image { id }\n    case { id site patient { pseudonym skinType } }\n    suggestion { code probability }\n    similarCases { similarity image { id } case { id } diagnosis { concept { code name } } }\n    otherLesions { id site diagnosis { code } }\n  }\n"): typeof import('./graphql').LabellingTaskFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LabellingQueue($first: Int, $after: String, $strategy: LabellingStrategy, $filter: LabellingFilter) {\n    labellingQueue(first: $first, after: $after, strategy: $strategy, filter: $filter) {\n      edges { node { ...LabellingTaskFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').LabellingQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LabellingWorkbench { labellingProgress { labelled } concepts { code name } }\n"): typeof import('./graphql').LabellingWorkbenchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainImage($imageId: ID!) {\n    predict(input: { imageId: $imageId }) { explanation { method gridSize values } }\n  }\n"): typeof import('./graphql').ExplainImageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitLabel($input: SubmitLabelInput!) { submitLabel(input: $input) { outcome code suggestionAccepted } }\n"): typeof import('./graphql').SubmitLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoLabel($input: UndoLabelInput!) { undoLabel(input: $input) { outcome } }\n"): typeof import('./graphql').UndoLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecondReads {\n    labelDisagreements(first: 50) { image { id } codes }\n    readerAgreement { reader labels agreement kappa }\n  }\n"): typeof import('./graphql').SecondReadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetrainChampion($championId: ID) {\n    retrainChampion(championId: $championId) { datasetVersionId finetuneJobId evaluateJobId labels }\n  }\n"): typeof import('./graphql').RetrainChampionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareModels($datasetVersionId: ID!, $modelA: ID!, $modelB: ID!, $split: Split) {\n    compareModels(datasetVersionId: $datasetVersionId, modelA: $modelA, modelB: $modelB, split: $split) {\n      datasetVersionId split n report\n      modelA { id name }\n      modelB { id name }\n    }\n  }\n"): typeof import('./graphql').CompareModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelFields on ModelVersion {\n    id name kind config classes datasetVersionId createdAt licence status statusReason\n    parent { id name kind }\n    job { id kind }\n    aliases { alias updatedAt updatedBy }\n    evaluations { id datasetVersionId split predictionCount createdAt }\n  }\n"): typeof import('./graphql').ModelFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Models($first: Int) { models(first: $first) { totalCount edges { node { ...ModelFields } } } }\n"): typeof import('./graphql').ModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Model($id: ID!) {\n    model(id: $id) {\n      ...ModelFields metrics artifacts { kind sha256 bytes }\n      importedFrom { fileName sha256 format architecture taken }\n    }\n  }\n"): typeof import('./graphql').ModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelByAlias($alias: String!) { modelByAlias(alias: $alias) { ...ModelFields } }\n"): typeof import('./graphql').ModelByAliasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetNames {\n    datasets(first: 100) { edges { node { id name versions { id version contentHash itemCount } } } }\n  }\n"): typeof import('./graphql').DatasetNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PromoteModel($input: PromoteModelInput!) { promoteModel(input: $input) { id name } }"): typeof import('./graphql').PromoteModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PredictUpload($uploadId: ID!) {\n    predict(input: { uploadId: $uploadId }) {\n      classes { name probability rawProbability }\n      predicted { name probability rawProbability }\n      uncertainty { entropy normalizedEntropy confidence calibration temperature }\n      explanation { method gridSize values }\n      modelVersion { id name aliases }\n    }\n  }\n"): typeof import('./graphql').PredictUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarToUpload($uploadId: ID!, $k: Int) {\n    similarCases(input: { uploadId: $uploadId, k: $k, filter: { confirmedOnly: true } }) {\n      modelVersionId\n      cases {\n        similarity\n        image { id }\n        case { id site }\n        diagnosis { confirmation concept { code name malignant } }\n      }\n      diagnosisDistribution { concept { code name } count fraction }\n    }\n  }\n"): typeof import('./graphql').SimilarToUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateSimilarCase($input: RateSimilarCaseInput!) {\n    rateSimilarCase(input: $input) { id helpful createdAt }\n  }\n"): typeof import('./graphql').RateSimilarCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConceptNames { concepts { code name } }"): typeof import('./graphql').ConceptNamesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
