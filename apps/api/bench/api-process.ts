// The real API (production settings) in its own process for the benchmark (start-child.ts), as the
// reference and PostGraphile run: `bench/api-process.ts <databaseUrl> <home> <sessionSecret>`.
import './production-mode.js';
import { startApi } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { serveParent } from './child-ipc.js';

const [databaseUrl, home, sessionSecret] = process.argv.slice(2);
if (!databaseUrl || !home || !sessionSecret)
  throw new Error('usage: api-process.ts <databaseUrl> <home> <sessionSecret>');
const api = await startApi({
  databaseUrl,
  port: 0,
  host: '127.0.0.1',
  logger: createLogger({ level: 'silent', pretty: false }),
  config: { sessionSecret, home, nodeEnv: 'production', version: 'bench' },
});
serveParent(`${api.url}/graphql`, () => api.close());
