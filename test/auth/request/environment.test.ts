import { expect, it } from "vitest";

// Guards the edge project: this suite must really run with edge-runtime globals there.
it("runs with the globals of its project's environment", ({ task }) => {
  const edge = typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === "string";
  expect(edge).toBe(task.file.projectName === "auth-edge");
  expect(typeof crypto.subtle.verify).toBe("function");
});
