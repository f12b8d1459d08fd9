// The command line the Prisma CLI gives its schema-engine binary (see README.md, "Protocol").
import type { EngineDatasource } from './pg-adapter-factory.js';

export type CliCommand = 'can-connect-to-database' | 'create-database' | 'drop-database';
const cliCommands: CliCommand[] = ['can-connect-to-database', 'create-database', 'drop-database'];

export type EngineInvocation =
  | { kind: 'version' }
  | { kind: 'help' }
  | { kind: 'cli'; command: CliCommand; datasource: EngineDatasource }
  | { kind: 'rpc'; datamodelPaths: string[]; datasource?: EngineDatasource };

export class EngineArgsError extends Error {}

function parseDatasource(json: string): EngineDatasource {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new EngineArgsError('--datasource must be JSON like {"url":"postgresql://..."}');
  }
  const { url, shadowDatabaseUrl } = (value ?? {}) as Record<string, unknown>;
  if (typeof url !== 'string' || url === '')
    throw new EngineArgsError('--datasource JSON needs a "url" string');
  if (
    shadowDatabaseUrl !== undefined &&
    shadowDatabaseUrl !== null &&
    typeof shadowDatabaseUrl !== 'string'
  ) {
    throw new EngineArgsError('--datasource "shadowDatabaseUrl" must be a string');
  }
  return shadowDatabaseUrl ? { url, shadowDatabaseUrl } : { url };
}

export function parseEngineArgs(argv: string[]): EngineInvocation {
  const datamodelPaths: string[] = [];
  let datasource: EngineDatasource | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new EngineArgsError(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--version':
      case '-V':
        return { kind: 'version' };
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--datamodels':
      case '--datamodel':
      case '-d':
        datamodelPaths.push(value());
        // The flag may also be followed by several paths.
        while (argv[index + 1] !== undefined && !argv[index + 1].startsWith('-'))
          datamodelPaths.push(argv[++index]);
        break;
      case '--datasource':
        datasource = parseDatasource(value());
        break;
      case '--enabled-preview-features':
      case '--extension-types':
        value(); // read from the schema files by the engine itself
        break;
      case 'cli': {
        const command = argv[index + 1] as CliCommand;
        if (!cliCommands.includes(command)) {
          throw new EngineArgsError(
            `cli needs one of ${cliCommands.join(', ')} (got ${argv[index + 1] ?? 'nothing'})`,
          );
        }
        if (!datasource)
          throw new EngineArgsError(`cli ${command} needs --datasource '{"url":"..."}' before it`);
        return { kind: 'cli', command, datasource };
      }
      default:
        throw new EngineArgsError(`unknown argument ${arg}`);
    }
  }
  return { kind: 'rpc', datamodelPaths, datasource };
}
