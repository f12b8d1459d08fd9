import path from 'node:path';
import { z } from 'zod';

// npm runs workspace scripts inside the workspace folder; INIT_CWD is where the user typed the command.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();

const schema = z.object({
  // An empty value counts as unset, as in most shells' `VAR= command`.
  DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  DERMINO_HOME: z.string().default('.dermino'),
  DERMINO_DB_PORT: z.coerce.number().int().min(0).max(65535).default(54329),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DERMINO_DEMO_SIZE: z.coerce.number().int().min(0).max(100_000).default(2000),
  /** Steps of the demo's background continuation of pretraining; unset: the demo's default (3,000), 0: none. */
  DERMINO_DEMO_CONTINUE_STEPS: z.coerce.number().int().min(0).max(100_000).optional(),
  DERMINO_BACKEND: z.enum(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']).optional(),
  /** Read (never set) to find the Vulkan loader before asking Dawn for a GPU (backend/webgpu-adapter.ts). */
  LD_LIBRARY_PATH: z.string().optional(),
  /** Data-parallel pretraining replicas (worker threads) on single-threaded backends; unset: one per core. */
  DERMINO_TRAIN_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  /** Which services `dermino start` runs, comma-separated. */
  DERMINO_SERVICES: z
    .string()
    .default('api,web,worker')
    .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['api', 'web', 'worker']))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  /** Unset: pretty on a terminal outside production, JSON lines otherwise (no colour codes in files). */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof schema> & { home: string };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      console.error(`Configuration error: ${issue.path.join('.')}: ${issue.message}`);
    }
    process.exit(2);
  }
  return { ...parsed.data, home: path.resolve(invokedFrom, parsed.data.DERMINO_HOME) };
}

/**
 * Mesa's EGL without a display server (Dawn's OpenGL ES adapter on a headless machine) needs EGL_PLATFORM=surfaceless;
 * the native library reads it with getenv, so it is set in this process, unless the user set it.
 */
export function useHeadlessEgl(): void {
  process.env.EGL_PLATFORM ||= 'surfaceless';
}

/** The environment handed to child processes (API, web, worker). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
