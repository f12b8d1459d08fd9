import type { Confirmation, Modality, Sex, SkinType } from '@dermino/db';

/** A value mapped from a CSV field, or why it could not be. */
export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Mapped<T> => ({ ok: true, value });
const fail = <T>(reason: string): Mapped<T> => ({ ok: false, reason });

const SEXES: Record<string, Sex> = {
  male: 'MALE',
  m: 'MALE',
  female: 'FEMALE',
  f: 'FEMALE',
  other: 'OTHER',
  unknown: 'UNKNOWN',
  '': 'UNKNOWN',
  na: 'UNKNOWN',
  'n/a': 'UNKNOWN',
};

export function mapSex(raw: string): Mapped<Sex> {
  const sex = SEXES[raw.trim().toLowerCase()];
  return sex ? ok(sex) : fail(`unknown sex "${raw}" (expected male, female, other or unknown)`);
}

/** Decade bands ("40-49"): the registry keeps no exact ages. */
export function mapAgeBand(raw: string): Mapped<string | null> {
  const text = raw.trim();
  if (text === '' || /^(unknown|na|n\/a)$/i.test(text)) return ok(null);
  const age = Number(text);
  if (!Number.isFinite(age) || age < 0 || age > 120)
    return fail(`age "${raw}" is not a number from 0 to 120`);
  const low = Math.floor(age / 10) * 10;
  return ok(`${low}-${low + 9}`);
}

const ROMAN: SkinType[] = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** Fitzpatrick skin type from 1-6, I-VI or "type III"; -1 and blanks are unknown. */
export function mapSkinType(raw: string): Mapped<SkinType> {
  const text = raw
    .trim()
    .toUpperCase()
    .replace(/^(TYPE|FST)\s*/, '');
  if (text === '' || text === '-1' || text === 'UNKNOWN' || text === 'NA') return ok('UNKNOWN');
  const roman = ROMAN.indexOf(text as SkinType);
  if (roman >= 0) return ok(ROMAN[roman]);
  const number = Number(text);
  if (Number.isInteger(number) && number >= 1 && number <= 6) return ok(ROMAN[number - 1]);
  return fail(`unknown Fitzpatrick skin type "${raw}" (expected 1-6, I-VI or -1)`);
}

export function mapSite(raw: string): string {
  const site = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  return site === '' ? 'unknown' : site;
}

/** Ids become file names and keys: letters, digits, dot, dash and underscore only, so none escapes a folder. */
export function mapId(raw: string, field: string): Mapped<string> {
  const id = raw.trim();
  if (id === '') return fail(`${field} is empty`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(id))
    return fail(`${field} "${raw}" has characters other than A-Z a-z 0-9 . _ -`);
  return ok(id);
}

const CONFIRMATIONS: Record<string, Confirmation> = {
  histo: 'HISTOPATHOLOGY',
  histopathology: 'HISTOPATHOLOGY',
  consensus: 'CONSENSUS',
  'single image expert consensus': 'CONSENSUS',
  follow_up: 'FOLLOW_UP',
  'follow-up': 'FOLLOW_UP',
  'serial imaging showing no change': 'FOLLOW_UP',
  confocal: 'CONFOCAL',
  'confocal microscopy with consensus dermoscopy': 'CONFOCAL',
  single_reader: 'SINGLE_READER',
  'single reader': 'SINGLE_READER',
  model: 'MODEL',
};

export function mapConfirmation(raw: string, fallback: Confirmation): Mapped<Confirmation> {
  const text = raw.trim().toLowerCase();
  if (text === '') return ok(fallback);
  const upper = text.toUpperCase();
  if ((Object.values(CONFIRMATIONS) as string[]).includes(upper)) return ok(upper as Confirmation);
  const confirmation = CONFIRMATIONS[text];
  return confirmation ? ok(confirmation) : fail(`unknown confirmation type "${raw}"`);
}

export function mapModality(raw: string, fallback: Modality): Mapped<Modality> {
  const text = raw.trim().toLowerCase();
  if (text === '') return ok(fallback);
  if (text.startsWith('dermoscop')) return ok('DERMOSCOPIC');
  if (text.startsWith('clinical') || text.startsWith('tbp') || text === 'photo') return ok('CLINICAL');
  return fail(`unknown image type "${raw}" (expected dermoscopic or clinical)`);
}

export function mapDate(raw: string): Mapped<Date | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  const date = new Date(text);
  return Number.isNaN(date.getTime())
    ? fail(`"${raw}" is not a date (use ISO 8601, e.g. 2024-03-01)`)
    : ok(date);
}
