import type { Confirmation, ImageStatus, Modality, Sex, SkinType } from '@dermino/db';
import type { RawInfo } from '../intake/perceptual-hash.js';

export type ImportKind = 'ham10000' | 'isic' | 'fitzpatrick17k' | 'csv';

/** Where an image's pixels come from. */
export type PixelSource =
  | { kind: 'file'; path: string }
  | { kind: 'pixels'; pixels: Buffer; info: RawInfo }
  /** Registered now, file later (a URL or nothing). */
  | { kind: 'none' };

export interface RowProblem {
  row: number;
  field: string | null;
  reason: string;
}

/** One CSV row mapped onto the registry, before intake. */
export interface MappedRow {
  row: number;
  patient: { pseudonym: string; sex: Sex; ageBand: string | null; skinType: SkinType };
  case: { externalId: string; site: string };
  image: {
    sourceImageId: string;
    modality: Modality;
    device: string | null;
    capturedAt: Date | null;
    remoteUrl: string | null;
    status: ImageStatus;
  };
  labels: { conceptCode: string; confirmation: Confirmation; annotator: string }[];
  pixels: PixelSource;
}

export type RowResult = { ok: true; row: MappedRow } | { ok: false; problem: RowProblem };

export interface SourceFile {
  role: string;
  path: string;
  sha256?: string;
  bytes?: number;
}

/** A source read and mapped in memory, ready for runImport. */
export interface PreparedImport {
  kind: ImportKind;
  /** The registry `source` of its patients, cases and images. */
  source: string;
  files: SourceFile[];
  rows: RowResult[];
  /** Extra facts for the summary (e.g. labels dropped by the source's own QC). */
  notes?: Record<string, number>;
  /** Fitzpatrick17k: a folder to complete pending images from, by source image id. */
  attachFrom?: ImageFolder;
}

export interface ImageFolder {
  path: string;
  /** File name (with extension) by base name. */
  files: Map<string, string>;
}
