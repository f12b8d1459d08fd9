import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'is required (postgresql://user:password@host:port/database)' })
    .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'must start with postgresql:// or postgres://'),
  DERMINO_HOME: z.string().min(1).default(path.resolve('.dermino')),
  DERMINO_SESSION_SECRET: z
    .string({ error: 'is required (at least 32 characters; the launcher generates one per data folder)' })
    .min(32, 'must be at least 32 characters'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  /** API processes sharing API_PORT (node:cluster); above 1 only with an external PostgreSQL in DATABASE_URL. */
  API_PROCESSES: z.coerce
    .number({ error: 'must be a whole number of processes from 1 to 64' })
    .int('must be a whole number of processes from 1 to 64')
    .min(1, 'must be a whole number of processes from 1 to 64')
    .max(64, 'must be a whole number of processes from 1 to 64')
    .default(1),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Browser origins allowed to call the API directly, comma-separated (e.g. https://dermino.example.org). */
  DERMINO_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'must list origins such as https://dermino.example.org' }))),
  /** Unset: pretty in development on a terminal, JSON lines otherwise (a file or a pipe gets no colour codes). */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** Share of confident first reads the labelling queue also sends to a second reader (every unsure read goes). */
  LABELLING_SECOND_READ_SHARE: z.coerce
    .number({ error: 'must be a number from 0 to 1 (the share of first reads that get a second reader)' })
    .min(0, 'must be a number from 0 to 1 (the share of first reads that get a second reader)')
    .max(1, 'must be a number from 0 to 1 (the share of first reads that get a second reader)')
    .default(0.1),
  /** Queue labels after which the platform queues a FINETUNE and an EVALUATE of the champion's head (0: never). */
  LABELLING_RETRAIN_EVERY: z.coerce
    .number({ error: 'must be a whole number of labels, 0 or more (0 turns the retraining loop off)' })
    .int('must be a whole number of labels, 0 or more (0 turns the retraining loop off)')
    .min(0, 'must be a whole number of labels, 0 or more (0 turns the retraining loop off)')
    .default(100),
  /** The web app's operations by hash (its codegen writes this file; src/persisted/ reads it at start). */
  API_PERSISTED_MANIFEST: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../web/src/gql/persisted-documents.json', import.meta.url))),
  /** 1: run only the manifest's operations (others get PERSISTED_QUERY_NOT_LISTED); 0: any operation. */
  API_PERSISTED_ONLY: z
    .enum(['0', '1'], { error: 'must be 1 (only the manifest operations) or 0 (any operation)' })
    .default('0')
    .transform((value) => value === '1'),
});

export type Env = z.infer<typeof envSchema>;

export type ParseEnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Every problem, one line each, naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): ParseEnvResult {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'} ${issue.message}`),
  };
}

/**
 * The one place that reads process.env: prints every problem and exits when the environment is wrong. It writes
 * back the resolved NODE_ENV (production unless set): graphql-js reads it when it loads and, unset, runs its
 * development checks on every request.
 */
export function loadEnv(): Env {
  const result = parseEnv(process.env);
  if (result.ok) {
    process.env.NODE_ENV = result.env.NODE_ENV;
    return result.env;
  }
  console.error(
    `The API cannot start; fix these environment variables:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
