// The drift job's per-window additions (apps/trainer/src/jobs/drift): CBPE beside the realised accuracy by skin
// type, and example images. Reports stored before these keys existed have neither; readers return empty values.
import type { DriftAlert, DriftWindow } from './drift-report';

export interface GroupPerformance {
  group: string;
  n: number;
  estimatedAccuracy: number | null;
  labelled: number;
  realisedAccuracy: number | null;
  belowMinimum: boolean;
}

export interface SkinTypePerformance {
  minGroupSize: number;
  overall: GroupPerformance;
  ddi: GroupPerformance[];
  types: GroupPerformance[];
}

export interface WindowExample {
  imageId: string;
  capturedOn: string;
  reason: string | null;
  /** The month the example belongs to. */
  window: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isGroup = (g: unknown): g is GroupPerformance =>
  isObject(g) && typeof g.group === 'string' && typeof g.n === 'number';

export function readSkinTypePerformance(window: DriftWindow): SkinTypePerformance | null {
  const value = (window as unknown as Record<string, unknown>).performanceBySkinType;
  if (!isObject(value) || !isGroup(value.overall)) return null;
  return {
    minGroupSize: typeof value.minGroupSize === 'number' ? value.minGroupSize : 30,
    overall: value.overall,
    ddi: Array.isArray(value.ddi) ? value.ddi.filter(isGroup) : [],
    types: Array.isArray(value.types) ? value.types.filter(isGroup) : [],
  };
}

export function readExamples(window: DriftWindow): { chosenBy: string | null; images: WindowExample[] } {
  const value = (window as unknown as Record<string, unknown>).examples;
  if (!isObject(value) || !Array.isArray(value.images)) return { chosenBy: null, images: [] };
  return {
    chosenBy: typeof value.chosenBy === 'string' ? value.chosenBy : null,
    images: value.images
      .filter((i): i is Record<string, unknown> => isObject(i) && typeof i.imageId === 'string')
      .map((i) => ({
        imageId: i.imageId as string,
        capturedOn: typeof i.capturedOn === 'string' ? i.capturedOn : window.window,
        reason: typeof i.reason === 'string' ? i.reason : null,
        window: window.window,
      })),
  };
}

/** Up to `count` examples spread over the reference months (taken in turn from each), in month order. */
export function referenceExamples(windows: DriftWindow[], count = 6): WindowExample[] {
  const lists = windows.filter((w) => w.reference).map((w) => readExamples(w).images);
  const out: WindowExample[] = [];
  for (let round = 0; out.length < count && lists.some((l) => l.length > round); round++)
    for (const list of lists) if (list[round] && out.length < count) out.push(list[round]);
  return out.sort((a, b) => a.capturedOn.localeCompare(b.capturedOn));
}

/** The months after the reference that have examples; the ones with alerts come first in `alerted`. */
export function exampleMonths(windows: DriftWindow[], alerts: DriftAlert[]) {
  const alerted = new Set(alerts.map((a) => a.window));
  const months = windows
    .filter((w) => !w.reference && readExamples(w).images.length > 0)
    .map((w) => w.window);
  return { months, alerted: months.filter((m) => alerted.has(m)) };
}

/** The month asked for if it has examples, else the latest month with an alert, else the latest month. */
export function pickExampleMonth(
  windows: DriftWindow[],
  alerts: DriftAlert[],
  asked: unknown,
): string | null {
  const { months, alerted } = exampleMonths(windows, alerts);
  if (typeof asked === 'string' && months.includes(asked)) return asked;
  return alerted.at(-1) ?? months.at(-1) ?? null;
}
