// Lint for hand-written code: typescript-eslint's recommended rules (tsc does the
// type checks). Generated files are left out: the generator's golden snapshots
// and `npm run generate -- --check` guard them.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "coverage/**",
      ".tmp/**",
      "node_modules/**",
      "bench/node_modules/**",
      "bench/.work/**",
      "src/funcs/**",
      "src/models/**",
      "src/lib/defaults.ts",
      "test/codegen/__snapshots__/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters, tuple holes).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // CommonJS fixtures exist to prove the package loads through require().
    files: ["**/*.cjs", "**/*.cts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests that walk Clerk's parsed YAML documents index them freely; the
    // assertions, not the types, check their shape.
    files: ["test/contract/**", "test/funcs/webhook-events.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
