// One isolate's worth of requests: POST { serverUrl, secretKey, token, n } runs n
// concurrent authenticateRequest calls with the Cache API store and answers with
// how many were signed in. GET /count?url=… relays the stand-in's JWKS count.
import { authenticateRequest, cacheApiJwksStore } from "../../../src/auth/index.js";

interface Burst {
  readonly serverUrl: string;
  readonly secretKey: string;
  readonly token: string;
  readonly n: number;
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/count") return fetch(url.searchParams.get("url")!);
    const { serverUrl, secretKey, token, n } = (await request.json()) as Burst;
    const jwksStore = cacheApiJwksStore();
    const states = await Promise.all(
      Array.from({ length: n }, () =>
        authenticateRequest(
          new Request("https://app.example.test/", { headers: { authorization: `Bearer ${token}` } }),
          {
            secretKey,
            serverUrl,
            jwksStore,
            retries: { strategy: "none" },
          },
        ),
      ),
    );
    return Response.json({
      signedIn: states.filter((s) => s.isAuthenticated).length,
      reasons: [...new Set(states.map((s) => s.reason))],
    });
  },
};
