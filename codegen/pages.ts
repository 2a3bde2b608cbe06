// Pagination facts of list operations (those that take `limit` and `offset`),
// for src/lib/pagination.ts's PageInfo: the shape of the answer, the largest
// `limit`, the property that identifies an item, and the cursor parameter
// (`starting_after`, the id of the last item of the previous page) where there is one.
import type { RepairLog } from "./log.js";
import type { Model, Node, Op, Page } from "./ir.js";

/** A model alias followed to what it stands for: `SessionList` → `Array<Session>`. */
function resolveAlias(node: Node, models: ReadonlyMap<string, Model>): Node {
  let n = node;
  for (
    let m = n.k === "model" ? models.get(n.id) : undefined;
    m?.alias;
    m = n.k === "model" ? models.get(n.id) : undefined
  )
    n = m.alias;
  return n;
}

/**
 * The page facts of `op`, or undefined when it is not a list operation. For a
 * bare-array answer with a `paginated` parameter the shape is "flag": Clerk
 * then answers `{ data, total_count }` although the spec declares only the
 * array; the caller models that envelope from `items`.
 */
export function pageOf(op: Op, models: ReadonlyMap<string, Model>, log: RepairLog): Omit<Page, "envelope"> | undefined {
  const limit = op.query.find((p) => p.wire === "limit");
  if (!limit || !op.query.some((p) => p.wire === "offset") || op.response.kind !== "json") return undefined;
  const maxLimit = limit.node.k === "number" ? limit.node.c.maximum : undefined;
  const cursor = op.query.find((p) => p.wire === "starting_after")?.name;
  const body = resolveAlias(op.response.node, models);
  let shape: Page["shape"];
  let items: Node | undefined;
  let itemsField: string | undefined;
  if (body.k === "array") {
    items = body.items;
    shape = op.query.some((p) => p.wire === "paginated") ? "flag" : "array";
    if (shape === "flag") {
      log.add(
        op.id,
        `"paginated: true" answers { data, total_count } but the spec declares only the bare array: both forms decoded, the value's type follows the request`,
      );
    }
  } else if (body.k === "model") {
    // The envelope: one array property next to `total_count`.
    const props = models.get(body.id)?.props ?? [];
    const list = props.find((p) => resolveAlias(p.node, models).k === "array");
    if (list && props.some((p) => p.wire === "total_count")) {
      items = (resolveAlias(list.node, models) as Node & { k: "array" }).items;
      if (list.name !== "data") itemsField = list.name;
    }
    shape = "envelope";
  } else shape = "array";
  const item = items && resolveAlias(items, models);
  const itemProps = (item?.k === "model" && models.get(item.id)?.props) || [];
  // `id` where the item has one; else the first required `*_id` (an OAuth access token's external_account_id).
  const idProp = itemProps.find((p) => p.wire === "id") ?? itemProps.find((p) => p.required && p.wire.endsWith("_id"));
  if (!items || !idProp)
    throw new Error(`${op.fn}: takes limit and offset, but its response has no list of items with an id`);
  return {
    shape,
    idField: idProp.name,
    items,
    ...(maxLimit !== undefined ? { maxLimit } : {}),
    ...(itemsField ? { itemsField } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
