import type { NextConfig } from 'next';

/**
 * A static export: every page is an HTML file built ahead of time, served from S3 behind
 * CloudFront (and by the launcher's small server under `make dev`). The API is on the same
 * origin under /api and /s, so there is no API address to configure.
 */
const config: NextConfig = {
  output: 'export',
  // /history is history.html: CloudFront's viewer-request function and the local server map
  // an extensionless path to its .html file.
  trailingSlash: false,
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  // make web-check type-checks sources, tests and the generated route types once (tsc --noEmit);
  // checking again inside every build would only slow make dev and make test.
  typescript: { ignoreBuildErrors: true },
  experimental: { globalNotFound: true },
};

export default config;
