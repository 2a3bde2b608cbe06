// `clerk-fn/paginate`: walk every page of a list operation.
export { paginate } from "./paginate.js";
export { collect } from "./collect.js";
export type {
  CollectOptions,
  ItemOf,
  ListFunction,
  PageError,
  PageRequest,
  PaginateOptions,
  PaginateArgs,
  CollectArgs,
} from "./types.js";
export type { PageInfo } from "../lib/pagination.js";
export type { RateLimit, RateLimiter } from "../lib/rate-limit.js";
