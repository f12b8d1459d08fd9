/** The command line of `npm run bench:cases -w @dermino/api -- [options]` (bench/cases.ts). */
export interface CasesArgs {
  json: boolean;
  databases: ('pglite' | 'postgres')[];
  clients: number[];
  /** API (and PostGraphile) processes; more than 1 only on PostgreSQL. */
  processes: number[];
  seconds: number;
}

export const CASES_USAGE =
  'usage: bench:cases [--json] [--database pglite|postgres|both] [--clients 16,64] [--processes 1,2] [--seconds 15]';

function positiveList(option: string, value: string, max: number): number[] {
  const items = value.split(',');
  const numbers = items.map(Number);
  const bad = items.find((item, i) => !/^\d+$/.test(item.trim()) || numbers[i] < 1 || numbers[i] > max);
  if (bad !== undefined)
    throw new Error(`${option} takes whole numbers from 1 to ${max}, comma-separated: not '${bad}'`);
  return [...new Set(numbers)];
}

/** Parses the options after `--`; throws one line naming the offending argument. */
export function parseCasesArgs(argv: string[]): CasesArgs {
  const args: CasesArgs = {
    json: false,
    databases: ['pglite', 'postgres'],
    clients: [16, 64],
    processes: [1, 2],
    seconds: 15,
  };
  let processesGiven = false;
  for (let i = 0; i < argv.length; i += 1) {
    const option = argv[i];
    if (option === '--json') {
      args.json = true;
      continue;
    }
    if (!['--database', '--clients', '--processes', '--seconds'].includes(option))
      throw new Error(`unknown argument '${option}'; ${CASES_USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new Error(`${option} needs a value; ${CASES_USAGE}`);
    i += 1;
    if (option === '--database') {
      if (value === 'both') args.databases = ['pglite', 'postgres'];
      else if (value === 'pglite' || value === 'postgres') args.databases = [value];
      else throw new Error(`--database takes pglite, postgres or both: not '${value}'`);
    } else if (option === '--clients') args.clients = positiveList(option, value, 1000);
    else if (option === '--processes') {
      args.processes = positiveList(option, value, 16);
      processesGiven = true;
    } else {
      const seconds = Number(value);
      if (!(seconds >= 3 && seconds <= 600))
        throw new Error(`--seconds takes a number of seconds from 3 to 600: not '${value}'`);
      args.seconds = seconds;
    }
  }
  if (processesGiven && !args.databases.includes('postgres') && args.processes.some((n) => n > 1))
    throw new Error(
      '--processes above 1 needs --database postgres or both: the embedded database serves one session',
    );
  return args;
}
