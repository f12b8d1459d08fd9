export { IntakeError, isIntakeError } from './intake/errors.js';
export { computePerceptualHash, hammingDistance, type RawInfo } from './intake/perceptual-hash.js';
export { sniffFormat, type AcceptedFormat } from './intake/sniff-format.js';
export {
  ACCEPTED_FORMATS,
  DEFAULT_MAX_PIXELS,
  storeImage,
  storeRawImage,
  THUMBNAIL_SIZE,
  WORKING_SIZE,
  type StoredImage,
  type StoreImageOptions,
} from './intake/store-image.js';
export { readCsvFile, type CsvRow, type CsvTable } from './csv/read-csv.js';
export { prepareHam10000Import, HAM_SOURCE, type Ham10000Files } from './sources/ham10000.js';
export { prepareIsicImport, ISIC_SOURCE } from './sources/isic.js';
export { prepareFitzpatrick17kImport, FITZPATRICK_SOURCE } from './sources/fitzpatrick17k.js';
export { prepareGenericCsvImport } from './sources/generic-csv.js';
export { columnMappingSchema, readColumnMapping, type ColumnMapping } from './sources/column-mapping.js';
export type { ImportKind, MappedRow, PreparedImport, RowProblem, RowResult } from './sources/types.js';
export { runImport, sourceKeyOf, type RunImportOptions } from './import/run-import.js';
export type { ImportCounts, ImportSummary } from './import/import-summary.js';
export { adjudicateLabel, CONFIRMATION_TIERS, type Adjudication, type LabelVote } from './curation/adjudicate-label.js';
export { assignSplits, parseSplitRatios, SPLITS, type SplitItem, type SplitRatios } from './curation/assign-splits.js';
export { findLeakage, type Leak, type LeakageItem, type LeakageReport } from './curation/find-leakage.js';
export { parseFilterExpressions, FILTER_KEYS } from './curation/parse-filter.js';
export { freezeDatasetVersion, type FreezeDatasetVersionOptions, type FreezeSummary } from './curation/freeze-dataset-version.js';
export { checkDatasetVersionLeakage, type LeakageCheck } from './curation/check-leakage.js';
export { DEMO_SOURCE } from './demo/demo-rows.js';
export { seedDemoRegistry, type SeedDemoOptions, type SeedDemoResult } from './demo/seed-demo.js';
