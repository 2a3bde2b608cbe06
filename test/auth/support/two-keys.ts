import { beforeAll } from "vitest";
import { makeKey, type TestKey } from "./keys.js";

/** Two signing keys (`a`, `b`) made once before the file's tests: a key set and its rotation. */
export function useTwoKeys(): { readonly a: TestKey; readonly b: TestKey } {
  const keys = {} as { a: TestKey; b: TestKey };
  beforeAll(async () => {
    [keys.a, keys.b] = await Promise.all([makeKey(), makeKey()]);
  });
  return keys;
}
