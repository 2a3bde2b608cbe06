// src/testing/request-fields.ts is a table of the spec's request body fields, kept in the
// package because the fake ships without the spec. It must equal the spec's request schemas.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { requestFieldsOf } from "../../src/testing/request-fields.js";
import { SPEC_OPERATIONS } from "../../src/testing/operations.js";
import { SPEC_PATH } from "./support/spec-check.js";

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML

describe("src/testing/request-fields.ts", () => {
  it("lists, for every operation with a JSON body, exactly the fields of its request schema", () => {
    const spec = parse(readFileSync(SPEC_PATH, "utf8")) as Node;
    const deref = (node: Node | undefined): Node | undefined => {
      let current = node;
      while (current?.["$ref"]) {
        current = (current["$ref"] as string)
          .replace(/^#\//, "")
          .split("/")
          .reduce<Node>((at, key) => at[key] as Node, spec);
      }
      return current;
    };
    const fromSpec = new Map<string, string[]>();
    for (const item of Object.values(spec["paths"] as Node)) {
      for (const operation of Object.values(item as Node) as Node[]) {
        const body = deref(operation["requestBody"] as Node | undefined);
        const json = body?.["content"]?.["application/json"];
        if (!operation["operationId"] || !json) continue;
        let schema = deref(json["schema"] as Node);
        if (schema?.["type"] === "array") schema = deref(schema["items"] as Node);
        fromSpec.set(operation["operationId"] as string, Object.keys((schema?.["properties"] as Node) ?? {}).sort());
      }
    }
    expect(fromSpec.size).toBeGreaterThan(100);
    for (const line of SPEC_OPERATIONS) {
      const operationId = line.split(" ")[2] ?? "";
      const table = requestFieldsOf(operationId);
      expect(table ? [...table].sort() : undefined, operationId).toEqual(fromSpec.get(operationId));
    }
  });
});
