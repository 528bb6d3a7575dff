// Next.js configuration: standalone output for the Docker image; database and model packages stay
// outside the server bundle because they load Wasm or native files at run time.
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  // forbidden() in pages answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  serverExternalPackages: ['pino', 'pg', '@prisma/client', '@prisma/adapter-pg', '@electric-sql/pglite', '@electric-sql/pglite-socket', '@prisma/schema-engine-wasm'],
};

export default nextConfig;
