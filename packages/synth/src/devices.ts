import type { DeviceProfile, HospitalSite } from './types.js';

export const HOSPITAL_SITES: readonly HospitalSite[] = ['site-a', 'site-b', 'site-c'];
export const HOSPITAL_SITE_WEIGHTS: readonly number[] = [0.45, 0.3, 0.25];

/** Each site's device, distinct enough that site is visible in the pixels (a realistic confounder). */
export const SITE_DEVICES: Readonly<Record<HospitalSite, DeviceProfile>> = {
  'site-a': { name: 'DermLite DL4', castGains: [1, 1, 1], blurSigma: 0.002, vignette: 0.2, noiseStd: 2 },
  'site-b': {
    name: 'FotoFinder Medicam 1000',
    castGains: [1.02, 1, 0.97],
    blurSigma: 0.002,
    vignette: 0.3,
    noiseStd: 2.5,
  },
  'site-c': {
    name: 'Canfield VEOS DS3',
    castGains: [0.95, 1, 1.05],
    blurSigma: 0.004,
    vignette: 0.45,
    noiseStd: 3,
  },
};

/**
 * The device the drift site switches to: a phone adapter with warm white balance and soft optics, so the
 * change shows up as lower Laplacian variance and a stronger colour cast.
 */
export const REPLACEMENT_DEVICE: DeviceProfile = {
  name: 'Heine iC1 phone adapter',
  castGains: [1.14, 1, 0.76],
  blurSigma: 0.011,
  vignette: 0.5,
  noiseStd: 1.5,
};

export function deviceFor(site: HospitalSite, afterDeviceChange: boolean): DeviceProfile {
  return afterDeviceChange ? REPLACEMENT_DEVICE : SITE_DEVICES[site];
}
