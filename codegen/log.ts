/** Collects one line per repair the normalizer makes, so a new spec defect is visible. */
export class RepairLog {
  readonly lines: string[] = [];
  add(where: string, what: string): void {
    this.lines.push(`${where}: ${what}`);
  }
}
