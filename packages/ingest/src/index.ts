export { IntakeError } from './intake/errors.js';
export { computePerceptualHash, hammingDistance } from './intake/perceptual-hash.js';
export {
  ACCEPTED_FORMATS,
  DEFAULT_MAX_PIXELS,
  storeImage,
  THUMBNAIL_SIZE,
  WORKING_SIZE,
  type StoredImage,
  type StoreImageOptions,
} from './intake/store-image.js';
export { DEMO_SOURCE } from './demo/demo-rows.js';
export { seedDemoRegistry, type SeedDemoOptions, type SeedDemoResult } from './demo/seed-demo.js';
