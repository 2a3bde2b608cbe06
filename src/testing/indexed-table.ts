// A Map of records that also keeps them grouped by an owner id (a user, an organization), so
// "this user's email addresses" or "this organization's members" is a lookup, not a scan of
// the whole table. Listing 4,000 users went quadratic without it (docs/testing.md).
// The grouping keys must be fields that never change after the record is stored.

export class IndexedTable<T extends { readonly id: string }, K extends string> extends Map<string, T> {
  private readonly groups = new Map<K, Map<string, Map<string, T>>>();

  constructor(private readonly ownerOf: Readonly<Record<K, (record: T) => string>>) {
    super();
    for (const key of Object.keys(ownerOf) as K[]) this.groups.set(key, new Map());
  }

  override set(id: string, record: T): this {
    this.unindex(id);
    super.set(id, record);
    for (const [key, group] of this.groups) {
      const owner = this.ownerOf[key](record);
      let records = group.get(owner);
      if (!records) group.set(owner, (records = new Map()));
      records.set(id, record);
    }
    return this;
  }

  override delete(id: string): boolean {
    this.unindex(id);
    return super.delete(id);
  }

  override clear(): void {
    super.clear();
    for (const group of this.groups.values()) group.clear();
  }

  /** The records whose `key` is `owner`, in insertion order. */
  by(key: K, owner: string): T[] {
    return [...(this.groups.get(key)?.get(owner)?.values() ?? [])];
  }

  /** How many records have `key` = `owner`. */
  countBy(key: K, owner: string): number {
    return this.groups.get(key)?.get(owner)?.size ?? 0;
  }

  private unindex(id: string): void {
    const old = super.get(id);
    if (!old) return;
    for (const [key, group] of this.groups) {
      const owner = this.ownerOf[key](old);
      const records = group.get(owner);
      records?.delete(id);
      if (records?.size === 0) group.delete(owner);
    }
  }
}
