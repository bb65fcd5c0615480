import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@roadshow/source"] },
  ssr: { resolve: { conditions: ["@roadshow/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    // Most end-to-end tests wait on a child process (the CLI, Chromium, an SMTP exchange), so three workers keep two
    // cores busy: on CI's two cores the default (cores - 1 = one worker) took 8 min, three take 6.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
