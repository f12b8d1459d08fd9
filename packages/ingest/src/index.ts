export { type CsvRow, type CsvTable, readCsvFile } from './csv/read-csv.js';
export {
  type Adjudication,
  adjudicateLabel,
  CONFIRMATION_TIERS,
  type LabelVote,
} from './curation/adjudicate-label.js';
export {
  assignSplits,
  parseSplitRatios,
  SPLITS,
  type SplitItem,
  type SplitRatios,
} from './curation/assign-splits.js';
export { checkDatasetVersionLeakage, type LeakageCheck } from './curation/check-leakage.js';
export { findLeakage, type Leak, type LeakageItem, type LeakageReport } from './curation/find-leakage.js';
export {
  type FreezeDatasetVersionOptions,
  type FreezeSummary,
  freezeDatasetVersion,
} from './curation/freeze-dataset-version.js';
export { FILTER_KEYS, parseFilterExpressions } from './curation/parse-filter.js';
export { findDemoAnswerKey, getDemoAnswerKey } from './demo/demo-answer-key.js';
export { DEMO_SOURCE } from './demo/demo-rows.js';
export {
  type DemoDetectorScores,
  type ScoreDemoDetectorsOptions,
  scoreDemoDetectors,
} from './demo/score-demo-detectors.js';
export { type SeedDemoOptions, type SeedDemoResult, seedDemoRegistry } from './demo/seed-demo.js';
export type { ImportCounts, ImportSummary } from './import/import-summary.js';
export { type RunImportOptions, runImport, sourceKeyOf } from './import/run-import.js';
export { IntakeError, isIntakeError } from './intake/errors.js';
export { computePerceptualHash, hammingDistance, type RawInfo } from './intake/perceptual-hash.js';
export { type AcceptedFormat, sniffFormat } from './intake/sniff-format.js';
export {
  ACCEPTED_FORMATS,
  DEFAULT_MAX_PIXELS,
  type StoredImage,
  type StoreImageOptions,
  storeImage,
  storeRawImage,
  THUMBNAIL_SIZE,
  WORKING_SIZE,
} from './intake/store-image.js';
export { type ColumnMapping, columnMappingSchema, readColumnMapping } from './sources/column-mapping.js';
export { FITZPATRICK_SOURCE, prepareFitzpatrick17kImport } from './sources/fitzpatrick17k.js';
export { prepareGenericCsvImport } from './sources/generic-csv.js';
export { HAM_SOURCE, type Ham10000Files, prepareHam10000Import } from './sources/ham10000.js';
export { ISIC_SOURCE, prepareIsicImport } from './sources/isic.js';
export type { ImportKind, MappedRow, PreparedImport, RowProblem, RowResult } from './sources/types.js';
