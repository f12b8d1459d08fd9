export * from './image-quality.js';
