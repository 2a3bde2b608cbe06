// Small statistics helpers: medians and spreads, nothing clever.
export function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
export const median = (values) => quantile(values, 0.5);

/** "median (p25–p75)" with the given digits. */
export function spread(values, digits = 2) {
  return `${median(values).toFixed(digits)} (${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)})`;
}

/** Runs `fn` for `rounds`, each round visiting `names` in a rotated order so drift hits all alike. */
export async function interleave(names, rounds, fn) {
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) await fn(names[(i + r) % names.length], r);
  }
}
