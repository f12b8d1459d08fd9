import { type CaseRelations, IMAGE_COLUMNS, type ImageColumn } from '@dermino/db';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFieldsAt } from '../selects-field.js';

/** The columns each Image field reads (id is always read); a field not listed here reads every column. */
const IMAGE_FIELD_COLUMNS: Record<string, readonly ImageColumn[]> = {
  id: [],
  __typename: [],
  thumbnailUrl: [],
  url: [],
  width: ['width'],
  height: ['height'],
  modality: ['modality'],
  device: ['device'],
  source: ['source'],
  capturedAt: ['capturedAt'],
  quality: ['brightness', 'contrast', 'colorCast', 'blurVariance'],
};

function imageColumnsOf(fields: Set<string>): ImageColumn[] {
  const columns = new Set<ImageColumn>();
  for (const field of fields)
    for (const column of IMAGE_FIELD_COLUMNS[field] ?? IMAGE_COLUMNS) columns.add(column);
  return [...columns];
}

/**
 * The relations the query's Case selection at `path` reads, so the case SQL reads no others: `diagnosis` is
 * computed from the annotations; of the images, only the columns the selected Image fields need (the case's
 * images and its annotations' images together).
 */
export function caseRelationsAt(info: GraphQLResolveInfo, path: readonly string[]): CaseRelations {
  const fields = selectedFieldsAt(info, path);
  const imageFields = new Set([
    ...selectedFieldsAt(info, [...path, 'images']),
    ...selectedFieldsAt(info, [...path, 'annotations', 'image']),
  ]);
  return {
    images: fields.has('images'),
    annotations: fields.has('annotations') || fields.has('diagnosis'),
    imageColumns: imageColumnsOf(imageFields),
  };
}
