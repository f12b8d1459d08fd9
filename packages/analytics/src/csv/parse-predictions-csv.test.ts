import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from './parse-csv.js';
import { parsePredictionsCsv } from './parse-predictions-csv.js';
import { PredictionsCsvError } from './predictions-csv-error.js';

const header = 'true_label,probability_class_0,probability_class_1,probability_class_2,sex';

function parseError(text: string, options = {}): PredictionsCsvError {
  try {
    parsePredictionsCsv(text, options);
  } catch (error) {
    if (error instanceof PredictionsCsvError) return error;
    throw error;
  }
  throw new Error('expected a PredictionsCsvError');
}

describe('parseCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, and tracks start lines', () => {
    const records = parseCsvRecords('a,b\r\n"x, y","say ""hi"""\n"multi\nline",2\n\n3,4');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', '2'],
      ['3', '4'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });
});

describe('parsePredictionsCsv', () => {
  it('reads labels, probabilities and attribute columns', () => {
    const parsed = parsePredictionsCsv(`${header}\n2,0.1,0.2,0.7,female\n0,0.5,0.25,0.25,"male"\n`);
    expect(parsed.numClasses).toBe(3);
    expect(Array.from(parsed.labels)).toEqual([2, 0]);
    expect(Array.from(parsed.probabilities)).toEqual([0.1, 0.2, 0.7, 0.5, 0.25, 0.25]);
    expect(parsed.attributes).toEqual({ sex: ['female', 'male'] });
  });

  it('accepts another label column name', () => {
    const parsed = parsePredictionsCsv('y,probability_class_0,probability_class_1\n1,0.4,0.6\n', {
      labelColumn: 'y',
    });
    expect(Array.from(parsed.labels)).toEqual([1]);
  });

  it('names the row and column of a probability that is not a number', () => {
    const error = parseError(`${header}\n2,0.1,0.2,0.7,f\n1,0.1,NaN,0.9,m\n`);
    expect([error.row, error.column, error.line]).toEqual([2, 'probability_class_1', 3]);
    expect(error.message).toContain('row 2 (line 3), column "probability_class_1"');
  });

  it('rejects a row whose probabilities do not sum to 1 within 1e-3', () => {
    const error = parseError(`${header}\n2,0.1,0.2,0.7,f\n1,0.1,0.2,0.698,m\n`);
    expect(error.row).toBe(2);
    expect(error.message).toMatch(/sum to 0\.998/);
    // 0.9995 is within tolerance
    expect(() => parsePredictionsCsv(`${header}\n1,0.1,0.2,0.6995,m\n`)).not.toThrow();
  });

  it('rejects an unknown label, naming the label column', () => {
    const error = parseError(`${header}\n3,0.1,0.2,0.7,f\n`);
    expect([error.row, error.column]).toEqual([1, 'true_label']);
    expect(error.message).toContain('unknown label "3"');
    expect(parseError(`${header}\n1.5,0.1,0.2,0.7,f\n`).column).toBe('true_label');
    expect(parseError(`${header}\n,0.1,0.2,0.7,f\n`).column).toBe('true_label');
  });

  it('rejects missing columns and empty files', () => {
    expect(parseError('').message).toMatch(/empty/);
    expect(parseError(`${header}\n`).message).toMatch(/no rows/);
    expect(parseError('label,probability_class_0,probability_class_1\n0,1,0\n').column).toBe('true_label');
    expect(parseError('true_label,probability_class_0,probability_class_2\n0,1,0\n').column).toBe(
      'probability_class_2',
    );
    expect(parseError('true_label,probability_class_0,sex\n0,1,f\n').message).toMatch(/at least two/);
  });

  it('rejects a short row and a negative probability', () => {
    expect(parseError(`${header}\n2,0.1,0.2\n`).message).toMatch(/row 1 \(line 2\): has 3 fields/);
    expect(parseError(`${header}\n2,-0.1,0.4,0.7,f\n`).column).toBe('probability_class_0');
  });
});
