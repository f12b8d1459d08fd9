import fs from 'node:fs';

export type PageResult = MeasuredPage | { name: string; path: string; failure: string };

export interface MeasuredPage {
  name: string;
  path: string;
  lcpP50: number;
  lcpP95: number;
  ttfbP50: number;
  htmlDoneP50: number;
  dataShownP50: number;
  bytesP50: number;
  requestsP50: number;
  lcpElement: string;
}

export interface RunInfo {
  date: string;
  runs: number;
  demoSize: number;
  machine: string;
  loadBefore: number[];
  loadAfter: number[];
  goalMs: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const loads = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ');

/** One run as a markdown section: the table, then the machine it ran on. */
export function formatRun(info: RunInfo, results: PageResult[], reference: MeasuredPage): string {
  const rows = [reference, ...results].map((r) => {
    if ('failure' in r) {
      return `| ${info.date.slice(0, 16).replace('T', ' ')} | ${r.name} \`${r.path}\` | – | – | – | – | – | – | – | – | not measured | ${r.failure.replaceAll('|', '/')} |`;
    }
    const ratio = r === reference ? '1.00 (ref)' : (r.lcpP50 / reference.lcpP50).toFixed(2);
    const goal = r.lcpP95 < info.goalMs ? 'yes' : r.lcpP50 < info.goalMs ? 'p50 only' : 'no';
    return `| ${info.date.slice(0, 16).replace('T', ' ')} | ${r.name} \`${r.path}\` | ${ms(r.lcpP50)} | ${ms(r.lcpP95)} | ${ratio} | ${ms(r.ttfbP50)} | ${ms(r.htmlDoneP50)} | ${ms(r.dataShownP50)} | ${kb(r.bytesP50)} | ${r.requestsP50} | ${goal} | ${r.lcpElement} |`;
  });
  return [
    `### ${info.date} (N = ${info.runs} cold loads per page, demo size ${info.demoSize})`,
    '',
    '| date (UTC) | page | LCP p50 | LCP p95 | LCP p50 / login | TTFB p50 | HTML done p50 | data shown p50 | transferred (p50) | requests (p50) | LCP < 1.5 s | LCP element (most often) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Machine: ${info.machine}. Load average (1 / 5 / 15 min) before: ${loads(info.loadBefore)}, after: ${loads(info.loadAfter)}.`,
    '',
  ].join('\n');
}

export function appendRun(file: string, section: string): void {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: it holds the method the numbers depend on.`);
  fs.appendFileSync(file, `\n${section}`);
}
