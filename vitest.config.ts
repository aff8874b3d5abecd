import { defineConfig } from "vitest/config";

// One run for the whole workspace. DynamoDB Local is started once per run by the global setup
// and shared by every test file (each file works in its own table).
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/setup/dynamodb-local.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
