// Finding a record of one of records.ts's tables by id (404 as Clerk answers when there is
// none), and the DeletedObject body Clerk answers a delete with.
import { notFound } from "../errors.js";

export function findRecord<T>(table: ReadonlyMap<string, T>, id: string, what: string): T {
  const record = table.get(id);
  if (record === undefined) throw notFound(what);
  return record;
}

export const deletedObject = (object: string, id: string) => ({ object, id, deleted: true });

/** A record without its creation sequence number (the tie-breaker is not on the wire). */
export function withoutSeq<T extends { readonly seq: number }>(record: T): Omit<T, "seq"> {
  const { seq: _seq, ...fields } = record;
  return fields;
}
