/** Clerk signs session tokens with RSA; every other algorithm is refused. */
export const SESSION_ALGORITHMS = ["RS256", "RS384", "RS512"] as const;

export type SessionAlgorithm = (typeof SESSION_ALGORITHMS)[number];

export function isSessionAlgorithm(alg: unknown): alg is SessionAlgorithm {
  return (SESSION_ALGORITHMS as readonly unknown[]).includes(alg);
}
