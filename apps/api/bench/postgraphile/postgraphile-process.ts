// The PostGraphile v5 reference, in its own process (../start-child.ts, with ../with-resolvers-polyfill.mjs
// preloaded): `bench/postgraphile/postgraphile-process.ts <databaseUrl> [poolSize]`. Amber preset, default
// inflection, schema "public" (the Prisma tables), introspected at start. DEBUG=@dataplan/pg:PgExecutor in its environment logs the SQL it sends.
import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { serveParent } from '../child-ipc.js';

const databaseUrl = process.argv[2];
const poolSize = Number(process.argv[3] ?? 5);
if (!databaseUrl || !(poolSize >= 1))
  throw new Error('usage: postgraphile-process.ts <databaseUrl> [poolSize]');

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // PgIndexBehaviorsPlugin hides ordering by a column without an index: "Case"."createdAt" has none (see
  // BENCHMARKS.md), and the API's page is ordered by it. Without the plugin every column can order, as in v4.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  // The API's Prisma pool holds 5 connections (createDb); the same here by default.
  pgServices: [
    makePgService({ connectionString: databaseUrl, schemas: ['public'], poolConfig: { max: poolSize } }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
await serv.addTo(server, false);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as { port: number };
serveParent(
  `http://127.0.0.1:${port}/graphql`,
  async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pgl.release();
  },
  pg,
);
