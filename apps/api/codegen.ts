import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types from the SDL; parents are the @dermino/db records the resolvers return.
const config: CodegenConfig = {
  schema: 'src/schema/**/schema.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.js#Context',
        useTypeImports: true,
        enumsAsTypes: true,
        useIndexSignature: false,
        scalars: { DateTime: { input: 'Date', output: 'Date | string' }, JSON: 'unknown' },
        mappers: {
          Case: '@dermino/db#CaseRecord',
          Patient: '@dermino/db#PatientRecord',
          Image: '@dermino/db#ImageRecord',
          Annotation: '@dermino/db#AnnotationRecord',
          DiagnosisConcept: '@dermino/db#ConceptRecord',
          Dataset: '@dermino/db#DatasetRecord',
          DatasetVersion: '@dermino/db#DatasetVersionRecord',
          User: '@dermino/db#UserRecord',
          ModelVersion: '@dermino/db#ModelVersionRecord',
          Evaluation: '@dermino/db#EvaluationRecord',
          DriftReport: '@dermino/db#DriftReportRecord',
          DataAudit: '@dermino/db#DataAuditRecord',
          Job: '@dermino/db#JobRow',
          ImportRun: '@dermino/db#ImportRunRecord',
          SimilarCasesResult: '../schema/similar/parent.js#SimilarCasesParent',
          LabellingTask: '@dermino/db#LabellingTaskRecord',
        },
      },
    },
  },
};

export default config;
