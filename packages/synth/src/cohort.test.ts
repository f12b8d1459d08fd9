import { describe, expect, it } from 'vitest';
import { SYNTH_CLASS_CODES } from './classes.js';
import { generateCohort } from './cohort.js';

const cohort = generateCohort({ seed: 11, imageCount: 2000 });
const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('generateCohort', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCohort({ seed: 11, imageCount: 2000 })).toEqual(cohort);
    const other = generateCohort({ seed: 12, imageCount: 2000 });
    expect(other.images.map((image) => image.diagnosis)).not.toEqual(
      cohort.images.map((image) => image.diagnosis),
    );
    expect(other.images[0].render.lesionSeed).not.toBe(cohort.images[0].render.lesionSeed);
  });

  it('produces the requested number of images with unique ids and consistent references', () => {
    expect(cohort.images).toHaveLength(2000);
    expect(new Set(cohort.images.map((image) => image.id)).size).toBe(2000);
    expect(new Set(cohort.patients.map((patient) => patient.pseudonym)).size).toBe(cohort.patients.length);
    const cases = new Map(cohort.cases.map((lesion) => [lesion.id, lesion]));
    const patients = new Map(cohort.patients.map((patient) => [patient.id, patient]));
    for (const image of cohort.images) {
      const lesion = cases.get(image.caseId)!;
      expect(lesion.patientId).toBe(image.patientId);
      expect(image.diagnosis).toBe(lesion.diagnosis);
      expect(image.render.skinType).toBe(patients.get(image.patientId)!.skinType);
    }
  });

  it('matches the default class prior, with every class well represented', () => {
    const counts = countBy(cohort.images, (image) => image.diagnosis);
    for (const cls of cohort.classes) {
      const share = (counts.get(cls.code) ?? 0) / cohort.images.length;
      expect(Math.abs(share - cls.defaultPrior)).toBeLessThan(0.015);
      expect(counts.get(cls.code)).toBeGreaterThanOrEqual(120);
    }
    expect(Math.max(...counts.values())).toBe(counts.get('nv'));
  });

  it('follows a custom prior, and a zero weight removes a class', () => {
    const custom = generateCohort({ seed: 3, imageCount: 1000, classPrior: { nv: 1, mel: 1, vasc: 2 } });
    const counts = countBy(custom.images, (image) => image.diagnosis);
    expect(counts.get('vasc')! / 1000).toBeCloseTo(0.5, 1);
    expect(counts.get('nv')! / 1000).toBeCloseTo(0.25, 1);
    expect(counts.has('bcc')).toBe(false);
  });

  it('labels about 20% of images and gets about 3% of those labels wrong, flagged in the truth', () => {
    const labelled = cohort.images.filter((image) => image.label !== null);
    expect(labelled.length / cohort.images.length).toBeCloseTo(0.2, 2);
    const wrong = labelled.filter((image) => image.label !== image.diagnosis);
    expect(wrong.length / labelled.length).toBeGreaterThan(0.02);
    expect(wrong.length / labelled.length).toBeLessThan(0.04);
    for (const image of cohort.images)
      expect(image.labelWrong).toBe(image.label !== null && image.label !== image.diagnosis);
    expect(labelled.every((image) => image.labelConfirmation !== null)).toBe(true);
  });

  it('has patients with several lesions and lesions with several images', () => {
    const lesionsPerPatient = countBy(cohort.cases, (lesion) => lesion.patientId);
    const imagesPerLesion = countBy(cohort.images, (image) => image.caseId);
    expect([...lesionsPerPatient.values()].filter((count) => count >= 2).length).toBeGreaterThan(50);
    expect([...imagesPerLesion.values()].filter((count) => count >= 2).length).toBeGreaterThan(200);
  });

  it('spreads captures over 12 months and switches one site to a new device at month 8', () => {
    const times = cohort.images.map((image) => Date.parse(image.capturedAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2025-01-01T00:00:00Z'));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-01-01T00:00:00Z'));
    const changeAt = Date.parse('2025-09-01T00:00:00Z');
    for (const image of cohort.images) {
      const expectChange = image.hospitalSite === 'site-b' && Date.parse(image.capturedAt) >= changeAt;
      if (image.nearDuplicateOf === null) expect(image.afterDeviceChange).toBe(expectChange);
    }
    const devices = countBy(cohort.images, (image) => `${image.hospitalSite}:${image.device}`);
    expect([...devices.keys()].filter((key) => key.startsWith('site-b'))).toHaveLength(2);
    expect([...devices.keys()].filter((key) => key.startsWith('site-a'))).toHaveLength(1);
    expect(
      generateCohort({ seed: 11, imageCount: 300, drift: null }).images.some(
        (image) => image.afterDeviceChange,
      ),
    ).toBe(false);
  });

  it('marks about 2% near-duplicates of another image of the same lesion, plus hair, rulers and some clinical photos', () => {
    const byId = new Map(cohort.images.map((image) => [image.id, image]));
    const duplicates = cohort.images.filter((image) => image.nearDuplicateOf !== null);
    expect(duplicates).toHaveLength(40);
    for (const duplicate of duplicates)
      expect(byId.get(duplicate.nearDuplicateOf!)!.caseId).toBe(duplicate.caseId);
    const share = (predicate: (image: (typeof cohort.images)[number]) => boolean) =>
      cohort.images.filter(predicate).length / cohort.images.length;
    expect(share((image) => image.hasHair)).toBeCloseTo(0.3, 1);
    expect(share((image) => image.hasRuler)).toBeCloseTo(0.15, 1);
    expect(share((image) => image.modality === 'CLINICAL')).toBeCloseTo(0.05, 1);
  });

  it('includes darker skin types and all anatomical site groups', () => {
    const skinTypes = countBy(cohort.patients, (patient) => String(patient.skinType));
    expect([...skinTypes.keys()].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(((skinTypes.get('5') ?? 0) + (skinTypes.get('6') ?? 0)) / cohort.patients.length).toBeGreaterThan(
      0.12,
    );
    expect(new Set(cohort.cases.map((lesion) => lesion.anatomicalSite)).size).toBeGreaterThanOrEqual(8);
    expect(SYNTH_CLASS_CODES.every((code) => cohort.cases.some((lesion) => lesion.diagnosis === code))).toBe(
      true,
    );
  });
});
