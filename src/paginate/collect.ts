import type { ClerkCore } from "../core.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import type { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import { err, ok } from "../types/result.js";
import type { Result } from "../types/result.js";
import { missingMaxItems } from "./checks.js";
import { paginate } from "./paginate.js";
import type { CollectArgs, ItemOf, ListFunction, PageError, PaginateArgs } from "./types.js";

/**
 * Every item of a list operation, up to `maxItems` (required, so nobody loads a
 * million users by accident), as one array: the pages of `paginate` joined.
 * The first failed page is the Result; nothing gathered before it is returned.
 */
export async function collect<F extends ListFunction>(
  fn: F,
  core: ClerkCore,
  ...[request, options]: CollectArgs<F>
): Promise<Result<ItemOf<F>[], PageError<F> | InvalidRequestError | UnexpectedClientError>> {
  const missing = missingMaxItems(options);
  if (missing) return err(new InvalidRequestError([missing]));
  const items: ItemOf<F>[] = [];
  for await (const page of paginate(fn, core, ...([request, options] as PaginateArgs<F>))) {
    if (!page.ok) return page;
    for (const item of page.value) items.push(item);
  }
  return ok(items);
}
