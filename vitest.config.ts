import { defineConfig } from "vitest/config";

// Each test area owns its own project file (test/<area>/vitest.config.ts).
export default defineConfig({
  test: {
    projects: ["test/*/vitest.config.ts"],
  },
});
