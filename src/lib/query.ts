import { err, ok } from "../types/result.js";
import type { QueryEncoder } from "./operation.js";
import { scalar, unencodable } from "./url.js";

/** One query parameter by wire name. */
export interface QueryParam {
  readonly name: string;
  /** `true` for `explode: false` arrays, sent as `a=1,2`. */
  readonly comma?: boolean;
}

/**
 * The encoder for an operation's query parameters, in form style: `a=1&a=2`
 * for arrays (`a=1,2` for `comma` params), booleans as true/false, Dates as
 * ISO strings, objects as JSON; undefined and null are left out. An imported
 * value in the descriptor, so an operation without a query ships none of this.
 */
export function formQuery(params: readonly QueryParam[]): QueryEncoder {
  return (wire) => {
    let query = "";
    // Names are the spec's wire names (plain identifiers): only values need encoding.
    for (const { name, comma } of params) {
      const values = [wire[name]].flat().filter((item) => item != null);
      const items = values.map(scalar);
      if (items.includes(undefined)) return err(unencodable(name));
      // A comma param sends its items as one value (none at all when there are none).
      for (const item of comma && items.length ? [items.join()] : items) query += `&${name}=${item}`;
    }
    // The first "&" becomes the "?" that starts the query.
    return ok(query.replace("&", "?"));
  };
}
