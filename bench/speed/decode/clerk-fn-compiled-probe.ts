import { UserList$inbound } from "../../../src/models/components/userList.js";
import { FAIL, compile } from "../compiled-probe.js";

// Same schemas as clerk-fn, run through closures compiled once (see compiled-probe.ts).
const decodeUsers = compile(UserList$inbound as never);

export function decode(json: unknown) {
  const out = decodeUsers(json);
  if (out === FAIL) throw new Error("the compiled probe rejected the body");
  return out as unknown[];
}
