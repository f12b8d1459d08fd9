import { findModelVersions, getModelLineage, getModelVersionByAlias, type ModelVersionRecord, promoteModelVersion } from '@dermino/db';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { withDatabase } from './with-database.js';

function describe(model: ModelVersionRecord): string {
  const accuracy = (model.metrics as { valAccuracy?: number } | null)?.valAccuracy;
  const aliases = model.aliases.map((a) => a.alias).join(',');
  return [
    model.id,
    model.kind.padEnd(10),
    model.name.padEnd(32),
    model.createdAt.toISOString(),
    accuracy !== undefined && accuracy !== null ? `val acc ${accuracy.toFixed(3)}` : '',
    aliases ? `[${aliases}]` : '',
  ].join('  ').trimEnd();
}

export function registerModelsCommands(program: Command, env: () => Env): void {
  const models = program.command('models').description('List registered models, show their lineage, move aliases');
  models
    .command('list')
    .option('--kind <kind>', 'BACKBONE or CLASSIFIER')
    .option('--json', 'machine-readable output')
    .action(async (options: { kind?: string; json?: boolean }) => {
      const kind = options.kind?.toUpperCase();
      if (kind && kind !== 'BACKBONE' && kind !== 'CLASSIFIER') throw new Error(`--kind must be BACKBONE or CLASSIFIER, got ${options.kind}`);
      const rows = await withDatabase(env(), (db) => findModelVersions(db, { kind: kind as 'BACKBONE' | 'CLASSIFIER' | undefined }));
      console.log(options.json ? JSON.stringify(rows, null, 2) : rows.map(describe).join('\n') || 'No models.');
    });
  models
    .command('show <idOrAlias>')
    .description('A model with its lineage: dataset version, job, ancestors, evaluations, drift reports')
    .option('--json', 'machine-readable output')
    .action(async (idOrAlias: string, options: { json?: boolean }) => {
      const lineage = await withDatabase(env(), async (db) => {
        const id = /^[0-9a-f-]{36}$/i.test(idOrAlias) ? idOrAlias : (await getModelVersionByAlias(db, { alias: idOrAlias })).id;
        return getModelLineage(db, { id });
      });
      if (options.json) return console.log(JSON.stringify(lineage, null, 2));
      console.log(describe(lineage.model));
      for (const ancestor of lineage.ancestors) console.log(`  parent    ${describe(ancestor)}`);
      if (lineage.datasetVersion) console.log(`  data      ${lineage.datasetVersion.datasetName} v${lineage.datasetVersion.version} (${lineage.datasetVersion.id}, sha256 ${lineage.datasetVersion.contentHash.slice(0, 12)})`);
      if (lineage.job) console.log(`  job       ${lineage.job.id} ${lineage.job.kind} ${lineage.job.status}`);
      const source = lineage.model.provenance as { fileName?: string; format?: string; architecture?: string; sha256?: string } | null;
      if (source?.fileName) console.log(`  imported  ${source.fileName} (${source.format}) ${source.architecture}, sha256 ${source.sha256?.slice(0, 12)}`);
      const licence = [lineage.model, ...lineage.ancestors].find((m) => m.licence)?.licence;
      if (licence) console.log(`  licence   ${licence}`);
      for (const artifact of lineage.model.artifacts) console.log(`  artifact  ${artifact.kind.padEnd(20)} ${artifact.storageKey}  sha256 ${artifact.sha256.slice(0, 12)}  ${artifact.bytes} B`);
      for (const evaluation of lineage.evaluations) console.log(`  evaluated ${evaluation.id} on ${evaluation.split} of ${evaluation.datasetVersionId}`);
      for (const report of lineage.driftReports) console.log(`  drift     ${report.id} (${report.createdAt.toISOString()})`);
    });
  models
    .command('promote <id>')
    .description('Point an alias (champion, challenger) at a model; the move is recorded in the audit log')
    .requiredOption('--alias <alias>', 'alias to move, e.g. champion')
    .option('--by <who>', 'who moves it (recorded)')
    .option('--json', 'machine-readable output')
    .action(async (id: string, options: { alias: string; by?: string; json?: boolean }) => {
      const model = await withDatabase(env(), (db) => promoteModelVersion(db, { id, alias: options.alias, updatedBy: options.by ?? null }));
      console.log(options.json ? JSON.stringify(model, null, 2) : `${options.alias} -> ${model.id} (${model.name})`);
    });
}
