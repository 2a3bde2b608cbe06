/**
 * The coverage table: operations × checks. Cells are filled by the tests and
 * printed once at the end of the run.
 */
export const COLUMNS = ["minimal", "maximal", "static", "dynamic", "strict", "errors"] as const;
export type Column = (typeof COLUMNS)[number];

export type CellStatus = "pass" | "fail" | "allowlisted" | "n/a";

export interface Cell {
  readonly status: CellStatus;
  readonly cause?: string;
  readonly detail?: string;
}

export class CoverageReport {
  private readonly rows = new Map<string, Partial<Record<Column, Cell>>>();

  constructor(operations: readonly string[]) {
    for (const name of [...operations].sort()) this.rows.set(name, {});
  }

  record(op: string, column: Column, cell: Cell): void {
    const row = this.rows.get(op) ?? {};
    row[column] = cell;
    this.rows.set(op, row);
  }

  /** Totals, failures grouped by cause, failing rows; the full matrix when `full`. */
  render(full = false): string {
    const lines: string[] = [`Contract coverage: ${this.rows.size} operations × {${COLUMNS.join(", ")}}`];
    const totals = COLUMNS.map((c) => {
      const counts = { pass: 0, fail: 0, allowlisted: 0, "n/a": 0, missing: 0 };
      for (const row of this.rows.values()) counts[row[c]?.status ?? "missing"]++;
      return [c, counts] as const;
    });
    lines.push(
      `${"check".padEnd(9)} ${"passed".padStart(6)} ${"failed".padStart(6)} ${"allowl.".padStart(7)} ${"n/a".padStart(4)} ${"not run".padStart(7)}`,
    );
    for (const [c, n] of totals) {
      lines.push(
        `${c.padEnd(9)} ${String(n.pass).padStart(6)} ${String(n.fail).padStart(6)} ${String(n.allowlisted).padStart(7)} ${String(n["n/a"]).padStart(4)} ${String(n.missing).padStart(7)}`,
      );
    }
    for (const [status, title] of [
      ["fail", "Failures by cause:"],
      ["allowlisted", "Allowlisted (Prism's own response breaks the spec):"],
    ] as const) {
      const causes = new Map<string, string[]>();
      for (const [op, row] of this.rows) {
        for (const c of COLUMNS) {
          const cell = row[c];
          if (cell?.status !== status) continue;
          const key = `${c}: ${cell.cause ?? "?"}`;
          causes.set(key, [...(causes.get(key) ?? []), op]);
        }
      }
      if (causes.size === 0) continue;
      lines.push("", title);
      for (const [cause, ops] of [...causes].sort((a, b) => b[1].length - a[1].length)) {
        lines.push(
          `  ${String(ops.length).padStart(4)}  ${cause}  (${ops.slice(0, 6).join(", ")}${ops.length > 6 ? ", …" : ""})`,
        );
      }
    }
    const mark = { pass: "✓", fail: "✗", allowlisted: "A", "n/a": "-" } as const;
    const rowsToShow = [...this.rows].filter(
      ([, row]) => full || COLUMNS.some((c) => row[c]?.status === "fail" || row[c]?.status === "allowlisted"),
    );
    if (rowsToShow.length > 0) {
      lines.push("", full ? "All operations:" : "Operations with failures or allowlisted checks:");
      const width = Math.max(...rowsToShow.map(([op]) => op.length));
      lines.push(`  ${"".padEnd(width)}  ${COLUMNS.map((c) => c.slice(0, 3)).join(" ")}`);
      for (const [op, row] of rowsToShow) {
        lines.push(
          `  ${op.padEnd(width)}  ${COLUMNS.map((c) => ` ${row[c] ? mark[row[c]!.status] : "?"} `).join(" ")}`,
        );
      }
    }
    const all = [...this.rows.values()].flatMap((row) => COLUMNS.map((c) => row[c]));
    const passed = all.filter((c) => c?.status === "pass").length;
    const failed = all.filter((c) => c?.status === "fail").length;
    const allowed = all.filter((c) => c?.status === "allowlisted").length;
    const notRun = all.filter((c) => c === undefined).length;
    lines.push(
      "",
      `${passed} passed, ${failed} failed (${allowed} allowlisted, ${all.length - passed - failed - allowed - notRun} n/a, ${notRun} not run)`,
    );
    return lines.join("\n");
  }
}
