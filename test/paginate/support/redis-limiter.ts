// The distributed limiter of docs/pagination.md ("One budget for many
// processes"), kept identical so the test checks what the guide shows.
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimiter } from "../../../src/core.js";

/** One shared budget of at most `requests` per `perMs` for every process using the same Redis key. */
export function redisLimiter(redis: Redis, key: string, requests: number, perMs: number): RateLimiter {
  // rate-limiter-flexible counts in fixed one-second windows that need not line up with Clerk's.
  // A window of perMs overlaps at most perMs / 1000 + 1 of them, so that many shares of the
  // budget can never add up to more than `requests`, however the windows fall.
  const perSecond = Math.floor(requests / (Math.ceil(perMs / 1000) + 1));
  const budget = new RateLimiterRedis({ storeClient: redis, keyPrefix: "clerk-api", points: perSecond, duration: 1 });
  return {
    async acquire(signal) {
      while (!signal?.aborted) {
        try {
          await budget.consume(key);
          return;
        } catch (refused) {
          // Out of points: wait until the window frees one. Anything else (Redis down) ends the call.
          if (!(refused instanceof RateLimiterRes)) throw refused;
          await sleep(refused.msBeforeNext, undefined, { signal }).catch(() => {}); // an abort ends the wait
        }
      }
    },
  };
}
