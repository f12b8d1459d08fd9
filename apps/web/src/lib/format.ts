// Display labels for registry enums and values. Dates are shown in UTC so every reader sees the same timestamp.

const SKIN_TYPE_LABELS: Record<string, string> = {
  I: 'I',
  II: 'II',
  III: 'III',
  IV: 'IV',
  V: 'V',
  VI: 'VI',
  UNKNOWN: 'Unknown',
};

export function formatSkinType(skinType: string): string {
  const label = SKIN_TYPE_LABELS[skinType] ?? skinType;
  return skinType === 'UNKNOWN' ? label : `Fitzpatrick ${label}`;
}

export function formatEnum(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Sites and sources are free text from importers ("lower_extremity", "hospital-a"). */
export function formatLabel(value: string): string {
  return formatEnum(value.replace(/-/g, ' '));
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${dateTimeFormat.format(new Date(iso))} UTC` : '—';
}

export function formatNumber(value: number | null | undefined, fractionDigits = 2): string {
  return value === null || value === undefined ? '—' : value.toFixed(fractionDigits);
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : plural}`;
}
