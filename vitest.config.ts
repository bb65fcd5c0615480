import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@roadshow/source"] },
  ssr: { resolve: { conditions: ["@roadshow/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
