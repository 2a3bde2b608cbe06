import { expect, test } from "vitest";
import { CoverageReport } from "./report.js";

test("the coverage report totals each column and ends with `N passed, M failed`", () => {
  const report = new CoverageReport(["usersGet", "jwksGetJWKS"]);
  for (const c of ["minimal", "maximal", "dynamic", "strict"] as const) {
    report.record("usersGet", c, { status: "pass" });
    report.record("jwksGetJWKS", c, { status: "pass" });
  }
  report.record("usersGet", "static", { status: "allowlisted", cause: "Prism's example is {}" });
  report.record("usersGet", "errors", { status: "fail", cause: "404: APIError instead of ClerkErrors" });
  report.record("jwksGetJWKS", "static", { status: "pass" });
  report.record("jwksGetJWKS", "errors", { status: "n/a" });
  const text = report.render();
  expect(text).toMatch(/^static\s+1\s+0\s+1\s+0\s+0$/m);
  expect(text).toMatch(/^errors\s+0\s+1\s+0\s+1\s+0$/m);
  expect(text).toContain("1  errors: 404: APIError instead of ClerkErrors  (usersGet)");
  expect(text).toContain("1  static: Prism's example is {}  (usersGet)");
  expect(text.split("\n").at(-1)).toBe("9 passed, 1 failed (1 allowlisted, 1 n/a, 0 not run)");
  expect(text).not.toMatch(/^\s+jwksGetJWKS/m);
  expect(report.render(true)).toMatch(/^\s+jwksGetJWKS/m);
});
