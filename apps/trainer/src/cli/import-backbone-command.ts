import path from 'node:path';
import { promoteModelVersion } from '@dermino/db';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { importBackbone } from '../import-backbone/import-backbone.js';
import { registerImportedBackbone } from '../import-backbone/register-import.js';
import { withDatabase } from './with-database.js';

interface ImportBackboneFlags {
  weights: string;
  out: string;
  format: string;
  name?: string;
  imageSize: string;
  heads?: string;
  licence?: string;
  alias?: string;
  student?: boolean;
  register: boolean;
  json?: boolean;
}

const FORMATS = ['auto', 'dinov2', 'timm', 'hf'] as const;

const positive = (value: string | undefined, flag: string) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be a positive integer, got "${value}"`);
  return n;
};

/** Checks the flags before any file is read, naming the one that is wrong. */
export function parseImportFlags(flags: ImportBackboneFlags) {
  if (!(FORMATS as readonly string[]).includes(flags.format))
    throw new Error(`--format must be one of ${FORMATS.join(', ')}, got "${flags.format}"`);
  const name = flags.name ?? path.basename(flags.weights).replace(/\.(pth|pt|bin|safetensors)$/i, '');
  if (!name || name.length > 100) throw new Error(`--name must be 1 to 100 characters, got "${name}"`);
  const licence = flags.licence?.trim() || null;
  if (licence && licence.length > 200) throw new Error('--licence must be at most 200 characters');
  if (flags.alias !== undefined && !/^[a-z][a-z0-9-]{0,39}$/.test(flags.alias))
    throw new Error(`--alias must be lower-case letters, digits and dashes, got "${flags.alias}"`);
  if (flags.alias !== undefined && !flags.register)
    throw new Error('--alias needs the registry; leave out --no-register');
  return {
    format: flags.format as (typeof FORMATS)[number],
    name,
    imageSize: positive(flags.imageSize, 'image-size')!,
    heads: positive(flags.heads, 'heads'),
    licence,
    alias: flags.alias,
  };
}

export function registerImportBackboneCommand(program: Command, env: () => Env): void {
  program
    .command('import-backbone')
    .description(
      'Import released ViT weights (DermINO, DINOv2, timm, Hugging Face; .pth or .safetensors) as a registered, ONNX-served backbone',
    )
    .requiredOption(
      '--weights <file>',
      'the .pth / .safetensors file (a config.json beside it gives the heads)',
    )
    .requiredOption('--out <dir>', 'folder for backbone.weights, backbone.onnx and import.json')
    .option('--format <format>', `key layout: ${FORMATS.join(', ')}`, 'auto')
    .option('--name <name>', 'name of the registered backbone (default: the file name)')
    .option('--image-size <px>', 'serving size; position embeddings are interpolated to it', '224')
    .option(
      '--heads <n>',
      'attention heads (default: config.json beside the file, else 384->6, 768->12, 1024->16, 1536->24)',
    )
    .option(
      '--licence <text>',
      'licence of the weights, shown on the dashboard (e.g. CC-BY-NC-ND-4.0, Apache-2.0)',
    )
    .option(
      '--alias <alias>',
      'also give the registered backbone this alias (e.g. dermino-base), for --backbone and --from',
    )
    .option('--student', 'take the student of a DINOv2 training checkpoint (default: the teacher)')
    .option('--no-register', 'write the files only; do not touch the database')
    .option('--json', 'machine-readable output')
    .action(async (flags: ImportBackboneFlags) => {
      const parsed = parseImportFlags(flags);
      const imported = await importBackbone({
        weightsPath: flags.weights,
        outDir: flags.out,
        format: parsed.format,
        imageSize: parsed.imageSize,
        heads: parsed.heads,
        student: flags.student,
      });
      const { provenance, files, seconds } = imported;
      const model = flags.register
        ? await withDatabase(env(), async (db) => {
            const registered = await registerImportedBackbone(db, env().home, imported, parsed);
            if (parsed.alias)
              await promoteModelVersion(db, {
                id: registered.id,
                alias: parsed.alias,
                updatedBy: 'import-backbone',
              });
            return registered;
          })
        : null;
      if (flags.json) {
        console.log(
          JSON.stringify(
            {
              modelId: model?.id ?? null,
              name: parsed.name,
              licence: parsed.licence,
              config: imported.config,
              provenance,
              files,
              seconds,
            },
            null,
            2,
          ),
        );
        return;
      }
      const taken = provenance.taken ? `, the ${provenance.taken}` : '';
      console.log(
        `Imported ${provenance.architecture} from ${provenance.fileName} (${provenance.format}${taken}) in ${(seconds.read + seconds.export + seconds.check).toFixed(1)} s.`,
      );
      console.log(`Weights ${files.weights}\nONNX    ${files.onnx}\nDetails ${files.manifest}`);
      if (model)
        console.log(
          `Registered backbone ${model.id} (${model.name}${parsed.alias ? `, alias ${parsed.alias}` : ''}), licence ${parsed.licence ?? 'not given'}.`,
        );
      else console.log('Not registered (--no-register).');
      if (!parsed.licence)
        console.error(
          'warning: no --licence given; DermINO_Base is CC-BY-NC-ND-4.0 (non-commercial), DINOv2 Apache-2.0.',
        );
    });
}
