// `npm run bench -w @dermino/web`: LCP and bytes of the overview, bias and case pages on a fresh platform with the
// demo data, against /login measured in the same run (see BENCHMARKS.md for the method).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, DEMO_PASSWORD, readServerInfo } from '@dermino/db';
import { seedManagerData } from '../test/support/seed-manager';
import { launchBrowser } from './launch-browser';
import { type LoadSample, measureColdLoad, type PageTarget } from './measure-load';
import { nextVersion, type Platform, startPlatform } from './platform';
import { findFirstCasePath, signInAs } from './sign-in';
import { mostCommon, percentile } from './stats';
import { appendRun, formatRun, type PageResult } from './write-results';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'demo-size': { type: 'string', default: '500' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const demoSize = Number(args['demo-size']);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got "${args.runs}"`);
if (!Number.isInteger(demoSize) || demoSize < 1) throw new Error(`--demo-size must be a positive integer, got "${args['demo-size']}"`);

const benchmarksFile = path.resolve(import.meta.dirname, '..', 'BENCHMARKS.md');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-bench-'));
const loadBefore = os.loadavg();
let platform: Platform | undefined;
let closeBrowser = async () => {};
const cleanUp = async () => {
  await closeBrowser();
  await platform?.stop();
  fs.rmSync(home, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  const started = Date.now();
  platform = await startPlatform({ home, demoSize, timeoutMs: 20 * 60_000 });
  console.log(`Platform up with ${demoSize} demo images in ${((Date.now() - started) / 1000).toFixed(0)} s: ${platform.webUrl}`);
  await seedChampion(home);

  const browser = await launchBrowser();
  closeBrowser = () => browser.close();
  const baseURL = platform.webUrl;
  const manager = await signInAs(browser, baseURL, 'manager@dermino.local', DEMO_PASSWORD);
  const clinician = await signInAs(browser, baseURL, 'clinician@dermino.local', DEMO_PASSWORD);
  const casePath = await findFirstCasePath(browser, baseURL, clinician);
  const reference: PageTarget = { name: 'login (reference)', path: '/login', readySelector: 'form' };
  const targets: PageTarget[] = [
    { name: 'overview (manager)', path: '/overview', storageState: manager, readySelector: '[data-testid=champion-name]' },
    { name: 'bias (manager)', path: '/bias', storageState: manager, readySelector: '[data-testid=bias-meta]' },
    { name: 'cases (clinician)', path: '/cases', storageState: clinician, readySelector: '[data-testid=case-card]' },
    { name: 'case detail (clinician)', path: casePath, storageState: clinician, readySelector: '[data-testid=case-image]' },
  ];
  const all = [reference, ...targets];
  // One discarded load each: the first request of a route pays for server-side module loading, not for the page.
  // A page that fails it (an API error, a redirect) is reported as not measured instead of ending the run.
  const failures = new Map<PageTarget, string>();
  for (const target of all) {
    await measureColdLoad(browser, baseURL, target).catch((error: Error) => {
      failures.set(target, error.message.split('\n')[0] ?? 'failed');
      console.error(`${target.path} not measured: ${error.message}`);
    });
  }
  const samples = new Map<PageTarget, LoadSample[]>(all.map((t) => [t, []]));
  // Round-robin, so a burst of load from other processes hits every page alike rather than one page's series.
  for (let run = 1; run <= runs; run++) {
    for (const target of all.filter((t) => !failures.has(t))) {
      const sample = await measureColdLoad(browser, baseURL, target);
      samples.get(target)?.push(sample);
      console.log(`run ${run}/${runs} ${target.path}: LCP ${sample.lcpMs.toFixed(0)} ms, TTFB ${sample.ttfbMs.toFixed(0)} ms, HTML ${sample.htmlDoneMs.toFixed(0)} ms, data ${sample.dataShownMs.toFixed(0)} ms, ${sample.bytes} B, ${sample.requests} requests`);
    }
  }
  const summarize = (target: PageTarget): PageResult => {
    const list = samples.get(target) ?? [];
    const shownPath = target === targets[3] ? '/cases/[id]' : target.path;
    const failure = failures.get(target);
    if (failure) return { name: target.name, path: shownPath, failure };
    return {
      name: target.name,
      path: shownPath,
      lcpP50: percentile(list.map((s) => s.lcpMs), 50),
      lcpP95: percentile(list.map((s) => s.lcpMs), 95),
      ttfbP50: percentile(list.map((s) => s.ttfbMs), 50),
      htmlDoneP50: percentile(list.map((s) => s.htmlDoneMs), 50),
      dataShownP50: percentile(list.map((s) => s.dataShownMs), 50),
      bytesP50: percentile(list.map((s) => s.bytes), 50),
      requestsP50: percentile(list.map((s) => s.requests), 50),
      lcpElement: mostCommon(list.map((s) => s.lcpElement)),
    };
  };
  const referenceResult = summarize(reference);
  if ('failure' in referenceResult) throw new Error(`the reference page failed: ${referenceResult.failure}`);
  const cpus = os.cpus();
  const section = formatRun(
    {
      date: new Date().toISOString(),
      runs,
      demoSize,
      machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, Chromium ${browser.version()}, Next ${nextVersion()} (production build)`,
      loadBefore,
      loadAfter: os.loadavg(),
      goalMs: 1500,
    },
    targets.map(summarize),
    referenceResult,
  );
  console.log(`\n${section}`);
  if (!args['dry-run']) appendRun(benchmarksFile, section);
} catch (error) {
  console.error(error);
  if (platform) console.error(`--- platform output (tail) ---\n${platform.output().slice(-4000)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

/** The champion with an evaluation and a drift report, as the worker's pipeline would leave them (it is not run). */
async function seedChampion(dataHome: string) {
  const server = readServerInfo(dataHome);
  if (!server) throw new Error(`No db-server.json in ${dataHome}: the embedded database is not running.`);
  const db = createDb({ url: `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres` });
  try {
    await seedManagerData(db);
  } finally {
    await db.$disconnect();
  }
}
