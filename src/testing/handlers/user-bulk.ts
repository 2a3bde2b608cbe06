// Banning and unbanning many users at once (UsersBan / UsersUnban): every id is checked
// before any user changes, so a bad id leaves them all as they were.
import type { HandlerContext, Handlers } from "../context.js";
import { FakeApiError, formatInvalid } from "../errors.js";
import type { UserRecord } from "../store.js";
import { validateBody } from "../validate.js";
import { touchUser } from "./lookup.js";
import { revokeSessionsOf } from "./session-actions.js";
import { renderUser } from "./render-user.js";

function setBanned(banned: boolean) {
  return (ctx: HandlerContext) => {
    const body = validateBody(ctx.body, { user_ids: { type: "string[]", required: true } });
    const ids = body["user_ids"] as string[];
    if (ids.length < 1 || ids.length > 50) throw formatInvalid("user_ids", "must list 1 to 50 user ids");
    const users = ids.map((id): UserRecord => {
      const user = ctx.store.users.get(id);
      // The spec declares no 404 here: an unknown id is a bad request.
      if (!user)
        throw new FakeApiError(400, [
          {
            code: "resource_not_found",
            message: "not found",
            long_message: `No user has the id ${id}.`,
            meta: { param_name: "user_ids" },
          },
        ]);
      return user;
    });
    return users.map((user) => {
      user.banned = banned;
      touchUser(ctx, user);
      if (banned) revokeSessionsOf(ctx, user.id);
      const rendered = renderUser(ctx, user);
      ctx.emit("user.updated", rendered);
      return rendered;
    });
  };
}

export const userBulkHandlers: Handlers = {
  UsersBan: setBanned(true),
  UsersUnban: setBanned(false),
};
