// Without @clerk/backend and without declarations, the maps are exactly today's type.
import type { User } from "clerk-fn/models/components";
import type { UsersUpdateMetadataRequestBody } from "clerk-fn/models/operations";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type Exact = [
  Expect<Equal<User["publicMetadata"], Record<string, unknown>>>,
  Expect<Equal<UsersUpdateMetadataRequestBody["unsafeMetadata"], Record<string, unknown> | undefined>>,
];
