import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createDb, DEMO_PASSWORD, ensureDatabase, getMeta } from '@dermino/db';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, graphql, login, startPlatformProcess } from './platform.js';
import { tempDir } from './support.js';

const homes: string[] = [];
afterAll(() => {
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

async function ports() {
  return {
    API_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
    DERMINO_DB_PORT: String(await freePort()),
  };
}

describe('dermino start (npm start)', () => {
  it('serves the API and the dashboard on a fresh data folder, refuses a second start, and stops cleanly', async () => {
    const home = tempDir('dermino-start-');
    homes.push(home);
    const env = { DERMINO_HOME: home, DERMINO_DEMO_SIZE: '30', ...(await ports()) };
    const platform = startPlatformProcess(env);
    await platform.waitFor(/DermINO is running/, 600_000);

    const token = await login(Number(env.API_PORT), 'clinician@dermino.local', DEMO_PASSWORD);
    const cases = await graphql(
      Number(env.API_PORT),
      '{ cases(first: 5) { totalCount edges { node { id images { id } } } } }',
      {},
      token,
    );
    expect(cases.errors).toBeUndefined();
    expect(cases.data.cases.totalCount).toBeGreaterThan(5);
    expect(cases.data.cases.edges).toHaveLength(5);
    const page = await fetch(`http://127.0.0.1:${env.WEB_PORT}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<form/i);

    const second = startPlatformProcess({ ...env, ...(await ports()) });
    expect(await second.exited(), second.output()).toBe(1);
    expect(second.output()).toMatch(/already running from/);

    platform.ctrlC();
    expect(await platform.exited(), platform.output()).toBe(0);
    expect(fs.existsSync(path.join(home, 'db-server.json'))).toBe(false);
    expect(fs.existsSync(path.join(home, 'platform.lock'))).toBe(false);
  });

  it('completes an interrupted seed on the next start, with no duplicate rows', async () => {
    const home = tempDir('dermino-seed-');
    homes.push(home);
    const env = { DERMINO_HOME: home, DERMINO_DEMO_SIZE: '400', DERMINO_SERVICES: 'api', ...(await ports()) };
    const first = startPlatformProcess(env);
    // Some images stored, not all: the progress line prints every few seconds and at the end (400/400).
    await first.waitFor(/Seeding demo registry .*\b([1-9]\d?|[1-3]\d\d)\/400/, 300_000);
    first.ctrlC();
    expect(await first.exited(), first.output()).toBe(0);
    expect(first.output()).not.toMatch(/DermINO is running/);

    const interrupted = await countImages(home);
    expect(interrupted.seed).toMatchObject({ status: 'running' });
    expect(interrupted.images).toBeLessThan(400);

    const again = startPlatformProcess(env);
    await again.waitFor(/DermINO is running/, 300_000);
    again.ctrlC();
    expect(await again.exited(), again.output()).toBe(0);
    const completed = await countImages(home);
    expect(completed.seed).toMatchObject({ status: 'complete', size: 400 });
    expect(completed.images).toBe(400);
    expect(completed.distinctSourceIds).toBe(400);
  });
});

describe('Ctrl-C at each moment of a first start', () => {
  // Each stage once per run: the database start, the API start, the seed, and the queueing of the demo jobs after
  // it (pg-boss's 'error' event on the stopped database once crashed the process: exit 1 under load).
  const stages: [string, RegExp][] = [
    ['the database start', /Embedded database/],
    ['the API start', /API ready/],
    ['the seed', /Seeding demo registry .*\b0\/60/],
    ['the demo jobs after the seed', /Demo registry: 60 images/],
  ];
  it.each(stages)(
    'during %s: exits 0, stops every child, leaves the data folder reusable',
    async (_stage, pattern) => {
      const home = tempDir('dermino-ctrlc-');
      homes.push(home);
      const env = {
        DERMINO_HOME: home,
        DERMINO_DEMO_SIZE: '60',
        DERMINO_SERVICES: 'api',
        ...(await ports()),
      };
      const platform = startPlatformProcess(env);
      await platform.waitFor(pattern, 300_000);
      platform.ctrlC();
      expect(await platform.exited(), platform.output()).toBe(0);
      expect(platform.output()).not.toMatch(/exited unexpectedly|could not start|Error/);
      expect(fs.existsSync(path.join(home, 'platform.lock'))).toBe(false);
      // The embedded database went with it: its port is free and its info file removed (also when Ctrl-C came while
      // it was starting: it then leaves by itself).
      await expect
        .poll(() => fs.existsSync(path.join(home, 'db-server.json')), { timeout: 15_000 })
        .toBe(false);
      await expect.poll(() => canConnect(Number(env.DERMINO_DB_PORT)), { timeout: 15_000 }).toBe(false);
    },
  );
});

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function countImages(home: string) {
  const handle = await ensureDatabase({ home });
  const db = createDb({ url: handle.url });
  try {
    const images = await db.image.count();
    const distinct = await db.image.groupBy({ by: ['sourceImageId'] });
    return { images, distinctSourceIds: distinct.length, seed: await getMeta(db, 'demo-seed') };
  } finally {
    await db.$disconnect();
    await handle.close();
  }
}
