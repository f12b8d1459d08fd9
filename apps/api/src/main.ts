import { readFileSync } from 'node:fs';
import { loadEnv } from './env.js';
import { createLogger, wantsPrettyLogs } from './logger.js';

// loadEnv settles NODE_ENV, which graphql-js reads when it loads: the server's modules load after it.
const env = loadEnv();
const { startApi } = await import('./app.js');
const logger = createLogger({
  level: env.LOG_LEVEL,
  pretty: wantsPrettyLogs({
    format: env.LOG_FORMAT,
    nodeEnv: env.NODE_ENV,
    isTTY: Boolean(process.stdout.isTTY),
  }),
});
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

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
  },
}).catch((error: Error) => {
  logger.fatal({ err: error }, `The API could not start: ${error.message}`);
  process.exit(1);
});
logger.info({ url: api.url }, `DermINO API listening on ${api.url}/graphql`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    api.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
