// The ways of exporting every user that bench/speed/export.mjs times, all on
// clerk-fn's usersList so only the walk differs. Bundled for Node by the runner.
import { ClerkCore, slidingWindow } from "../../../src/core.js";
import { usersList } from "../../../src/funcs/usersList.js";
import { listable } from "../../../src/lib/pagination.js";
import { paginate } from "../../../src/paginate/index.js";

export interface ExportRun {
  /** Distinct user ids received. */
  readonly users: number;
  /** Users received more than once (and dropped). */
  readonly repeats: number;
}

const DEV_INSTANCE = { requests: 100, perMs: 10_000 };

/** paginate, with or without the core's rateLimit. */
export async function withPaginate(serverUrl: string, rateLimited: boolean): Promise<ExportRun> {
  const clerk = new ClerkCore({
    serverUrl,
    bearerAuth: "sk_test_bench",
    ...(rateLimited && { rateLimit: slidingWindow(DEV_INSTANCE) }),
  });
  let users = 0;
  for await (const page of paginate(usersList, clerk, { orderBy: "created_at" })) {
    if (!page.ok) throw page.error;
    users += page.value.length;
  }
  return { users, repeats: 0 };
}

/**
 * The loop export scripts are written with: pages of 100 by offset until a
 * short page, de-duplicated by id. It keeps clerk-fn's default retries (a 429
 * waits for Retry-After); a script on a client without them also needs its own.
 */
export async function handWrittenLoop(serverUrl: string): Promise<ExportRun> {
  const clerk = new ClerkCore({ serverUrl, bearerAuth: "sk_test_bench" });
  const seen = new Set<string>();
  let repeats = 0;
  for (let offset = 0; ; offset += 100) {
    const page = await usersList(clerk, { limit: 100, offset, orderBy: "created_at" });
    if (!page.ok) throw page.error;
    for (const user of page.value) {
      if (seen.has(user.id)) repeats++;
      seen.add(user.id);
    }
    if (page.value.length < 100) break;
  }
  return { users: seen.size, repeats };
}

/**
 * usersList without its cursor: the same function, but paginate walks it by
 * offset, as it walks every list whose order or operation allows no cursor.
 */
const usersListByOffset = listable((...args: Parameters<typeof usersList>) => usersList(...args), {
  ...usersList.page,
  cursor: undefined,
});

export interface TimedWalk extends ExportRun {
  /** performance.now() when the walk started, then when each page arrived. */
  readonly times: readonly number[];
  /** Per request, ms from sending it to the response's headers: the server's part of a page. */
  readonly waits: readonly number[];
}

/**
 * Every user (or the first `maxItems`), oldest first, in pages of 500, by
 * cursor (usersList's own walk in created_at order) or by offset.
 */
export async function walkEveryUser(
  serverUrl: string,
  by: "cursor" | "offset",
  maxItems = Infinity,
): Promise<TimedWalk> {
  const waits: number[] = [];
  const timedFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const sent = performance.now();
    const response = await fetch(input, init);
    waits.push(performance.now() - sent);
    return response;
  };
  const clerk = new ClerkCore({ serverUrl, bearerAuth: "sk_test_bench", fetch: timedFetch });
  const seen = new Set<string>();
  let repeats = 0;
  const times = [performance.now()];
  const fn = by === "cursor" ? usersList : usersListByOffset;
  for await (const page of paginate(fn, clerk, { orderBy: "created_at" }, { maxItems })) {
    if (!page.ok) throw page.error;
    times.push(performance.now());
    for (const user of page.value) {
      if (seen.has(user.id)) repeats++;
      seen.add(user.id);
    }
  }
  return { users: seen.size, repeats, times, waits };
}
