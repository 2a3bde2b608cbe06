// The `url` of an invitation: the link that accepts it, on the instance's Frontend API, with
// a one-time ticket (Clerk's redirect_url is where the user lands after accepting, not the url).
import type { HandlerContext } from "../context.js";
import { secret } from "../ids.js";

export const acceptLink = (ctx: HandlerContext): string =>
  `${ctx.issuer}/v1/tickets/accept?ticket=${secret("tkt_", 40)}`;
