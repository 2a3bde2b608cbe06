import type { Result } from "../types/result.js";

/** What one attempt, and so one call, ends with before the caller's types are applied. */
export type Outcome = Result<unknown, Error>;
