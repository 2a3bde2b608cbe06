// verifyWebhook on a delivery the harness signed with the svix library.
import { check, valueOf } from "./check.mjs";

export function webhookScenarios(lib, fx) {
  // The delivery is signed once, in globalSetup; on a loaded machine a full run can reach these
  // scenarios more than the default 300 s later, so they allow an hour (what is tested here is that
  // verification works in each runtime; the tolerance itself is tested in test/webhooks).
  // (A function: the harness lists the scenario names before the fixtures exist.)
  const options = () => ({ signingSecret: fx.webhook.secret, toleranceSeconds: 3600 });
  const delivery = (body) =>
    new Request("https://app.example.test/webhooks", { method: "POST", headers: fx.webhook.headers, body });

  return {
    "verifyWebhook (svix-signed)": async () => {
      const event = valueOf(await lib.verifyWebhook(delivery(fx.webhook.body), options()), "verifyWebhook");
      check(event.type === "user.created" && event.data.id === "user_webhook", `event ${event.type}`);
      const tampered = await lib.verifyWebhook(
        delivery(fx.webhook.body.replace("user_webhook", "user_evil")),
        options(),
      );
      check(!tampered.ok && tampered.error.name === "WebhookVerificationError", "tampered body rejected");
    },
  };
}
