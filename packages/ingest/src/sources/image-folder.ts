import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@dermino/db';
import type { ImageFolder, PixelSource } from './types.js';

/** Lists a folder once, so each row's lookup is a map read instead of a file-system call. */
export async function indexImageFolder(folder: string, label = '--images'): Promise<ImageFolder> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('BAD_INPUT', {
      message: `Cannot read ${label} folder ${folder}: ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (error as Error).message}.`,
      details: { argument: label },
    });
  }
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const base = entry.name.slice(0, entry.name.length - path.extname(entry.name).length);
    // Prefer the usual extensions when an id has several files.
    if (!files.has(base) || /\.jpe?g$/i.test(entry.name)) files.set(base, entry.name);
  }
  return { path: folder, files };
}

export function locateImage(folder: ImageFolder, id: string): PixelSource | null {
  const name = folder.files.get(id);
  return name ? { kind: 'file', path: path.join(folder.path, name) } : null;
}
