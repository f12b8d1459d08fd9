import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb, type Db } from '@dermino/db';
import { startTestDatabase } from '@dermino/db/testing';
import { seedDemoRegistry } from '@dermino/ingest';
import { type Service, startApi, startService, startWebApp } from './services';

const run = promisify(execFile);
// The trainer is run, never imported (an app does not import another app), as services.ts runs the API.
const trainerDir = path.resolve(import.meta.dirname, '..', '..', '..', 'trainer');
const dermino = path.join(trainerDir, 'bin', 'dermino.mjs');

export interface ImportedBackboneStack {
  db: Db;
  home: string;
  /** The real `dermino` CLI in a child process on this stack's database and data folder; fails with its stderr. */
  dermino(args: string[]): Promise<string>;
  /** The dashboard's address once the API and `next start` answer (they start beside the trainer's work). */
  webUrl(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A platform of its own on a fresh embedded database, as `npm start` makes it: the synthetic demo registry (small),
 * a trainer worker (`dermino worker`), the API and the dashboard. The shared e2e database cannot stand in: its
 * champion and embeddings belong to other files.
 */
export async function startImportedBackboneStack(demoSize: number): Promise<ImportedBackboneStack> {
  const database = await startTestDatabase();
  const db = createDb({ url: database.url });
  const services: Service[] = [];
  let serving: Promise<string> | undefined;
  const stop = async () => {
    await serving?.catch(() => undefined);
    for (const service of services.reverse()) await service.stop();
    await db.$disconnect();
    await database.close();
  };
  try {
    await seedDemoRegistry({ db, imagesRoot: path.join(database.home, 'images'), size: demoSize });
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      DERMINO_HOME: database.home,
      LOG_LEVEL: 'warn',
    };
    const worker = startService('worker', process.execPath, [dermino, 'worker'], { cwd: trainerDir, env });
    services.push(worker);
    serving = (async () => {
      const api = await startApi(database.url, database.home);
      services.push(api);
      const web = await startWebApp(api.url);
      services.push(web);
      return web.url;
    })();
    // Awaited by webUrl(); a failure meanwhile must not count as unhandled.
    serving.catch(() => undefined);
    return {
      db,
      home: database.home,
      async dermino(args) {
        try {
          const options = { cwd: trainerDir, env, timeout: 300_000 };
          return (await run(process.execPath, [dermino, ...args], options)).stdout;
        } catch (error) {
          const failure = error as { stderr?: string; message: string };
          throw new Error(
            `dermino ${args.join(' ')} failed: ${failure.stderr || failure.message}\nworker: ${worker.output()}`,
          );
        }
      },
      webUrl: () => serving!,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
