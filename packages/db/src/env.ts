/** The environment a child process of packages/db (the Prisma CLI) inherits, plus what it must know. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
