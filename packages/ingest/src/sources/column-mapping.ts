import fs from 'node:fs/promises';
import { AppError } from '@dermino/db';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const columnName = z.string().min(1);

export const columnMappingSchema = z
  .object({
    /** The registry `source` of everything this mapping imports, e.g. "hospital-a". */
    source: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, . _ - (max 64)'),
    columns: z
      .object({
        imageId: columnName,
        file: columnName.optional(),
        patientId: columnName.optional(),
        lesionId: columnName.optional(),
        diagnosis: columnName.optional(),
        confirmation: columnName.optional(),
        annotator: columnName.optional(),
        site: columnName.optional(),
        sex: columnName.optional(),
        age: columnName.optional(),
        skinType: columnName.optional(),
        modality: columnName.optional(),
        device: columnName.optional(),
        capturedAt: columnName.optional(),
      })
      .strict(),
    /** Source diagnosis strings (lower-cased) onto concept codes; codes themselves are accepted as they are. */
    diagnoses: z.record(z.string(), z.string()).default({}),
    defaults: z
      .object({
        modality: z.enum(['DERMOSCOPIC', 'CLINICAL']).default('CLINICAL'),
        confirmation: z
          .enum(['HISTOPATHOLOGY', 'CONSENSUS', 'FOLLOW_UP', 'CONFOCAL', 'SINGLE_READER', 'MODEL'])
          .default('SINGLE_READER'),
        annotator: z.string().min(1).optional(),
      })
      .strict()
      .default({ modality: 'CLINICAL', confirmation: 'SINGLE_READER' }),
  })
  .strict();

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Reads a JSON or YAML mapping file; every problem is listed with its path in the file. */
export async function readColumnMapping(path: string): Promise<ColumnMapping> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('BAD_INPUT', {
      message: `Cannot read --mapping ${path}: ${(error as Error).message}`,
    });
  }
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new AppError('BAD_INPUT', {
      message: `--mapping ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message}`,
    });
  }
  const parsed = columnMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new AppError('BAD_INPUT', {
      message: `--mapping ${path} is invalid:\n  ${problems.join('\n  ')}`,
      details: { problems },
    });
  }
  return parsed.data;
}
