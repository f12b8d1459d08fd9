import type { ImageResolvers } from '../../../generated/resolvers-types.js';

// API-relative paths of the image route; the web app proxies them with the session's token.
export const Image: ImageResolvers = {
  thumbnailUrl: (parent) => `/images/${parent.id}/thumb`,
  url: (parent) => `/images/${parent.id}/working`,
  quality: ({ brightness, contrast, colorCast, blurVariance }) =>
    [brightness, contrast, colorCast, blurVariance].every((value) => value === null)
      ? null
      : { brightness, contrast, colorCast, blurVariance },
};
