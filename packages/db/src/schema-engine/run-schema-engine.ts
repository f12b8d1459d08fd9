// Entry point of packages/db/bin/schema-engine.mjs: a stand-in for Prisma's native schema-engine binary.
import type { Readable, Writable } from 'node:stream';
import { canConnectToDatabase, createDatabase, dropDatabase } from './database-commands.js';
import { formatLogRecord, toEngineError } from './engine-errors.js';
import { loadSchemaEngineModule } from './load-wasm-engine.js';
import { EngineArgsError, parseEngineArgs } from './parse-engine-args.js';
import { serveJsonRpc } from './rpc-server.js';

export interface EngineIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const usage = `schema-engine (DermINO, on @prisma/schema-engine-wasm)
  --version
  --datasource '{"url":"postgresql://..."}' cli can-connect-to-database|create-database|drop-database
  --datamodels <schema.prisma...> --datasource '{"url":"...","shadowDatabaseUrl":"..."}'   (JSON-RPC on stdio)`;

/** Runs one invocation and returns the process exit code. */
export async function runSchemaEngine(argv: string[], io: EngineIo): Promise<number> {
  let invocation: ReturnType<typeof parseEngineArgs>;
  try {
    invocation = parseEngineArgs(argv);
  } catch (error) {
    if (!(error instanceof EngineArgsError)) throw error;
    io.stderr.write(`schema-engine: ${error.message}\n${usage}\n`);
    return 2;
  }
  switch (invocation.kind) {
    case 'help':
      io.stdout.write(`${usage}\n`);
      return 0;
    case 'version':
      io.stdout.write(`schema-engine-cli ${(await loadSchemaEngineModule()).version()}\n`);
      return 0;
    case 'cli': {
      const { command, datasource } = invocation;
      try {
        if (command === 'can-connect-to-database') await canConnectToDatabase(datasource.url);
        if (command === 'create-database') await createDatabase(datasource.url);
        if (command === 'drop-database') await dropDatabase(datasource.url);
        return 0;
      } catch (error) {
        // The CLI skips the first stderr line, then parses every further line as a JSON log record.
        io.stderr.write(`schema-engine: ${command} failed\n`);
        io.stderr.write(formatLogRecord('ERROR', toEngineError(error, datasource.url)));
        return 1;
      }
    }
    case 'rpc': {
      const datasource = invocation.datasource ?? { url: 'postgresql://missing-datasource/' };
      if (!invocation.datasource) {
        io.stderr.write(
          `${formatLogRecord('WARN', { message: 'no --datasource given: database methods will fail' })}\n`,
        );
      }
      await serveJsonRpc({
        datamodelPaths: invocation.datamodelPaths,
        datasource,
        input: io.stdin,
        output: io.stdout,
        log: (line) => io.stderr.write(`${line}\n`),
      });
      return 0;
    }
  }
}
