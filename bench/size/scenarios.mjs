// The size scenarios and which entry files take part in each.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BENCH } from "../lib/paths.mjs";

export const SCENARIOS = [
  { id: "a-one-call", title: "(a) one call: GET /email_addresses/{id}" },
  { id: "b-ten-calls", title: "(b) ten typical calls" },
  { id: "c-auth", title: "(c) authenticateRequest from clerk-fn/auth with a PEM key" },
  { id: "c-auth-local-verify", title: "(c2) verifyToken from clerk-fn/auth/local (PEM key, no network)" },
  { id: "c-auth-local-request", title: "(c3) authenticateRequest from clerk-fn/auth/local (PEM key, no network)" },
  { id: "d-webhook", title: "(d) verifyWebhook (typed, validated event)" },
  { id: "d-webhook-signature", title: "(d2) verifyWebhookSignature (signature and timestamp, raw payload)" },
  { id: "e-whole", title: "(e) the whole package" },
  { id: "f-client", title: "(f) one call through the grouped client (clerk-fn/client)" },
];

/** Entry files of one scenario, clerk-fn first. */
export function entriesOf(scenario) {
  const dir = path.join(BENCH, "entries", scenario);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ contender: f.replace(/\.ts$/, ""), file: path.join(dir, f) }))
    .sort((a, b) =>
      a.contender === "clerk-fn" ? -1 : b.contender === "clerk-fn" ? 1 : a.contender.localeCompare(b.contender),
    );
}

/**
 * Entry files only the size run takes (`<scenario>/size-only/`): SDKs of other APIs,
 * compared by what one call weighs (the speed runs call Clerk's endpoint, which they
 * cannot). Each names what it is in a `// size note: …` line, shown in the table.
 */
export function sizeOnlyEntriesOf(scenario) {
  const dir = path.join(BENCH, "entries", scenario, "size-only");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const note = /^\/\/ size note: (.+)$/m.exec(readFileSync(file, "utf8"))?.[1] ?? "";
      return { contender: f.replace(/\.ts$/, ""), file, note };
    });
}
