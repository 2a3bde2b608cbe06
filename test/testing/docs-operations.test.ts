// docs/testing.md lists the operations the fake serves; this keeps the list equal to the code's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODELLED_OPERATIONS } from "../../src/testing/index.js";

const DOC = readFileSync(new URL("../../docs/testing.md", import.meta.url), "utf8");

describe("docs/testing.md", () => {
  it("lists exactly MODELLED_OPERATIONS, with their count", () => {
    const section = /<!-- modelled-operations:start -->([\s\S]*?)<!-- modelled-operations:end -->/.exec(DOC)?.[1] ?? "";
    const listed = [...section.matchAll(/`([A-Za-z0-9]+)`/g)].map((match) => match[1]);
    expect(listed, "regenerate the list in docs/testing.md from MODELLED_OPERATIONS").toEqual([...MODELLED_OPERATIONS]);
    expect(DOC).toContain(`The ${MODELLED_OPERATIONS.length} operationIds the fake serves`);
  });
});
