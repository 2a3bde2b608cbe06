import { afterAll, describe, expect, inject, test } from "vitest";
import { ALLOWLIST, type ResponseCheck } from "./allowlist.js";
import {
  buildSample,
  errorSide,
  fail,
  PASS,
  requestSide,
  responseSide,
  strictSide,
  wireSide,
  type CheckResult,
} from "./checks.js";
import { callOperation, benchStats, type CallOutcome } from "./exchange.js";
import { loadFunctions, type LoadedFunction } from "./load-functions.js";
import { CoverageReport, type Cell, type Column } from "./report.js";
import type { SampleMode } from "./sample-request.js";
import { loadSpec, type SpecOperation } from "./spec.js";

// Every generated function against Prism, which validates each request
// against Clerk's spec and answers from it (static: examples; dynamic: faker).
const skip = inject("contractSkip");
const servers = { static: inject("prismStaticUrl"), dynamic: inject("prismDynamicUrl") };

const spec = skip ? undefined : loadSpec();
const functions = skip ? [] : await loadFunctions();
const targets = spec ? matchFunctions(spec.operations, functions) : [];
const report = new CoverageReport(targets.map((t) => t.name));
const allowed = new Map(ALLOWLIST.map((e) => [`${e.fn}/${e.check}`, e]));

interface Target {
  readonly name: string;
  readonly spec: SpecOperation;
  readonly fn: LoadedFunction | undefined;
}

function matchFunctions(ops: readonly SpecOperation[], fns: readonly LoadedFunction[]): Target[] {
  const byRoute = new Map(fns.flatMap((f) => (f.route ? [[f.route, f] as const] : [])));
  const byName = new Map(fns.map((f) => [f.name, f]));
  return ops.map((o) => {
    const fn = byRoute.get(`${o.method} ${o.path}`) ?? byName.get(o.expectedName);
    return { name: fn?.name ?? o.expectedName, spec: o, fn };
  });
}

// One call per (function, sample, server), shared by the checks that read it.
interface Sent {
  readonly outcome: CallOutcome;
  readonly request: unknown;
}
const calls = new Map<string, Promise<Sent | CheckResult>>();
function call(
  t: Target,
  mode: SampleMode,
  server: keyof typeof servers,
  headers?: Record<string, string>,
): Promise<Sent | CheckResult> {
  const key = `${t.name}|${mode}|${server}|${JSON.stringify(headers ?? {})}`;
  let pending = calls.get(key);
  if (!pending) {
    pending = (async () => {
      if (!t.fn) return fail("no generated function");
      const sample = buildSample(t.fn.input, mode);
      if ("problem" in sample) return sample.problem;
      const outcome = await callOperation(t.fn.fn, servers[server], sample.request, headers);
      return { outcome, request: sample.request };
    })();
    calls.set(key, pending);
  }
  return pending;
}

function both(a: CheckResult, b: CheckResult): CheckResult {
  return a.pass ? b : a;
}

async function check(
  t: Target,
  mode: SampleMode,
  server: keyof typeof servers,
  side: "request" | "response" | "strict",
): Promise<CheckResult> {
  const sent = await call(t, mode, server);
  if ("pass" in sent) return sent;
  const { outcome } = sent;
  const result =
    side === "request"
      ? both(
          requestSide(outcome),
          outcome.exchanges.length > 0 ? wireSide(outcome, t.fn!.input, sent.request, t.spec.path) : PASS,
        )
      : side === "strict"
        ? strictSide(outcome)
        : responseSide(outcome, t.spec, spec!);
  return result.pass ? result : { ...result, detail: `[${mode} request, ${server} Prism] ${result.detail ?? ""}` };
}

async function errorsCheck(t: Target): Promise<CheckResult | "n/a"> {
  if (t.spec.errors.size === 0) return "n/a";
  const results = await Promise.all(
    [...t.spec.errors].map(async ([status, kind]) => {
      const sent = await call(t, "minimal", "static", { Prefer: `code=${status}` });
      if ("pass" in sent) return sent;
      const { outcome } = sent;
      const req = requestSide(outcome, status);
      return req.pass
        ? errorSide(outcome, status, kind)
        : fail(`${status}: blocked by a request-side failure`, req.detail);
    }),
  );
  const failed = results.filter((r) => !r.pass);
  if (failed.length === 0) return PASS;
  return fail(
    failed.map((r) => r.cause).join(", "),
    failed
      .map((r) => r.detail ?? "")
      .filter(Boolean)
      .join(" | "),
  );
}

/** Records the cell (applying the allowlist) and fails the test when the cell fails. */
function settle(t: Target, column: Column, result: CheckResult | "n/a"): void {
  let cell: Cell;
  const entry = allowed.get(`${t.name}/${column}`);
  if (result === "n/a") {
    cell = entry ? { status: "fail", cause: "allowlisted but not applicable" } : { status: "n/a" };
  } else if (entry) {
    if (result.pass) cell = { status: "fail", cause: "allowlisted check now passes: remove it from allowlist.ts" };
    // The allowlist excuses only Prism answering off-spec; anything else is the client's fault.
    else if (!result.prismResponseInvalid)
      cell = {
        status: "fail",
        cause: `allowlisted, but Prism's response was valid: ${result.cause}`,
        detail: result.detail,
      };
    else cell = { status: "allowlisted", cause: entry.reason, detail: result.detail };
  } else {
    cell = result.pass ? { status: "pass" } : { status: "fail", cause: result.cause, detail: result.detail };
  }
  report.record(t.name, column, cell);
  if (cell.status === "fail") expect.fail(`${t.name} ${column}: ${cell.cause}${cell.detail ? `\n${cell.detail}` : ""}`);
}

describe.skipIf(!!skip)("contract", { concurrent: true }, () => {
  test("every operation in the spec has a generated function under DESIGN's name, and no more", () => {
    const missing = targets.filter((t) => !t.fn).map((t) => t.name);
    const misnamed = targets
      .filter((t) => t.fn && t.fn.name !== t.spec.expectedName)
      .map((t) => `${t.spec.expectedName} is ${t.fn!.name}`);
    const matched = new Set(targets.map((t) => t.fn?.name));
    const extra = functions.filter((f) => !matched.has(f.name)).map((f) => f.name);
    expect({ missing, misnamed, extra }).toEqual({ missing: [], misnamed: [], extra: [] });
    expect(targets).toHaveLength(249);
  });

  test("allowlist entries name real functions and response-side checks, once each", () => {
    const names = new Set(targets.map((t) => t.name));
    const responseChecks: readonly ResponseCheck[] = ["static", "dynamic", "strict", "errors"];
    for (const e of ALLOWLIST) {
      expect(names.has(e.fn), `${e.fn} is not a generated function`).toBe(true);
      expect(responseChecks).toContain(e.check);
      expect(e.reason.length, `${e.fn}/${e.check} needs a reason`).toBeGreaterThan(20);
    }
    expect(allowed.size).toBe(ALLOWLIST.length);
  });

  for (const t of targets) {
    describe.concurrent(t.name, () => {
      test("minimal", async () => {
        settle(
          t,
          "minimal",
          both(await check(t, "minimal", "static", "request"), await check(t, "minimal", "dynamic", "request")),
        );
      });
      test("maximal", async () => {
        settle(
          t,
          "maximal",
          both(await check(t, "maximal", "static", "request"), await check(t, "maximal", "dynamic", "request")),
        );
      });
      test("static", async () => {
        settle(
          t,
          "static",
          both(await check(t, "minimal", "static", "response"), await check(t, "maximal", "static", "response")),
        );
      });
      test("dynamic", async () => {
        settle(
          t,
          "dynamic",
          both(await check(t, "minimal", "dynamic", "response"), await check(t, "maximal", "dynamic", "response")),
        );
      });
      // The same four calls as static and dynamic: did any body break the model?
      test("strict", async () => {
        const results = await Promise.all(
          (["static", "dynamic"] as const).flatMap((server) =>
            (["minimal", "maximal"] as const).map((mode) => check(t, mode, server, "strict")),
          ),
        );
        settle(t, "strict", results.reduce(both));
      });
      test("errors", async () => {
        settle(t, "errors", await errorsCheck(t));
      });
    });
  }

  afterAll(() => {
    console.log(report.render(process.env.CONTRACT_REPORT === "full"));
    const bench = benchStats();
    console.log(
      `${calls.size} calls to Prism, up to ${bench.maxInFlight} in flight; ${bench.transportRetries} repeated after a connection reset`,
    );
  });
});

test.runIf(!!skip)("contract suite skipped", () => {
  console.warn(skip);
});
