import type { NextConfig } from 'next';

// The web app talks to the API over HTTP only, so no workspace package is imported and nothing needs transpiling.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Thumbnails are served by our own authenticated proxy route; next/image optimisation is not used.
  images: { unoptimized: true },
  // forbidden(): a page of another role answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;
