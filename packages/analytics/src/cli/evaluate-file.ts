import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePredictionsCsv } from '../csv/parse-predictions-csv.js';
import { PredictionsCsvError } from '../csv/predictions-csv-error.js';
import { ageBands } from '../fairness/age-groups.js';
import { addSkinTypeGroupings } from '../fairness/skin-type.js';
import { buildEvaluationReport } from '../report/build-report.js';
import { formatReportTable } from '../report/format-table.js';
import { resolveClasses } from './resolve-class-names.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile?: (path: string) => Promise<string>;
}

export const EVALUATE_FILE_USAGE = `usage: dermino evaluate-file --predictions <file.csv> [--label-column true_label] [--group-by col1,col2,col1+col2]
       [--json] [--resamples 1000] [--seed 0] [--min-group-size 30] [--malignant 0,1,6 | --taxonomy ham10000 | --taxonomy none]
       [--class-names akiec,bcc,bkl,df,nv,vasc,mel]   (the names of probability_class_0.., in order; without it a
       7-class file is read in that HAM10000 order, with a warning; mel, bcc, akiec are malignant)
`;

const SKIN_TYPE_COLUMN = /fitzpatrick|skin_?type|skin_?tone/i;
const AGE_COLUMN = /^age($|_)/i;

function parseIntegerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new PredictionsCsvError(`--${name} must be a non-negative integer, got "${value}"`, null, null);
  return parsed;
}

function parseEvaluateFileArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      predictions: { type: 'string' },
      'label-column': { type: 'string', default: 'true_label' },
      'group-by': { type: 'string' },
      json: { type: 'boolean', default: false },
      resamples: { type: 'string' },
      seed: { type: 'string' },
      'min-group-size': { type: 'string' },
      malignant: { type: 'string' },
      'class-names': { type: 'string' },
      taxonomy: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  }).values;
}

/** `dermino evaluate-file`: reads a predictions CSV and prints the report; returns the exit code. */
export async function runEvaluateFile(argv: string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parseEvaluateFileArgs>;
  try {
    values = parseEvaluateFileArgs(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${EVALUATE_FILE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(EVALUATE_FILE_USAGE);
    return 0;
  }
  if (!values.predictions) {
    io.stderr(`--predictions is required\n${EVALUATE_FILE_USAGE}`);
    return 2;
  }
  try {
    const text = await (io.readFile ?? ((p: string) => readFile(p, 'utf8')))(values.predictions);
    const parsed = parsePredictionsCsv(text, { labelColumn: values['label-column'] });
    const groupBy = (values['group-by'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((spec) => (spec.includes('+') ? spec.split('+') : spec));
    let attributes: Record<string, ArrayLike<string | number | null | undefined>> = { ...parsed.attributes };
    for (const spec of groupBy) {
      for (const column of typeof spec === 'string' ? [spec] : spec) {
        if (!(column in attributes))
          throw new PredictionsCsvError(
            `--group-by names a column the file does not have (columns: ${Object.keys(parsed.attributes).join(', ') || 'none'})`,
            null,
            column,
          );
      }
    }
    // Skin type is also shown grouped as in DDI (I-II / III-IV / V-VI), next to each type.
    for (const spec of [...groupBy]) {
      if (typeof spec === 'string' && SKIN_TYPE_COLUMN.test(spec)) {
        const added = addSkinTypeGroupings(attributes, spec);
        attributes = added.attributes;
        groupBy.push(added.groupBy[1]);
      }
    }
    // A numeric age column is compared in bands (<30, 30-44, 45-59, 60-74, 75+), not year by year.
    for (const name of Object.keys(parsed.attributes)) {
      const values = parsed.attributes[name];
      if (
        AGE_COLUMN.test(name) &&
        values.every(
          (v) => v.trim() === '' || Number.isFinite(Number(v)) || /^(na|nan|unknown)$/i.test(v.trim()),
        )
      ) {
        attributes[name] = ageBands(values);
      }
    }
    const { classNames, malignantClasses, warning } = resolveClasses(
      { classNames: values['class-names'], malignant: values.malignant, taxonomy: values.taxonomy },
      parsed.numClasses,
    );
    if (warning) io.stderr(`evaluate-file: warning: ${warning}\n`);
    const report = buildEvaluationReport(
      { ...parsed, attributes, groupBy, malignantClasses, classNames },
      {
        resamples: parseIntegerOption(values.resamples, 'resamples', 1000),
        seed: parseIntegerOption(values.seed, 'seed', 0),
        minGroupSize: parseIntegerOption(values['min-group-size'], 'min-group-size', 30),
      },
    );
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReportTable(report));
    return 0;
  } catch (error) {
    if (error instanceof PredictionsCsvError || error instanceof RangeError) {
      io.stderr(`evaluate-file: ${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr(`evaluate-file: cannot read ${values.predictions}: no such file\n`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runEvaluateFile(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
