import type { DbClient } from './client.js';

export interface DeviceFirstCapture {
  source: string;
  device: string;
  firstCapturedAt: Date;
}

/** When each source first captured an image with each device: the registry's record of device changes. */
export async function findDeviceFirstCaptures(db: DbClient): Promise<DeviceFirstCapture[]> {
  const rows = await db.image.groupBy({
    by: ['source', 'device'],
    where: { capturedAt: { not: null }, device: { not: null } },
    _min: { capturedAt: true },
  });
  return rows.flatMap((row) =>
    row.device && row._min.capturedAt
      ? [{ source: row.source, device: row.device, firstCapturedAt: row._min.capturedAt }]
      : [],
  );
}
