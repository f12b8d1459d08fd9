import type { SynthClass, SynthClassCode } from './classes.js';

export type FitzpatrickType = 1 | 2 | 3 | 4 | 5 | 6;
export type HospitalSite = 'site-a' | 'site-b' | 'site-c';
export type SynthModality = 'DERMOSCOPIC' | 'CLINICAL';
export type SynthConfirmation = 'HISTOPATHOLOGY' | 'FOLLOW_UP' | 'CONSENSUS' | 'SINGLE_READER';

/** How a device renders: applied after the scene is painted. */
export interface DeviceProfile {
  name: string;
  /** Per-channel gains (white balance error). */
  castGains: readonly [number, number, number];
  /** Gaussian blur sigma as a fraction of the image width, so it looks the same at any render size. */
  blurSigma: number;
  /** 0 = flat field, 1 = corners black. */
  vignette: number;
  /** Sensor noise standard deviation in 8-bit levels. */
  noiseStd: number;
}

export interface SynthPatient {
  id: string;
  pseudonym: string;
  sex: 'FEMALE' | 'MALE';
  birthYear: number;
  skinType: FitzpatrickType;
  hospitalSite: HospitalSite;
}

/** A lesion. Its ABCD values are the ground truth the renderer draws from. */
export interface SynthCase {
  id: string;
  patientId: string;
  /** Anatomical site (HAM10000 localisation vocabulary). */
  anatomicalSite: string;
  diagnosis: SynthClassCode;
  abcd: { asymmetry: number; border: number; colours: number; diameterMm: number };
}

/** Everything renderImage needs, so one image can be re-rendered alone from its record. */
export interface RenderSpec {
  lesionSeed: number;
  /** Drives hair and ruler placement: shared by near-duplicates. */
  viewSeed: number;
  /** Drives sensor noise only. */
  noiseSeed: number;
  diagnosis: SynthClassCode;
  skinType: FitzpatrickType;
  abcd: SynthCase['abcd'];
  modality: SynthModality;
  device: DeviceProfile;
  /** Lesion pose in the frame: rotation (radians), centre offset (fraction of width), zoom. */
  rotation: number;
  offsetX: number;
  offsetY: number;
  zoom: number;
  exposure: number;
  hair: boolean;
  ruler: boolean;
}

export interface SynthImage {
  id: string;
  caseId: string;
  patientId: string;
  hospitalSite: HospitalSite;
  device: string;
  modality: SynthModality;
  /** ISO 8601 timestamp. */
  capturedAt: string;
  /** The truth, always known. */
  diagnosis: SynthClassCode;
  /** The observed label, null when unlabelled; may be wrong (see labelWrong). */
  label: SynthClassCode | null;
  labelWrong: boolean;
  labelConfirmation: SynthConfirmation | null;
  hasHair: boolean;
  hasRuler: boolean;
  /** Id of the image this one is a near-copy of (same lesion, same pose, tiny jitter), else null. */
  nearDuplicateOf: string | null;
  /** True when captured after the drift site's device change. */
  afterDeviceChange: boolean;
  render: RenderSpec;
}

export interface SynthCohort {
  seed: number;
  classes: readonly SynthClass[];
  patients: SynthPatient[];
  cases: SynthCase[];
  images: SynthImage[];
}
