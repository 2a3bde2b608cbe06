// Brings @clerk/backend (and so @clerk/shared's declarations) into the undeclared app.
import type { User as BackendUser } from "@clerk/backend";
import type { User } from "clerk-fn/models/components";

export function interchange(ours: User, theirs: BackendUser): [BackendUser["publicMetadata"], User["publicMetadata"]] {
  return [ours.publicMetadata, theirs.publicMetadata];
}
