import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { createDb } from '@dermino/db';
import type { ApiConfig, Context } from './context.js';
import { createHttpServer } from './http/create-http-server.js';
import type { Logger } from './logger.js';
import { createServer } from './server.js';
import { createApiServices, type ServiceOptions } from './services.js';

export interface StartApiOptions {
  databaseUrl: string;
  config: ApiConfig;
  logger: Logger;
  port: number;
  host: string;
  /** Rate limits and upload size (defaults in services.ts). */
  services?: Omit<ServiceOptions, 'databaseUrl' | 'home'>;
}

export interface RunningApi {
  url: string;
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  close(): Promise<void>;
}

/** Everything main.ts does except reading the environment, so tests can run the real HTTP server. */
export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const db = createDb({ url: options.databaseUrl });
  const deps = {
    db,
    logger: options.logger,
    config: options.config,
    services: createApiServices(db, {
      ...options.services,
      databaseUrl: options.databaseUrl,
      home: options.config.home,
    }),
  };
  const apollo = createServer(deps);
  await apollo.start();
  const httpServer = createHttpServer(deps, apollo);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}`,
    apollo,
    httpServer,
    async close() {
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await apollo.stop();
      await deps.services.close();
      await db.$disconnect();
    },
  };
}
