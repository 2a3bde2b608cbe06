// authenticateRequest with session tokens the harness signed with jose (RS256).
import { check } from "./check.mjs";

export function authScenarios(lib, fx) {
  const request = (token) =>
    new Request("https://app.example.test/dashboard", { headers: { authorization: `Bearer ${token}` } });

  return {
    "authenticateRequest networkless (jwtKey)": async () => {
      const state = await lib.authenticateRequest(request(fx.sessionToken), {
        jwtKey: fx.jwtPublicKeyPem,
        authorizedParties: [fx.authorizedParty],
      });
      check(state.status === "signed-in", `status ${state.status} (${state.reason}: ${state.message})`);
      check(state.toAuth().userId === fx.sessionUserId, "userId from the token");
      const forged = await lib.authenticateRequest(request(fx.forgedToken), { jwtKey: fx.jwtPublicKeyPem });
      check(forged.status === "signed-out" && forged.reason === "token-invalid-signature", `forged: ${forged.reason}`);
    },

    "authenticateRequest via JWKS": async () => {
      const state = await lib.authenticateRequest(request(fx.sessionToken), {
        secretKey: fx.secretKey,
        serverUrl: fx.serverUrl,
        authorizedParties: [fx.authorizedParty],
      });
      check(state.status === "signed-in", `status ${state.status} (${state.reason}: ${state.message})`);
      const claims = await lib.verifyToken(fx.sessionToken, { secretKey: fx.secretKey, serverUrl: fx.serverUrl });
      check(claims.ok && claims.value.sub === fx.sessionUserId, "verifyToken via JWKS");
    },
  };
}
