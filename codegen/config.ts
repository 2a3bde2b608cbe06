// Where the generator finds Clerk's Backend API document, and what it must hash to.
export const SPEC_FILE_NAME = "bapi-2026-05-12.yml";
/** Relative to the repository root. */
export const SPEC_LOCAL_PATH = "../shared/openapi/bapi-2026-05-12.yml";
export const SPEC_UPSTREAM_URL =
  "https://raw.githubusercontent.com/clerk/openapi-specs/7987d1b776258d5ddd9163e1a03d256b5ac4d64a/bapi/2026-05-12.yml";
export const SPEC_SHA256 = "75df3a43fcb2d9fc4467a23c717714f5228aa3267b0930ba34612728365fd8f2";

export const WEBHOOKS_FILE_NAME = "webhooks-2025-04-15.yml";
export const WEBHOOKS_LOCAL_PATH = "../shared/openapi/webhooks-2025-04-15.yml";
export const WEBHOOKS_UPSTREAM_URL =
  "https://raw.githubusercontent.com/clerk/openapi-specs/7987d1b776258d5ddd9163e1a03d256b5ac4d64a/webhooks/2025-04-15.yml";
export const WEBHOOKS_SHA256 = "92f60e4e81612b088aba4e71cbb4dbc8372f3a5d9bf70c3daba17145aa42f93f";

/** Clerk's API reference, one page per operation: <base>/<tag>/<method>/<path>. */
export const REFERENCE_BASE = "https://clerk.com/docs/reference/backend-api/tag";
