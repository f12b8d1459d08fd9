import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPredictionsCsv } from '../testing/predictions-csv.js';
import { createSyntheticPredictions } from '../testing/synthetic-predictions.js';
import { runEvaluateFile } from './evaluate-file.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvaluateFile(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('dermino evaluate-file', () => {
  let dir: string;
  let good: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dermino-evaluate-'));
    good = join(dir, 'predictions.csv');
    writeFileSync(good, formatPredictionsCsv(createSyntheticPredictions(600, 5), 7));
  });

  it('prints the JSON report with the documented shape', async () => {
    const { code, stdout, stderr } = await run([
      '--predictions',
      good,
      '--group-by',
      'sex,skin_type',
      '--json',
      '--resamples',
      '50',
    ]);
    // The file numbers its classes: the assumed order is said, not silently used.
    expect(stderr).toBe(
      "evaluate-file: warning: the file numbers its classes; assuming the HAM10000 order akiec,bcc,bkl,df,nv,vasc,mel (malignant: akiec, bcc, mel); pass --class-names in the file's order if it differs\n",
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    for (const metric of ['accuracy', 'balanced_accuracy', 'macro_auroc', 'brier', 'ece']) {
      const { value, ci_low, ci_high } = report.overall[metric];
      expect(ci_low).toBeLessThanOrEqual(value);
      expect(ci_high).toBeGreaterThanOrEqual(value);
    }
    expect(Object.keys(report.groups.sex).sort()).toEqual(['female', 'male']);
    expect(report.groups.sex.female.n + report.groups.sex.male.n).toBe(600);
    expect(report.groups.sex.female.accuracy.value).toBeGreaterThan(0);
    expect(report.gaps.sex.accuracy).toHaveProperty('difference');
    expect(report.gaps.sex.accuracy).toHaveProperty('ratio');
    expect(report.gaps.sex.accuracy).toHaveProperty('worst_group');
    expect(report.gaps.sex.equalized_odds_difference.value).toBeGreaterThanOrEqual(0);
    // 7 classes are read as HAM10000: malignant = akiec, bcc, mel
    expect(report.meta.malignant_classes).toEqual(['akiec', 'bcc', 'mel']);
    // skin type also grouped as in DDI
    expect(Object.keys(report.groups.skin_type_ddi).sort()).toEqual(['I-II', 'III-IV', 'V-VI']);
  });

  it('compares a numeric age column in bands', async () => {
    const data = createSyntheticPredictions(300, 8);
    data.attributes.age = Array.from(data.labels, (_, i) =>
      i % 10 === 0 ? '' : String(18 + ((i * 7) % 70)),
    );
    const withAge = join(dir, 'with-age.csv');
    writeFileSync(withAge, formatPredictionsCsv(data, 7));
    const { code, stdout } = await run([
      '--predictions',
      withAge,
      '--group-by',
      'age',
      '--json',
      '--resamples',
      '10',
    ]);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout).groups.age).sort()).toEqual([
      '(missing)',
      '30-44',
      '45-59',
      '60-74',
      '75+',
      '<30',
    ]);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await run(['--predictions', good, '--group-by', 'site', '--resamples', '20']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Overall\n\s+metric\s+value \[95% CI\]\n\s+accuracy\s+0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]/,
    );
    expect(stdout).toContain('By site');
    expect(stdout).toContain('equalized-odds difference');
  });

  it('stops with the row and column of a malformed cell', async () => {
    const bad = join(dir, 'bad.csv');
    const lines = formatPredictionsCsv(createSyntheticPredictions(5, 6), 7).split('\n');
    lines[3] = lines[3].replace(/,0\.\d+,/, ',oops,');
    writeFileSync(bad, lines.join('\n'));
    const { code, stderr, stdout } = await run(['--predictions', bad]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/row 3 \(line 4\), column "probability_class_\d": "oops" is not a number/);
  });

  it('rejects a --group-by column the file does not have, and missing arguments', async () => {
    const missingColumn = await run(['--predictions', good, '--group-by', 'age']);
    expect(missingColumn.code).toBe(1);
    expect(missingColumn.stderr).toContain('column "age"');
    expect((await run([])).code).toBe(2);
    expect((await run(['--predictions', join(dir, 'nope.csv')])).stderr).toContain('no such file');
  });

  it('reads the malignant classes from --class-names (alphabetical order: mel is 4), without a warning', async () => {
    const names = 'akiec,bcc,bkl,df,mel,nv,vasc';
    const { code, stdout, stderr } = await run([
      '--predictions',
      good,
      '--class-names',
      names,
      '--json',
      '--resamples',
      '10',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.meta.class_names).toEqual(names.split(','));
    expect(report.meta.malignant_classes).toEqual(['akiec', 'bcc', 'mel']);
    // Malignancy differs from the HAM10000 order's (mel at 6 there): the figures follow the names.
    const assumed = JSON.parse((await run(['--predictions', good, '--json', '--resamples', '10'])).stdout);
    expect(report.malignancy).not.toEqual(assumed.malignancy);
    expect(report.overall.accuracy).toEqual(assumed.overall.accuracy);
  });

  it('rejects --class-names of the wrong length, with an empty or repeated name', async () => {
    const short = await run(['--predictions', good, '--class-names', 'a,b,c']);
    expect(short.code).toBe(1);
    expect(short.stderr).toBe(
      'evaluate-file: --class-names lists 3 names, the file has 7 probability columns\n',
    );
    const repeated = await run(['--predictions', good, '--class-names', 'a,b,c,d,e,f,a']);
    expect(repeated.stderr).toBe('evaluate-file: --class-names lists "a" twice\n');
    const empty = await run(['--predictions', good, '--class-names', 'a,b,,d,e,f,g']);
    expect(empty.stderr).toBe('evaluate-file: --class-names has an empty name at position 3\n');
  });
});
