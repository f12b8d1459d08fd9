import path from 'node:path';
import { measureImageQuality } from '@dermino/analytics';
import sharp from 'sharp';
import { z } from 'zod';
import type { JobHandler } from '../worker/job-handler.js';

const payloadSchema = z
  .object({ imageIds: z.array(z.string().uuid()).max(1_000_000).optional() })
  .strict();

type QualityPayload = z.infer<typeof payloadSchema>;

const BATCH = 50;

/** Image quality statistics (brightness, contrast, colour cast, blur) of images that have none yet. */
export const qualityJob: JobHandler<QualityPayload> = {
  kind: 'QUALITY',
  parsePayload: (raw) => payloadSchema.parse(raw ?? {}),
  async run({ db, home, payload, progress, log }) {
    const where = {
      qualityAt: null,
      storageKey: { not: null },
      ...(payload.imageIds ? { id: { in: payload.imageIds } } : {}),
    };
    const total = await db.image.count({ where });
    await log(`Measuring quality of ${total} images.`);
    const started = Date.now();
    let done = 0;
    for (;;) {
      // Each batch marks its images, so a resumed job continues where it stopped.
      const images = await db.image.findMany({ where, select: { id: true, storageKey: true }, take: BATCH });
      if (images.length === 0) break;
      for (const image of images) {
        const file = path.join(home, 'images', image.storageKey!, 'working.webp');
        try {
          const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
          const quality = measureImageQuality({ width: info.width, height: info.height, channels: info.channels, data });
          await db.image.update({ where: { id: image.id }, data: { ...quality, qualityAt: new Date() } });
        } catch (error) {
          // One unreadable file must not block the others: it is marked measured (without numbers) and reported.
          await db.image.update({ where: { id: image.id }, data: { qualityAt: new Date() } });
          await log(`Image ${image.id}: cannot read ${file}: ${(error as Error).message}`, 'warn');
        }
      }
      done += images.length;
      const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
      await progress({ step: done, total, rate, etaSeconds: (total - done) / rate });
    }
  },
};
