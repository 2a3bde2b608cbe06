/**
 * What the scenarios import, per feature, exactly as a user would: the package
 * name and its subpaths. The API feature deliberately mixes entry points (a
 * func subpath, the funcs barrel, the root, errors from two places) so the
 * `instanceof` checks prove every subpath shares one copy of each module.
 */
export interface Feature {
  /** Export-map keys the feature needs in the packed package.json. */
  readonly needs: readonly string[];
  /** Files that must be in the tarball (e.g. the generated funcs the scenarios call). */
  readonly files: readonly string[];
  /** [binding, specifier] */
  readonly imports: readonly (readonly [string, string])[];
}

export const FEATURES: Record<"api" | "auth" | "webhooks", Feature> = {
  api: {
    needs: [".", "./core", "./funcs", "./funcs/*", "./errors", "./types"],
    files: ["dist/esm/funcs/usersGet.js", "dist/esm/funcs/usersList.js", "dist/esm/funcs/usersCreate.js"],
    imports: [
      ["ClerkCore", "clerk-fn/core"],
      ["usersGet", "clerk-fn/funcs/usersGet"],
      ["usersList", "clerk-fn/funcs/usersList"],
      ["usersCreate", "clerk-fn/funcs"],
      ["ClerkErrors", "clerk-fn/errors"],
      ["RequestTimeoutError", "clerk-fn"],
      ["ok", "clerk-fn/types"],
      ["err", "clerk-fn/types"],
      ["unwrap", "clerk-fn/types"],
    ],
  },
  auth: {
    needs: ["./auth"],
    files: [],
    imports: [
      ["authenticateRequest", "clerk-fn/auth"],
      ["verifyToken", "clerk-fn/auth"],
    ],
  },
  webhooks: {
    needs: ["./webhooks"],
    files: [],
    imports: [["verifyWebhook", "clerk-fn/webhooks"]],
  },
};

export type FeatureName = keyof typeof FEATURES;

const HEADER = "// Written by test/runtimes/harness (features.ts) for the packed clerk-fn; do not edit.\n";

function bySpecifier(features: readonly FeatureName[]) {
  const groups = new Map<string, string[]>();
  for (const name of features) {
    for (const [binding, specifier] of FEATURES[name].imports) {
      groups.set(specifier, [...(groups.get(specifier) ?? []), binding]);
    }
  }
  return groups;
}

function libObject(features: readonly FeatureName[]): string {
  const parts = features.map((name) => `  ${name}: { ${FEATURES[name].imports.map(([b]) => b).join(", ")} },`);
  return `{\n${parts.join("\n")}\n}`;
}

/** `lib.mjs`: ESM imports of the available features. */
export function esmLib(features: readonly FeatureName[]): string {
  const imports = [...bySpecifier(features)].map(([spec, names]) => `import { ${names.join(", ")} } from "${spec}";`);
  return `${HEADER}${imports.join("\n")}\n\nexport const lib = ${libObject(features)};\n`;
}

/** `lib.cjs`: the same through require(), as a CommonJS user writes it. */
export function cjsLib(features: readonly FeatureName[]): string {
  const requires = [...bySpecifier(features)].map(
    ([spec, names]) => `const { ${names.join(", ")} } = require("${spec}");`,
  );
  return `${HEADER}"use strict";\n${requires.join("\n")}\n\nmodule.exports = ${libObject(features)};\n`;
}
