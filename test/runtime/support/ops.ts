// Hand-written operation descriptors in the shape the generator emits, so the
// runtime is tested without depending on generated code.
import * as v from "valibot";
import type { ClerkCore } from "../../../src/core.js";
import { binary } from "../../../src/lib/binary.js";
import type { Binary } from "../../../src/lib/binary.js";
import { jsonBody, multipartBody } from "../../../src/lib/encode.js";
import type { Operation } from "../../../src/lib/operation.js";
import { formQuery } from "../../../src/lib/query.js";
import { call } from "../../../src/lib/request.js";
import type { RequestOptions } from "../../../src/lib/request.js";
import { discriminated, freeForm, inbound, openEnum, outbound } from "../../../src/lib/schema.js";
import type { OperationErrors } from "../../../src/errors/index.js";
import type { Result } from "../../../src/types/index.js";

export interface Verification {
  status: "verified" | "unverified" | (string & {});
  strategy: string;
  expireAt: number | null;
}
export interface EmailAddress {
  id: string;
  emailAddress: string;
  verification: Verification | null;
}
export interface User {
  id: string;
  firstName: string | null;
  createdAt: number;
  emailAddresses: EmailAddress[];
  publicMetadata: Record<string, unknown>;
  privateMetadata?: Record<string, unknown> | undefined;
}

const Verification$inbound = discriminated<Verification>(
  "strategy",
  {
    email_code: inbound<Verification>({
      status: ["status", openEnum(["verified", "unverified"])],
      strategy: ["strategy", v.string()],
      expireAt: ["expire_at", v.nullable(v.number())],
    }),
  },
  inbound<Verification>({
    status: ["status", openEnum(["verified", "unverified"])],
    strategy: ["strategy", v.string()],
    expireAt: ["expire_at", v.nullable(v.number())],
  }),
);
const EmailAddress$inbound = inbound<EmailAddress>({
  id: ["id", v.string()],
  emailAddress: ["email_address", v.string()],
  verification: ["verification", v.nullable(Verification$inbound)],
});
export const User$inbound = inbound<User>({
  id: ["id", v.string()],
  firstName: ["first_name", v.nullable(v.string())],
  createdAt: ["created_at", v.number()],
  emailAddresses: ["email_addresses", v.array(EmailAddress$inbound)],
  publicMetadata: ["public_metadata", freeForm<Record<string, unknown>>()],
  privateMetadata: ["private_metadata", v.optional(freeForm())],
});

export interface UsersGetRequest {
  userId: string;
}
const usersGetOp: Operation = {
  id: "GetUser",
  method: "GET",
  path: "/users/{user_id}",
  pathParams: ["user_id"],
  input: outbound<UsersGetRequest>({ userId: ["user_id", v.string()] }),
  responses: { "200": User$inbound },
};
export function usersGet(
  core: ClerkCore,
  request: UsersGetRequest,
  options?: RequestOptions,
): Promise<Result<User, OperationErrors>> {
  return call(core, usersGetOp, request, options);
}

export interface UsersListRequest {
  emailAddress?: string[] | undefined;
  userId?: string[] | undefined;
  query?: string | undefined;
  banned?: boolean | undefined;
  limit?: number | undefined;
}
const usersListOp: Operation = {
  id: "GetUserList",
  method: "GET",
  path: "/users",
  query: formQuery([
    { name: "email_address" },
    { name: "user_id", comma: true },
    { name: "query" },
    { name: "banned" },
    { name: "limit" },
  ]),
  input: outbound<UsersListRequest>({
    emailAddress: ["email_address", v.optional(v.array(v.string()))],
    userId: ["user_id", v.optional(v.array(v.string()))],
    query: ["query", v.optional(v.string())],
    banned: ["banned", v.optional(v.boolean())],
    limit: ["limit", v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)))],
  }),
  responses: { "200": v.array(User$inbound) },
};
export function usersList(
  core: ClerkCore,
  request?: UsersListRequest,
  options?: RequestOptions,
): Promise<Result<User[], OperationErrors>> {
  return call(core, usersListOp, request, options);
}

export interface CreateUserBody {
  firstName?: string | undefined;
  emailAddress?: string[] | undefined;
  publicMetadata?: Record<string, unknown> | undefined;
  profile?: { nickName: string; pets: { petName: string; legCount: number | null }[] } | null | undefined;
}
export interface UsersCreateRequest {
  requestBody: CreateUserBody;
}
const usersCreateOp: Operation = {
  id: "CreateUser",
  method: "POST",
  path: "/users",
  body: jsonBody,
  input: outbound<UsersCreateRequest>({
    requestBody: [
      "requestBody",
      outbound<CreateUserBody>({
        firstName: ["first_name", v.optional(v.string())],
        emailAddress: ["email_address", v.optional(v.array(v.string()))],
        publicMetadata: ["public_metadata", v.optional(freeForm())],
        profile: [
          "profile",
          v.nullish(
            outbound<NonNullable<CreateUserBody["profile"]>>({
              nickName: ["nick_name", v.string()],
              pets: [
                "pets",
                v.array(
                  outbound({ petName: ["pet_name", v.string()], legCount: ["leg_count", v.nullable(v.number())] }),
                ),
              ],
            }),
          ),
        ],
      }),
    ],
  }),
  responses: { "200": User$inbound },
};
export function usersCreate(
  core: ClerkCore,
  request: UsersCreateRequest,
  options?: RequestOptions,
): Promise<Result<User, OperationErrors>> {
  return call(core, usersCreateOp, request, options);
}

const usersDeleteOp: Operation = {
  id: "DeleteUser",
  method: "DELETE",
  path: "/users/{user_id}",
  pathParams: ["user_id"],
  input: outbound<UsersGetRequest>({ userId: ["user_id", v.string()] }),
  responses: { "204": "empty" },
};
export function usersDelete(
  core: ClerkCore,
  request: UsersGetRequest,
  options?: RequestOptions,
): Promise<Result<void, OperationErrors>> {
  return call(core, usersDeleteOp, request, options);
}

export interface ProfileImageRequest {
  userId: string;
  requestBody: { file: Binary; note?: string | undefined };
}
const profileImageOp: Operation = {
  id: "SetUserProfileImage",
  method: "POST",
  path: "/users/{user_id}/profile_image",
  pathParams: ["user_id"],
  body: multipartBody,
  input: outbound<ProfileImageRequest>({
    userId: ["user_id", v.string()],
    requestBody: [
      "requestBody",
      outbound<ProfileImageRequest["requestBody"]>({
        file: ["file", binary()],
        note: ["note", v.optional(v.string())],
      }),
    ],
  }),
  responses: { "200": User$inbound },
};
export function usersSetProfileImage(
  core: ClerkCore,
  request: ProfileImageRequest,
  options?: RequestOptions,
): Promise<Result<User, OperationErrors>> {
  return call(core, profileImageOp, request, options);
}
