import cluster from 'node:cluster';
import { existsSync, readFileSync } from 'node:fs';
import { loadEnv } from './env.js';
import { createLogger, wantsPrettyLogs } from './logger.js';
import { readPersistedManifest } from './persisted/persisted-manifest.js';

// loadEnv settles NODE_ENV, which graphql-js reads when it loads: the server's modules load after it.
const env = loadEnv();
const logger = createLogger({
  level: env.LOG_LEVEL,
  pretty: wantsPrettyLogs({
    format: env.LOG_FORMAT,
    nodeEnv: env.NODE_ENV,
    isTTY: Boolean(process.stdout.isTTY),
  }),
});
if (env.API_PROCESSES > 1 && cluster.isPrimary) {
  const { apiProcessesRefusal, runApiPrimary } = await import('./api-processes.js');
  const refusal = apiProcessesRefusal(env.API_PROCESSES, env.DATABASE_URL, env.DERMINO_HOME);
  if (refusal) {
    console.error(`The API cannot start: ${refusal}`);
    process.exit(1);
  }
  runApiPrimary(env.API_PROCESSES, logger);
} else await serve();

/** One API process: the only one, or a worker of API_PROCESSES > 1 (sharing the port). */
async function serve() {
  const { startApi } = await import('./app.js');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };

  const persisted = loadPersistedOperations();
  const api = await startApi({
    databaseUrl: env.DATABASE_URL,
    port: env.API_PORT,
    host: env.API_HOST,
    logger,
    config: {
      sessionSecret: env.DERMINO_SESSION_SECRET,
      home: env.DERMINO_HOME,
      nodeEnv: env.NODE_ENV,
      version,
      allowedOrigins: env.DERMINO_ALLOWED_ORIGINS,
      labelling: {
        secondReadShare: env.LABELLING_SECOND_READ_SHARE,
        retrainEvery: env.LABELLING_RETRAIN_EVERY,
      },
      persisted,
    },
  }).catch((error: Error) => {
    logger.fatal({ err: error }, `The API could not start: ${error.message}`);
    process.exit(1);
  });
  logger.info({ url: api.url }, `DermINO API listening on ${api.url}/graphql`);

  let closing = false; // a worker of a cluster may get both the terminal's SIGINT and its primary's SIGTERM
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      logger.info({ signal }, 'shutting down');
      api.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** The web's manifest; a missing file is only fatal when API_PERSISTED_ONLY=1 needs it. */
function loadPersistedOperations() {
  const only = env.API_PERSISTED_ONLY;
  if (!only && !existsSync(env.API_PERSISTED_MANIFEST)) {
    logger.warn(
      `No persisted operations manifest at ${env.API_PERSISTED_MANIFEST}: operations go by text or APQ`,
    );
    return { manifest: new Map<string, string>(), only };
  }
  try {
    return { manifest: readPersistedManifest(env.API_PERSISTED_MANIFEST), only };
  } catch (error) {
    console.error(`The API cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
