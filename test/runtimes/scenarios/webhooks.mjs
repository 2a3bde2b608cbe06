// verifyWebhook on a delivery the harness signed with the svix library.
import { check, valueOf } from "./check.mjs";

export function webhookScenarios(lib, fx) {
  const delivery = (body) =>
    new Request("https://app.example.test/webhooks", { method: "POST", headers: fx.webhook.headers, body });

  return {
    "verifyWebhook (svix-signed)": async () => {
      const event = valueOf(
        await lib.verifyWebhook(delivery(fx.webhook.body), { signingSecret: fx.webhook.secret }),
        "verifyWebhook",
      );
      check(event.type === "user.created" && event.data.id === "user_webhook", `event ${event.type}`);
      const tampered = await lib.verifyWebhook(delivery(fx.webhook.body.replace("user_webhook", "user_evil")), {
        signingSecret: fx.webhook.secret,
      });
      check(!tampered.ok && tampered.error.name === "WebhookVerificationError", "tampered body rejected");
    },
  };
}
