import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  type Confirmation,
  createDatasetVersion,
  createImportRun,
  createJob,
  type Db,
  recordImportProblems,
  registerModelVersion,
  saveDataAudit,
  updateImportRun,
  writeEmbeddings,
} from '@dermino/db';
import { createTestCase } from '@dermino/db/testing';
import { storeImage } from '@dermino/ingest';
import { encodeImage, generateCohort, renderImage } from '@dermino/synth';

export interface SeededCuration {
  source: string;
  imageIds: string[];
  caseIds: string[];
  modelId: string;
  modelName: string;
  versionId: string;
  importRunId: string;
  /** Index of the image the audit flags (given nv, suggested mel). */
  issueImage: number;
  /** Index of the image confirmed by histopathology as mel (adjudicating it to anything else is a CONFLICT). */
  histopathologyImage: number;
  problems: { row: number; field: string; reason: string }[];
}

const SPECS: { code: string; confirmation: Confirmation; skinType: 'II' | 'IV' | 'VI'; site: string }[] = [
  { code: 'nv', confirmation: 'SINGLE_READER', skinType: 'II', site: 'back' },
  { code: 'mel', confirmation: 'HISTOPATHOLOGY', skinType: 'IV', site: 'back' },
  { code: 'bkl', confirmation: 'SINGLE_READER', skinType: 'VI', site: 'face' },
  { code: 'nv', confirmation: 'SINGLE_READER', skinType: 'II', site: 'trunk' },
  { code: 'nv', confirmation: 'SINGLE_READER', skinType: 'IV', site: 'trunk' },
  { code: 'bcc', confirmation: 'CONSENSUS', skinType: 'VI', site: 'face' },
];
const DIM = 8;

/**
 * Six cases of a source of their own with real thumbnails, a backbone with their embeddings, a frozen version, a
 * data audit stored the way the audit job stores it (saveDataAudit under an AUDIT job) and an import run with
 * row problems.
 */
export async function seedCuration(db: Db, home: string): Promise<SeededCuration> {
  const tag = randomBytes(3).toString('hex');
  const source = `curation-${tag}`;
  const cohort = generateCohort({ seed: 23, imageCount: SPECS.length });
  const imageIds: string[] = [];
  const caseIds: string[] = [];
  for (const [index, spec] of SPECS.entries()) {
    const synth = cohort.images[index]!;
    const stored = await storeImage(await encodeImage(renderImage(synth, { size: 128 }), 'png'), {
      root: path.join(home, 'images'),
    });
    const created = await createTestCase(db, {
      source,
      site: spec.site,
      patient: { skinType: spec.skinType },
      images: [{ storageKey: stored.storageKey, source }],
      annotations: [
        { concept: spec.code, confirmation: spec.confirmation, annotator: 'dr-curation', image: 0 },
      ],
    });
    imageIds.push(created.images[0]!.id);
    caseIds.push(created.id);
  }
  const embedJob = await createJob(db, { kind: 'PRETRAIN', payload: { e2e: 'curation' } });
  const model = await registerModelVersion(db, {
    name: `curation-backbone-${tag}`,
    kind: 'BACKBONE',
    config: {},
    jobId: embedJob.id,
    artifacts: [],
  });
  await writeEmbeddings(db, {
    modelVersionId: model.id,
    dim: DIM,
    rows: imageIds.map((imageId, i) => ({
      imageId,
      vector: Array.from({ length: DIM }, (_, d) => Math.sin((i + 1) * (d + 1)) + (d === 0 ? i : 0)),
    })),
  });
  const concepts = await db.diagnosisConcept.findMany({
    where: { code: { in: SPECS.map((s) => s.code) } },
    select: { id: true, code: true },
  });
  const conceptId = (code: string) => concepts.find((c) => c.code === code)!.id;
  const version = await createDatasetVersion(db, {
    datasetName: `curation-${tag}`,
    filter: { source: [source] },
    splitConfig: {},
    items: imageIds.map((imageId, i) => ({
      imageId,
      conceptId: conceptId(SPECS[i]!.code),
      split: i < 4 ? 'TRAIN' : 'TEST',
    })),
  });
  const auditJob = await createJob(db, { kind: 'AUDIT', payload: { datasetVersionId: version.id } });
  await saveDataAudit(db, {
    datasetVersionId: version.id,
    jobId: auditJob.id,
    report: {
      images: imageIds.length,
      embeddingModelId: model.id,
      labelIssues: {
        checked: imageIds.length,
        classes: ['bcc', 'bkl', 'mel', 'nv'],
        method: 'confident learning on 5-fold out-of-sample linear-probe probabilities',
        issues: [
          {
            imageId: imageIds[0],
            givenLabel: 'nv',
            suggestedLabel: 'mel',
            selfConfidence: 0.08,
            margin: -0.61,
          },
        ],
      },
      duplicates: {
        exactGroups: 1,
        exact: [[imageIds[3], imageIds[4]]],
        nearPairs: 1,
        nearGroups: 1,
        near: [[imageIds[2], imageIds[5]]],
        nearDuplicateThreshold: 0.1,
        embeddingsCentred: true,
      },
      leakage: {
        patients: [],
        lesions: [],
        exactDuplicates: [],
        nearDuplicatePairs: 0,
        nearDuplicates: [],
        affectedImages: 0,
      },
    },
  });
  const run = await createImportRun(db, {
    kind: 'isic-csv',
    sourceFiles: { metadata: `curation-${tag}.csv` },
  });
  const problems = [
    { row: 3, field: 'dx', reason: 'Unknown diagnosis code "melx".' },
    { row: 7, field: 'age_approx', reason: 'Age "-4" is not a number from 0 to 120.' },
  ];
  await recordImportProblems(db, { importRunId: run.id, problems });
  await updateImportRun(db, {
    id: run.id,
    counts: { rows: 10, imported: 8, problems: 2 },
    status: 'COMPLETED',
  });
  return {
    source,
    imageIds,
    caseIds,
    modelId: model.id,
    modelName: model.name,
    versionId: version.id,
    importRunId: run.id,
    issueImage: 0,
    histopathologyImage: 1,
    problems,
  };
}
