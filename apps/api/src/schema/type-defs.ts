import fs from 'node:fs';
import { concatAST, type DocumentNode, parse } from 'graphql';

// base first: it defines Query and the shared types the other modules extend.
export const SCHEMA_MODULES = [
  'base',
  'auth',
  'concepts',
  'cases',
  'datasets',
  'registry',
  'inference',
  'similar',
  'comparison',
  'projection',
  'quality',
  'labelling',
  'answer-key',
  'drift-alarms',
] as const;

/** The SDL of every module, read from src/schema/<module>/schema.graphql (no build step). */
export function loadTypeDefs(): DocumentNode {
  return concatAST(
    SCHEMA_MODULES.map((module) => {
      const file = new URL(`./${module}/schema.graphql`, import.meta.url);
      return parse(fs.readFileSync(file, 'utf8'), { noLocation: false });
    }),
  );
}
