// src/client/index.ts: clerk-fn/client, every operation as clerk.<group>.<member>(request, options?).
// The two halves come from the function name (ir-operations.ts): `emailAddressesGet` is
// `clerk.emailAddresses.get`. The module imports every operation, so it is a separate
// entry that nothing else imports: per-function imports stay the small (edge) path.
import type { IR, Op } from "./ir.js";
import { pascal } from "./naming.js";

/** Names the Clerk class itself uses: no group may take them. */
const RESERVED = new Set(["core", "constructor"]);

export function emitClient(ir: IR, banner: string): string {
  const groups = new Map<string, Op[]>();
  for (const op of ir.ops) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  const sorted = [...groups].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [group, ops] of sorted) {
    if (RESERVED.has(group)) throw new Error(`client: group "${group}" would hide Clerk.${group}`);
    const members = new Set<string>();
    for (const op of ops) {
      if (members.has(op.member)) throw new Error(`client: clerk.${group}.${op.member} is taken twice`);
      members.add(op.member);
    }
  }

  const imports = ir.ops.map((op) => `import { ${op.fn} } from "../funcs/${op.fn}.js";`);
  const interfaces = sorted.map(([group, ops]) => {
    const members = ops.map((op) => {
      const doc = [`${op.method} ${op.path} · {@link ${op.fn}}`];
      if (op.deprecated) doc.push("@deprecated Marked deprecated in Clerk's API description.");
      return `  /** ${doc.join("\n   * ")} */\n  readonly ${op.member}: Bound<typeof ${op.fn}>;`;
    });
    return `/** \`clerk.${group}\`: ${ops.length} operation${ops.length === 1 ? "" : "s"}. */
export interface ${groupType(group)} {
${members.join("\n")}
}`;
  });
  const fields = sorted.map(([group]) => `  declare readonly ${group}: ${groupType(group)};`);
  const assignments = sorted.map(
    ([group, ops]) =>
      `    this.${group} = {\n${ops.map((op) => `      ${op.member}: bindCore(core, ${op.fn}),`).join("\n")}\n    };`,
  );

  return `${banner}
// clerk-fn/client: every operation as clerk.<group>.<name>(request, options?), returning what
// the function returns. It imports all ${ir.ops.length} operations (for servers, where size does not
// matter); an app that imports clerk-fn/funcs/<name> ships only what it calls.
import { ClerkCore, type ClerkCoreOptions } from "../core.js";
import { type Bound, bindCore } from "../lib/bind.js";
${imports.join("\n")}

${interfaces.join("\n\n")}

/**
 * Every operation of the Backend API, grouped: \`clerk.users.get({ userId })\` is
 * \`usersGet(core, { userId })\`, the same request and the same Result.
 *
 * \`new Clerk({ bearerAuth })\` takes ClerkCore's options; \`new Clerk(core)\` shares an
 * existing core (its rate limit, hooks and 429 pause) with per-function calls.
 */
export class Clerk {
  /** The core every call goes through: hand it to per-function imports or \`paginate\`. */
  declare readonly core: ClerkCore;
${fields.join("\n")}

  constructor(coreOrOptions?: ClerkCore | ClerkCoreOptions) {
    // "?? {}": a null from loosely typed code gets the defaults instead of a TypeError.
    const core = isCore(coreOrOptions) ? coreOrOptions : new ClerkCore(coreOrOptions ?? {});
    this.core = core;
${assignments.join("\n")}
  }
}

/** A core, also one from another copy of the package (ESM beside CJS), which \`instanceof\` would miss. */
function isCore(value: ClerkCore | ClerkCoreOptions | undefined): value is ClerkCore {
  return value instanceof ClerkCore || typeof (value as Partial<ClerkCore> | undefined)?.bearerToken === "function";
}
`;
}

/** "emailAddresses" → "EmailAddressesGroup". */
function groupType(group: string): string {
  return `${pascal(group)}Group`;
}
