import { PredictionsCsvError } from '../csv/predictions-csv-error.js';
import { HAM10000_TAXONOMY, malignantClassIndices } from '../metrics/malignancy.js';

export interface ResolvedClasses {
  classNames?: string[];
  malignantClasses?: number[];
  /** Said on stderr when an order was assumed rather than given. */
  warning?: string;
}

const MALIGNANT_NAMES = new Set(HAM10000_TAXONOMY.filter((c) => c.malignant).map((c) => c.name));

/**
 * The names and malignant classes of the probability columns. The file numbers its columns (probability_class_0..),
 * so without --class-names a 7-class file is read in the HAM10000 harness order, and the warning names that order:
 * an alphabetical file (mel at 4) would otherwise get its malignancy figures from the wrong classes.
 */
export function resolveClasses(
  options: { classNames?: string; malignant?: string; taxonomy?: string },
  numClasses: number,
): ResolvedClasses {
  const { taxonomy } = options;
  if (taxonomy && taxonomy !== 'ham10000' && taxonomy !== 'none')
    throw new PredictionsCsvError(`unknown --taxonomy "${taxonomy}" (known: ham10000, none)`, null, null);
  const classNames =
    options.classNames === undefined ? undefined : parseClassNames(options.classNames, numClasses);
  const malignant =
    options.malignant === undefined ? undefined : parseMalignant(options.malignant, numClasses);
  if (classNames) {
    const byName = classNames.flatMap((name, index) => (MALIGNANT_NAMES.has(name) ? [index] : []));
    const fromNames = taxonomy === 'none' || byName.length === 0 ? undefined : byName;
    return { classNames, malignantClasses: malignant ?? fromNames };
  }
  if (malignant) return { malignantClasses: malignant };
  if (taxonomy === 'none') return {};
  if (numClasses === HAM10000_TAXONOMY.length) {
    const order = HAM10000_TAXONOMY.map((c) => c.name).join(',');
    return {
      classNames: HAM10000_TAXONOMY.map((c) => c.name),
      malignantClasses: malignantClassIndices(HAM10000_TAXONOMY),
      warning: `the file numbers its classes; assuming the HAM10000 order ${order} (malignant: akiec, bcc, mel); pass --class-names in the file's order if it differs`,
    };
  }
  if (taxonomy === 'ham10000')
    throw new PredictionsCsvError(
      `--taxonomy ham10000 needs 7 probability columns, the file has ${numClasses}`,
      null,
      null,
    );
  return {};
}

function parseClassNames(value: string, numClasses: number): string[] {
  const names = value.split(',').map((s) => s.trim());
  if (names.length !== numClasses)
    throw new PredictionsCsvError(
      `--class-names lists ${names.length} names, the file has ${numClasses} probability columns`,
      null,
      null,
    );
  const empty = names.findIndex((name) => name === '');
  if (empty >= 0)
    throw new PredictionsCsvError(`--class-names has an empty name at position ${empty + 1}`, null, null);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new PredictionsCsvError(`--class-names lists "${repeated}" twice`, null, null);
  return names;
}

function parseMalignant(value: string, numClasses: number): number[] {
  const classes = value.split(',').map((s) => Number(s.trim()));
  const bad = classes.find((c) => !Number.isInteger(c) || c < 0 || c >= numClasses);
  if (bad !== undefined)
    throw new PredictionsCsvError(`--malignant lists class ${bad}, not in 0..${numClasses - 1}`, null, null);
  return classes;
}
