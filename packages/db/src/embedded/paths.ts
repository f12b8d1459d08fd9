import path from 'node:path';

/** Layout of a DermINO data folder (DERMINO_HOME, default ./.dermino). */
export function resolveHomePaths(home: string) {
  const root = path.resolve(home);
  return {
    root,
    pgdata: path.join(root, 'pgdata'),
    serverInfo: path.join(root, 'db-server.json'),
    serverLock: path.join(root, 'db-server.lock'),
    images: path.join(root, 'images'),
    models: path.join(root, 'models'),
    uploads: path.join(root, 'uploads'),
  };
}

export type HomePaths = ReturnType<typeof resolveHomePaths>;

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
}
