import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateCohort } from './cohort.js';
import { encodeImage } from './encode.js';
import { renderImage } from './render/render-image.js';
import { FITZPATRICK_TYPES } from './skin.js';
import { meanAbsoluteDifference, meanColours, median } from './test-helpers.js';

const cohort = generateCohort({ seed: 21, imageCount: 400 });

describe('renderImage', () => {
  it('gives identical pixels for the same record, also after a JSON round trip, and different pixels for another seed', () => {
    const image = cohort.images[7];
    const first = renderImage(image, { size: 64 });
    expect(first).toMatchObject({ width: 64, height: 64, channels: 3 });
    expect(first.data).toHaveLength(64 * 64 * 3);
    expect(renderImage(JSON.parse(JSON.stringify(image)), { size: 64 }).data).toEqual(first.data);
    const regenerated = generateCohort({ seed: 21, imageCount: 400 }).images[7];
    expect(renderImage(regenerated, { size: 64 }).data).toEqual(first.data);
    const otherSeed = generateCohort({ seed: 22, imageCount: 400 }).images[7];
    expect(meanAbsoluteDifference(renderImage(otherSeed, { size: 64 }).data, first.data)).toBeGreaterThan(3);
  });

  it('renders at 128 px by default and returns a lesion mask on request', () => {
    const image = cohort.images.find(
      (candidate) => candidate.diagnosis === 'mel' && candidate.modality === 'DERMOSCOPIC',
    )!;
    const rendered = renderImage(image, { withMask: true });
    expect(rendered.width).toBe(128);
    const covered = rendered.mask!.reduce((sum, value) => sum + value, 0) / (128 * 128);
    // A 7-14 mm melanoma in an 18 mm field covers a large part of the frame.
    expect(covered).toBeGreaterThan(0.08);
    expect(covered).toBeLessThan(0.8);
    expect(renderImage(image).mask).toBeUndefined();
  });

  it('draws lesions with lower contrast against darker skin', () => {
    const lesions = cohort.images.filter((image) => image.modality === 'DERMOSCOPIC').slice(0, 12);
    const relativeByType = FITZPATRICK_TYPES.map(() => [] as number[]);
    for (const image of lesions) {
      const distances = FITZPATRICK_TYPES.map((skinType, typeIndex) => {
        const render = { ...image.render, skinType, hair: false, ruler: false };
        const { lesion, skin } = meanColours(renderImage(render, { size: 64, withMask: true }));
        const distance = Math.hypot(lesion[0] - skin[0], lesion[1] - skin[1], lesion[2] - skin[2]);
        relativeByType[typeIndex].push(distance / (0.299 * skin[0] + 0.587 * skin[1] + 0.114 * skin[2]));
        return distance;
      });
      for (let index = 1; index < distances.length; index++)
        expect(distances[index]).toBeLessThan(distances[index - 1]);
    }
    // Not only darker overall: the contrast relative to the skin's own brightness drops too.
    expect(median(relativeByType[5])).toBeLessThan(0.75 * median(relativeByType[0]));
  });

  it('shows the effect across the cohort: lesions on types V-VI stand out less (relative to skin brightness) than on I-II', () => {
    const contrastOf = (skinTypes: number[]) =>
      median(
        cohort.images
          .filter((image) => skinTypes.includes(image.render.skinType) && image.modality === 'DERMOSCOPIC')
          .slice(0, 40)
          .map((image) => {
            const { lesion, skin } = meanColours(renderImage(image, { size: 48, withMask: true }));
            const distance = Math.hypot(lesion[0] - skin[0], lesion[1] - skin[1], lesion[2] - skin[2]);
            return distance / (0.299 * skin[0] + 0.587 * skin[1] + 0.114 * skin[2]);
          }),
      );
    // Without the skin-type damping this ratio is ~0.78 on this cohort (class mix, skin hue), with it ~0.47.
    expect(contrastOf([5, 6])).toBeLessThan(0.6 * contrastOf([1, 2]));
  });

  it('renders near-duplicates within a few grey levels of their original, far closer than other lesions', () => {
    const byId = new Map(cohort.images.map((image) => [image.id, image]));
    const duplicates = cohort.images.filter((image) => image.nearDuplicateOf !== null);
    expect(duplicates.length).toBeGreaterThanOrEqual(8);
    const toOthers: number[] = [];
    for (const duplicate of duplicates) {
      const original = renderImage(byId.get(duplicate.nearDuplicateOf!)!, { size: 64 }).data;
      expect(meanAbsoluteDifference(renderImage(duplicate, { size: 64 }).data, original)).toBeLessThan(6);
      const other =
        cohort.images.find((image) => image.caseId !== duplicate.caseId && image.id > duplicate.id) ??
        cohort.images[0];
      toOthers.push(meanAbsoluteDifference(renderImage(other, { size: 64 }).data, original));
    }
    expect(median(toOthers)).toBeGreaterThan(12);
  });

  it('encodes to PNG losslessly and to JPEG', async () => {
    const rendered = renderImage(cohort.images[3], { size: 32 });
    const png = await encodeImage(rendered, 'png');
    const decoded = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(decoded.info).toMatchObject({ width: 32, height: 32, channels: 3 });
    expect(new Uint8Array(decoded.data)).toEqual(rendered.data);
    const jpeg = await encodeImage(rendered, 'jpeg');
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    await expect(encodeImage(rendered, 'gif' as never)).rejects.toThrow(/format must be "png" or "jpeg"/);
  });
});
