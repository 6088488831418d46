/** @type {import('next').NextConfig} */
// Security headers on every response. Next's inline bootstrap scripts need 'unsafe-inline' for
// scripts (no nonce middleware); nothing is loaded from other origins, and no page may be framed.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // HSTS only over https: x-fm-proto is set by our own server (scripts/serve.ts) from the socket
      // or from a TRUSTED_PROXIES proxy's X-Forwarded-Proto, never taken from the client.
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-fm-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
  poweredByHeader: false,
  // NEXT_DIST_DIR lets several builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Types are checked by `npm run typecheck` (CI runs it); skipping it here keeps the first
  // `npm start` (which builds) fast on small machines.
  typescript: { ignoreBuildErrors: true },
  // PGlite, pg and augurs (its .wasm is read from node_modules, lib/insights/forecast-mstl.ts) are
  // loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'pino', '@pydantic/genai-prices', '@bsull/augurs'],
};

export default nextConfig;
