import { type CsvRecord, CsvSyntaxError, parseCsvRecords } from './parse-csv.js';
import { PredictionsCsvError } from './predictions-csv-error.js';

export interface ParsePredictionsOptions {
  /** Column holding the true class index. */
  labelColumn?: string;
  /** Probability columns are `<prefix><k>` for k = 0..K-1 (the DermFM-Zero harness format). */
  probabilityPrefix?: string;
  /** Allowed |sum of a row's probabilities - 1|. */
  sumTolerance?: number;
}

export interface ParsedPredictions {
  probabilities: Float64Array;
  labels: Int32Array;
  numClasses: number;
  /** Every other column, as text, for grouping. */
  attributes: Record<string, string[]>;
  n: number;
}

/** Reads a predictions CSV; any malformed cell stops with a PredictionsCsvError naming row and column. */
export function parsePredictionsCsv(text: string, options: ParsePredictionsOptions = {}): ParsedPredictions {
  const {
    labelColumn = 'true_label',
    probabilityPrefix = 'probability_class_',
    sumTolerance = 1e-3,
  } = options;
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new PredictionsCsvError(error.message, null, null, error.line);
    throw error;
  }
  if (records.length === 0)
    throw new PredictionsCsvError('the file is empty (no header, no rows)', null, null);
  const header = records[0].fields.map((h) => h.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name))
      throw new PredictionsCsvError('the column name appears twice in the header', null, name, 1);
    seen.add(name);
  }
  const labelIndex = header.indexOf(labelColumn);
  if (labelIndex < 0)
    throw new PredictionsCsvError(
      `the label column is missing (header: ${header.join(', ')})`,
      null,
      labelColumn,
      1,
    );
  const probabilityIndex: number[] = [];
  for (let k = 0; header.includes(`${probabilityPrefix}${k}`); k++)
    probabilityIndex.push(header.indexOf(`${probabilityPrefix}${k}`));
  const stray = header.find(
    (h) => h.startsWith(probabilityPrefix) && !probabilityIndex.includes(header.indexOf(h)),
  );
  if (stray)
    throw new PredictionsCsvError(
      `probability columns must be numbered 0..K-1 without gaps; expected ${probabilityPrefix}${probabilityIndex.length} first`,
      null,
      stray,
      1,
    );
  const numClasses = probabilityIndex.length;
  if (numClasses < 2)
    throw new PredictionsCsvError(
      `need at least two columns ${probabilityPrefix}0, ${probabilityPrefix}1, ...`,
      null,
      `${probabilityPrefix}${numClasses}`,
      1,
    );
  const rows = records.slice(1);
  if (rows.length === 0) throw new PredictionsCsvError('the file has a header but no rows', null, null);
  const n = rows.length;
  const probabilities = new Float64Array(n * numClasses);
  const labels = new Int32Array(n);
  const attributeIndex = header
    .map((_, i) => i)
    .filter((i) => i !== labelIndex && !probabilityIndex.includes(i));
  const attributes: Record<string, string[]> = Object.fromEntries(
    attributeIndex.map((i) => [header[i], new Array<string>(n)]),
  );
  rows.forEach(({ fields, line }, r) => {
    const row = r + 1;
    if (fields.length !== header.length)
      throw new PredictionsCsvError(
        `has ${fields.length} fields, the header has ${header.length}`,
        row,
        null,
        line,
      );
    const labelText = fields[labelIndex].trim();
    const label = Number(labelText);
    if (labelText === '' || !Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw new PredictionsCsvError(
        `unknown label "${labelText}": expected a class index 0..${numClasses - 1}`,
        row,
        labelColumn,
        line,
      );
    }
    labels[r] = label;
    let sum = 0;
    probabilityIndex.forEach((column, k) => {
      const cell = fields[column].trim();
      const value = Number(cell);
      if (cell === '' || !Number.isFinite(value))
        throw new PredictionsCsvError(`"${cell}" is not a number`, row, header[column], line);
      if (value < 0 || value > 1)
        throw new PredictionsCsvError(`probability ${value} is outside [0, 1]`, row, header[column], line);
      probabilities[r * numClasses + k] = value;
      sum += value;
    });
    if (Math.abs(sum - 1) > sumTolerance) {
      const columns = `${probabilityPrefix}0..${probabilityPrefix}${numClasses - 1}`;
      throw new PredictionsCsvError(
        `probabilities sum to ${sum.toPrecision(6)}, not 1 (tolerance ${sumTolerance})`,
        row,
        columns,
        line,
      );
    }
    for (const i of attributeIndex) attributes[header[i]][r] = fields[i].trim();
  });
  return { probabilities, labels, numClasses, attributes, n };
}
