import { type ChildServer, startChildServer } from './start-child.js';

/** The servers of one configuration of the cases benchmark: the API, PostGraphile and (1 process) the reference. */
export interface CasesServers {
  api: ChildServer;
  postGraphile: ChildServer;
  reference?: ChildServer;
  close(): Promise<void>;
}

/**
 * Starts the API and PostGraphile, each as `processes` node:cluster workers sharing a port (cluster-process.ts)
 * when `processes` > 1, and the one-statement reference (a single process, so only when `processes` is 1).
 */
export async function startCasesServers(options: {
  databaseUrl: string;
  embedded: boolean;
  home: string;
  sessionSecret: string;
  processes: number;
}): Promise<CasesServers> {
  const { databaseUrl, processes } = options;
  const clustered = (file: string, args: string[]): [string, string[]] =>
    processes > 1 ? ['cluster-process.ts', [String(processes), file, ...args]] : [file, args];
  // The embedded server serves every connection from ONE PGlite session, so the named prepared statements
  // PostGraphile makes per connection collide ("prepared statement ... already exists"): off there. On
  // PostgreSQL they stay on, PostGraphile's default.
  const postGraphileEnv = options.embedded
    ? { ...process.env, DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE: '0' }
    : process.env;
  const started = await Promise.allSettled([
    startChildServer(...clustered('api-process.ts', [databaseUrl, options.home, options.sessionSecret])),
    startChildServer(...clustered('postgraphile/postgraphile-process.ts', [databaseUrl, '5']), {
      preload: ['with-resolvers-polyfill.mjs'],
      env: postGraphileEnv,
    }),
    ...(processes === 1 ? [startChildServer('reference-process.ts', [databaseUrl])] : []),
  ]);
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const close = async () => void (await Promise.all(servers.map((server) => server.close())));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  const [api, postGraphile, reference] = servers;
  return { api, postGraphile, reference, close };
}
