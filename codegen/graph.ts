// Strongly connected components (Tarjan), iterated in sorted order so results are stable.
export function scc(nodes: readonly string[], edges: (n: string) => readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const comp = new Map<string, number>();
  let next = 0;
  let compNo = 0;
  const visit = (n: string) => {
    index.set(n, next);
    low.set(n, next);
    next++;
    stack.push(n);
    onStack.add(n);
    for (const m of edges(n)) {
      if (!index.has(m)) {
        visit(m);
        low.set(n, Math.min(low.get(n)!, low.get(m)!));
      } else if (onStack.has(m)) low.set(n, Math.min(low.get(n)!, index.get(m)!));
    }
    if (low.get(n) === index.get(n)) {
      for (;;) {
        const m = stack.pop()!;
        onStack.delete(m);
        comp.set(m, compNo);
        if (m === n) break;
      }
      compNo++;
    }
  };
  for (const n of [...nodes].sort()) if (!index.has(n)) visit(n);
  return comp;
}
