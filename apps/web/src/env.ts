import 'server-only';
import { z } from 'zod';

// The one place the web app reads process.env (house style); validated once, loudly.
const envSchema = z.object({
  DERMINO_API_URL: z
    .url({ message: 'DERMINO_API_URL must be an absolute http(s) URL, e.g. http://127.0.0.1:4000' })
    .default('http://127.0.0.1:4000')
    .transform((url) => url.replace(/\/+$/, '')),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type WebEnv = z.infer<typeof envSchema>;

function parseEnv(): WebEnv {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      console.error(`[web env] ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    throw new Error('Invalid web environment; see the messages above.');
  }
  return parsed.data;
}

export const env = parseEnv();
