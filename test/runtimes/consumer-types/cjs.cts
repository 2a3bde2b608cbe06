// Type-checked as CommonJS under node16 and nodenext (types.test.ts): every import
// below resolves through the "require" condition to .d.cts files.
import { ClerkCore } from "clerk-fn/core";
import { usersList } from "clerk-fn/funcs/usersList";
import { ClerkErrors } from "clerk-fn/errors";
import { authenticateRequest } from "clerk-fn/auth";
import { verifyWebhook } from "clerk-fn/webhooks";
import root = require("clerk-fn");

type NotAny<T> = 0 extends 1 & T ? "resolved to any" : T;
declare function notAny<T>(value: NotAny<T>): void;

async function main(): Promise<number> {
  const res = await usersList(new ClerkCore({}), { userId: ["a"] });
  notAny(res);
  if (!res.ok && res.error instanceof ClerkErrors) return res.error.statusCode;
  notAny(authenticateRequest);
  notAny(verifyWebhook);
  notAny(root.usersGet);
  return root.unwrap(res).length;
}
void main;
