import { configDefaults, defineConfig } from "vitest/config";

const browserJourneys = "test/e2e/**/*.test.ts";

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
    // `npm test` runs both projects; `--project suites` or `--project browser` runs one of them.
    projects: [
      {
        extends: true,
        test: {
          // API, service, storage, format and unit suites. Their files share a worker process and
          // its loaded modules (importing the server, Kysely and zod schemas anew for each of ~90
          // files cost more than most files' tests): each file opens and drops its own databases,
          // servers and temporary folders and restores what it changes in process.env.
          name: "suites",
          include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, browserJourneys],
          isolate: false,
        },
      },
      {
        extends: true,
        // Browser journeys (Chromium), each file in a fresh process.
        test: { name: "browser", include: [browserJourneys] },
      },
    ],
  },
});
