/**
 * A value's built-in type by its tag ("ArrayBuffer", "Date", "Object", …).
 * Unlike instanceof, it also recognises a value made in another realm (edge
 * VMs, iframes), where the caller's runtime may have built the body or date.
 */
export const tagOf = (value: unknown): string => Object.prototype.toString.call(value).slice(8, -1);
