// A fetch wrapper that validates every JSON body it receives against the spec
// (spec-check.ts) and keeps the count, so each test file proves what it saw was spec-valid.
import { afterAll, afterEach, expect } from "vitest";
import { ClerkCore, type ClerkCoreOptions } from "../../../src/core.js";
import { createClerkFake, type ClerkFake, type ClerkFakeOptions } from "../../../src/testing/index.js";
import { checkResponse } from "./spec-check.js";

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const specCheck = { validated: 0, problems: [] as string[] };

/** Wraps `fetch` so each answer's body is checked; problems are collected, not thrown. */
export function checkedFetch(fetch: Fetch): Fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request.clone());
    const text = await response.clone().text();
    if (text !== "") {
      const path = new URL(request.url).pathname.replace(/^\/v1/, "");
      const body = JSON.parse(text) as unknown;
      specCheck.problems.push(...checkResponse(request.method, path, response.status, body));
      specCheck.validated += 1;
    }
    return response;
  };
}

/** Registers the per-test and per-file assertions of the spec check (call at the top of a test file). */
export function useSpecCheck(label: string): void {
  afterEach(() => {
    const problems = specCheck.problems.splice(0);
    expect(problems, "every body the fake sent is valid against Clerk's spec").toEqual([]);
  });
  afterAll(() => {
    console.log(`[spec-check] ${label}: ${specCheck.validated} response bodies validated against bapi-2026-05-12.yml`);
  });
}

export interface Harness {
  readonly fake: ClerkFake;
  readonly core: ClerkCore;
  readonly fetch: Fetch;
}

/** A fake and a ClerkCore that talks to it through the checking fetch (no retries unless asked). */
export function harness(options: ClerkFakeOptions = {}, coreOptions: ClerkCoreOptions = {}): Harness {
  const fake = createClerkFake(options);
  const fetch = checkedFetch(fake.fetch);
  const core = new ClerkCore({
    bearerAuth: fake.secretKey,
    serverUrl: fake.serverUrl,
    fetch,
    retryConfig: { strategy: "none" },
    ...coreOptions,
  });
  return { fake, core, fetch };
}
