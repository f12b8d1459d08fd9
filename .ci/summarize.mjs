// Sums every package's vitest JSON report into one closing line: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const roots = ['apps', 'packages'];
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const root of roots) {
  for (const name of fs.existsSync(root) ? fs.readdirSync(root) : []) {
  // .vitest-results-postgres.json: the same package's integration tests against PostgreSQL 15 (.ci/postgres-tests.sh).
  for (const reportName of ['.vitest-results.json', '.vitest-results-postgres.json']) {
    const file = path.join(root, name, reportName);
    if (!fs.existsSync(file)) continue;
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    // Files that failed to load count as failures even when no test inside them ran.
    const brokenSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + brokenSuites;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    const label = `${path.join(root, name)}${file.includes('postgres') ? ' (pg 15)' : ''}`;
    rows.push(`${label.padEnd(30)} ${String(report.numPassedTests).padStart(5)} passed ${String(report.numFailedTests + brokenSuites).padStart(4)} failed`);
  }
  }
}
console.log(rows.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
