import { defineConfig } from "vitest/config";

// One config, two databases: `npm run test:unit` uses PGlite; with TEST_DATABASE_URL set the
// same files run against PostgreSQL (see tests/setup/global-setup.ts).
export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/setup/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
