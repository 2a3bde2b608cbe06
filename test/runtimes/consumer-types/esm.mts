// Type-checked in the scratch project under node16, nodenext and bundler resolution (types.test.ts).
// skipLibCheck is on (checking lib.dom and valibot costs a minute); a declaration that
// failed to resolve would turn into `any`, which the NotAny checks below reject.
import { ClerkCore } from "clerk-fn/core";
import { usersGet } from "clerk-fn/funcs/usersGet";
import { usersList } from "clerk-fn/funcs";
import { ClerkErrors } from "clerk-fn/errors";
import type { RetryConfig } from "clerk-fn/retries";
import { unwrap, type Result } from "clerk-fn/types";
import type { User } from "clerk-fn/models/components";
import type { UsersListRequest } from "clerk-fn/models/operations";
import { authenticateRequest } from "clerk-fn/auth";
import { verifyWebhook } from "clerk-fn/webhooks";
import * as root from "clerk-fn";

type NotAny<T> = 0 extends 1 & T ? "resolved to any" : T;
declare function notAny<T>(value: NotAny<T>): void;

const core = new ClerkCore({ bearerAuth: "sk_test_x" });
const retries: RetryConfig = { strategy: "none" };
const res = await usersGet(core, { userId: "user_1" }, { retries });
notAny(res);
if (res.ok) {
  const user: User = res.value;
  notAny(user.createdAt);
  user.createdAt.toFixed();
} else {
  notAny(res.error);
  if (res.error instanceof ClerkErrors) res.error.data.errors.length.toFixed();
}
const req: UsersListRequest = { userId: ["a"], limit: 1 };
const list: Result<User[], unknown> = await usersList(core, req);
notAny(unwrap(list));
notAny(await authenticateRequest(new Request("https://example.test")));
notAny(await verifyWebhook(new Request("https://example.test")));
notAny(root.usersGet);
notAny(root.components);
export {};
