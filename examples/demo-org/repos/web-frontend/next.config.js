/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  experimental: {
    // Enables src/instrumentation.ts (tracing bootstrap) on Next.js 14.
    instrumentationHook: true,
  },
};

module.exports = nextConfig;
