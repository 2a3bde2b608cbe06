// A deterministic `GET /users` response: realistic users built by walking the
// spec's User schema (every declared property, nothing undeclared), with values
// chosen by field name from a seeded PRNG. Same seed, same bytes, every run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT, SPEC } from "../lib/paths.mjs";

const YAML = createRequire(path.join(ROOT, "package.json"))("yaml");

// How many items each array gets (min, max), by wire name. Enterprise/SAML
// accounts stay empty: the spec declares required keys it never defines there.
const ARRAY_SIZES = {
  email_addresses: [1, 1], phone_numbers: [0, 1], web3_wallets: [0, 0], passkeys: [0, 0],
  external_accounts: [0, 1], saml_accounts: [0, 0], enterprise_accounts: [0, 0],
  organization_memberships: [0, 0], linked_to: [0, 0], backup_codes: [0, 0],
};
const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim", "Margaret", "Linus"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Berners-Lee", "Hamilton", "Torvalds"];
const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function loadSpec() {
  return YAML.parse(readFileSync(SPEC, "utf8"));
}

/** `count` users as the JSON text of a `GET /users` body. */
export function usersListBody(count = 500, seed = 20260512, spec = loadSpec()) {
  return JSON.stringify(makeUsers(count, seed, spec));
}

export function makeUsers(count, seed, spec) {
  const rand = mulberry32(seed);
  const gen = generator(spec, rand);
  return Array.from({ length: count }, (_, i) => gen.user(i));
}

function generator(spec, rand) {
  const schemas = spec.components.schemas;
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const chance = (p) => rand() < p;
  const token = (n) => Array.from({ length: n }, () => B58[int(0, B58.length - 1)]).join("");
  const BASE_TIME = 1_735_689_600_000; // 2025-01-01T00:00:00Z
  let person;

  function deref(schema) {
    while (schema?.$ref) schema = schemas[schema.$ref.split("/").pop()];
    return schema;
  }

  function value(schema, name, required) {
    schema = deref(schema);
    if (schema.allOf) return value(Object.assign({}, ...schema.allOf.map(deref), { nullable: schema.nullable }), name, required);
    if (schema.nullable && !required && chance(0.5)) return null;
    if (schema.nullable && ["external_id", "primary_web3_wallet_id", "locale", "mfa_enabled_at", "mfa_disabled_at", "expire_at", "lockout_expires_in_seconds", "verification_attempts_remaining", "legal_accepted_at"].includes(name) && chance(0.8)) return null;
    if (schema.oneOf || schema.anyOf) return value((schema.oneOf ?? schema.anyOf)[0], name, required);
    if (schema.enum) return schema.enum.includes("verified") ? "verified" : schema.enum[0];
    switch (schema.type) {
      case "object": return object(schema, name);
      case "array": {
        const [lo, hi] = ARRAY_SIZES[name] ?? [0, 2];
        return Array.from({ length: int(lo, hi) }, () => value(schema.items, name === "email_addresses" ? "email_address_item" : name, true));
      }
      case "string": return string(name, schema);
      case "integer": case "number": return integer(name);
      case "boolean": return name.endsWith("_enabled") ? chance(0.7) : chance(0.15);
      default: return null;
    }
  }

  function object(schema, name) {
    if (!schema.properties) {
      if (name === "public_metadata") return { plan: pick(["free", "pro", "team"]), onboarded: chance(0.8) };
      if (name === "private_metadata") return { stripe_customer_id: `cus_${token(14)}` };
      if (name === "unsafe_metadata") return chance(0.5) ? {} : { theme: pick(["light", "dark"]) };
      return {};
    }
    const required = new Set(schema.required ?? []);
    const out = {};
    for (const [key, prop] of Object.entries(schema.properties)) out[key] = value(prop, key, required.has(key));
    return out;
  }

  function string(name, schema) {
    if (schema.pattern?.includes("oauth_")) return "oauth_google";
    if (schema.format === "date-time") return new Date(BASE_TIME + int(0, 3e10)).toISOString();
    switch (name) {
      case "id": return `idn_${token(27)}`;
      case "email_address": return person.email;
      case "phone_number": return `+1555${String(int(0, 9_999_999)).padStart(7, "0")}`;
      case "username": return person.username;
      case "first_name": return person.first;
      case "last_name": return person.last;
      case "image_url": case "profile_image_url": case "avatar_url": return `https://img.clerk.com/${token(64)}`;
      case "provider": return "oauth_google";
      case "provider_user_id": return String(int(1e17, 9e17));
      case "approved_scopes": return "email https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile openid profile";
      case "locale": return "en-US";
      case "strategy": return "email_code";
      case "status": return "verified";
      case "name": return `${person.first}'s passkey`;
      default:
        if (name.endsWith("_url")) return `https://accounts.example.com/oauth/${token(24)}`;
        return name.endsWith("_id") ? `${name.slice(0, 4)}_${token(27)}` : token(12);
    }
  }

  function integer(name) {
    if (name.endsWith("_at")) return BASE_TIME + int(0, 3e10);
    if (name === "attempts") return int(0, 3);
    return int(0, 10);
  }

  return {
    user(i) {
      const first = pick(FIRST);
      const last = pick(LAST);
      person = { first, last, username: `${first}.${last}${i}`.toLowerCase(), email: `${first}.${last}.${i}@example.com`.toLowerCase() };
      const user = object(deref({ $ref: "#/components/schemas/User" }), "user");
      user.id = `user_${token(27)}`;
      user.primary_email_address_id = user.email_addresses[0]?.id ?? null;
      user.primary_phone_number_id = user.phone_numbers[0]?.id ?? null;
      return user;
    },
  };
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
