// Webhook parity: every case of parity-cases.ts runs against svix 2.5.0 and
// @clerk/backend 3.25.0 and against ours, and ours must give the same accept or
// refuse, except where parity-differences.ts (and docs/webhooks.md) say why not.
//   svix `new Webhook(secret).verify(body, record)`  ↔  our verifyWebhookSignature({ headers: record, body })
//   @clerk/backend `verifyWebhook(request)`          ↔  our verifyWebhook(request)
// The references read the real clock, so each case sets it (only Date is faked).
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parityCases } from "./parity-cases.js";
import type { ParityCase } from "./parity-cases.js";
import { ALLOWED_DIFFERENCES, DIFFERENCES } from "./parity-differences.js";
import type { Reference } from "./parity-differences.js";
import { clerkAnswer, ourEventAnswer, ourSignatureAnswer, svixAnswer } from "./parity-runners.js";
import type { Answer } from "./parity-runners.js";

const cases = await parityCases();

afterEach(() => {
  vi.useRealTimers();
});

function atClock<T>(c: ParityCase, run: () => T): T {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(c.now);
  return run();
}

/** Ours must answer as the reference does, or the opposite where the allowlist says so. */
function expectParity(reference: Reference, c: ParityCase, theirs: Answer, ours: Answer): void {
  const difference = ALLOWED_DIFFERENCES[c.name]?.[reference];
  const verdict = (a: Answer) => `${a.accepted ? "accepts" : "refuses"} (${a.said})`;
  expect(
    ours.accepted,
    `${reference} ${verdict(theirs)}, ours ${verdict(ours)}` +
      (difference ? `; the allowlist expects the opposite answer: ${DIFFERENCES[difference]}` : ""),
  ).toBe(difference ? !theirs.accepted : theirs.accepted);
}

describe("webhook parity with svix and @clerk/backend", () => {
  it("has cases from every source, each with its own name", () => {
    const names = cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const source of ["svix vector:", "Standard Webhooks spec:", "Clerk vector:"]) {
      expect(names.filter((name) => name.startsWith(source)).length, source).toBeGreaterThan(0);
    }
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const svix = atClock(c, () => svixAnswer(c));
    const oursBySignature = await atClock(c, () => ourSignatureAnswer(c));
    expectParity("svix", c, svix, oursBySignature);
    if (c.recordOnly) return;
    const clerk = await atClock(c, () => clerkAnswer(c));
    const oursByEvent = await atClock(c, () => ourEventAnswer(c));
    expectParity("@clerk/backend", c, clerk, oursByEvent);
  });
});

describe("the allowlist of deliberate differences", () => {
  it("names only cases that exist, and only references they run against", () => {
    for (const [name, references] of Object.entries(ALLOWED_DIFFERENCES)) {
      const c = cases.find((candidate) => candidate.name === name);
      expect(c, name).toBeDefined();
      if (c?.recordOnly) expect(Object.keys(references), name).toEqual(["svix"]);
    }
  });

  it("uses every difference, and docs/webhooks.md tables exactly these differences", () => {
    const used = new Set(Object.values(ALLOWED_DIFFERENCES).flatMap((references) => Object.values(references)));
    expect([...used].sort()).toEqual(Object.keys(DIFFERENCES).sort());
    const docs = readFileSync(new URL("../../docs/webhooks.md", import.meta.url), "utf8");
    const section = docs.split("## Differences from svix and @clerk/backend")[1]?.split("\n## ")[0] ?? "";
    const rows = section
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| -"))
      .slice(1) // the header row
      .map((line) => line.split(" | ")[0]!.slice(2).trim());
    expect(rows.sort()).toEqual(Object.values(DIFFERENCES).sort());
  });
});
