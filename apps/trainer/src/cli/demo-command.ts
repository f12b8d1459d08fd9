import { getDemoAnswerKey, scoreDemoDetectors } from '@dermino/ingest';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { withDatabase } from './with-database.js';

/** The demo registry's answer key, computed from its seed: never stored where a model or detector reads. */
export function demoAnswerKey(env: Env) {
  return withDatabase(env, (db) => getDemoAnswerKey(db));
}

export function registerDemoCommands(program: Command, env: () => Env): void {
  const demo = program.command('demo').description('The synthetic demo registry');
  demo
    .command('answer-key')
    .description(
      'What the generator planted in the demo registry: wrong labels, the device drift, near-duplicates, every true diagnosis',
    )
    .option('--json', 'print the key as JSON: {seed, wrongLabels, drift, nearDuplicates, truth}')
    .option('--score', 'score the latest drift report and data audit against the key instead (JSON)')
    .action(async (options: { json?: boolean; score?: boolean }) => {
      const { cohort, key } = await demoAnswerKey(env());
      if (options.score) {
        const scores = await withDatabase(env(), (db) => scoreDemoDetectors(db, key));
        process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
        return;
      }
      if (options.json) {
        process.stdout.write(`${JSON.stringify(key)}\n`);
        return;
      }
      const byId = new Map(cohort.images.map((image) => [image.id, image]));
      const lines = [
        `Demo answer key (seed ${key.seed}, ${cohort.images.length} images; image ids are the registry's source image ids)`,
      ];
      lines.push(
        `Drift: ${key.drift ? `${key.drift.site} changes its device from ${key.drift.month}` : 'none planted'}`,
      );
      lines.push(`Wrong labels (${key.wrongLabels.length}):`);
      for (const id of key.wrongLabels)
        lines.push(`  ${id}  labelled ${byId.get(id)!.label}, truly ${key.truth[id]}`);
      lines.push(`Near-duplicate pairs (${key.nearDuplicates.length}):`);
      for (const [original, copy] of key.nearDuplicates) lines.push(`  ${original}  ${copy}`);
      lines.push('True diagnosis of every image:');
      for (const [id, diagnosis] of Object.entries(key.truth)) lines.push(`  ${id}  ${diagnosis}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
