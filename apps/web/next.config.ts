import type { NextConfig } from 'next';
import { securityHeaders } from './src/lib/security/security-headers';

// The web app talks to the API over HTTP only, so no workspace package is imported and nothing needs transpiling.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Thumbnails are served by our own authenticated proxy route; next/image optimisation is not used.
  images: { unoptimized: true },
  // forbidden(): a page of another role answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // CSP with frame-ancestors 'none', nosniff, HSTS behind a TLS proxy (src/lib/security/security-headers.ts).
  async headers() {
    return securityHeaders({ development: process.env.NODE_ENV === 'development' });
  },
};

export default nextConfig;
