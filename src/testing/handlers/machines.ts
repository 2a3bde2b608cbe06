// The rest of a machine's life: rename, delete, read and rotate its secret key, and the
// scopes that say which other machines it may call.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError, notFound } from "../errors.js";
import { secret } from "../ids.js";
import { validateBody } from "../validate.js";
import { findMachine, renderMachine } from "./machine-tokens.js";

function update(ctx: HandlerContext) {
  const machine = findMachine(ctx);
  const body = validateBody(ctx.body, {
    name: {
      type: "string",
      format: (v) => (v.length >= 1 && v.length <= 255 ? undefined : "must be 1 to 255 characters"),
    },
    default_token_ttl: { type: "integer", min: 1, max: 315_360_000 },
  });
  if (typeof body["name"] === "string") machine.name = body["name"];
  if (typeof body["default_token_ttl"] === "number") machine.default_token_ttl = body["default_token_ttl"];
  machine.updated_at = ctx.now();
  return renderMachine(ctx, machine);
}

function remove(ctx: HandlerContext) {
  const machine = findMachine(ctx);
  ctx.store.machines.delete(machine.id);
  // Other machines lose their scope to it.
  for (const other of ctx.store.machines.values())
    other.scoped_machines = other.scoped_machines.filter((id) => id !== machine.id);
  return { object: "machine", id: machine.id, deleted: true };
}

function rotate(ctx: HandlerContext) {
  const machine = findMachine(ctx);
  validateBody(ctx.body, { previous_token_ttl: { type: "integer", required: true, min: 0, max: 28_800 } });
  machine.secret_key = secret("ak_", 40);
  machine.updated_at = ctx.now();
  return { object: "machine_secret_key", secret: machine.secret_key };
}

function createScope(ctx: HandlerContext) {
  const machine = findMachine(ctx);
  const body = validateBody(ctx.body, { to_machine_id: { type: "string", required: true } });
  const to = body["to_machine_id"] as string;
  if (!ctx.store.machines.has(to)) throw notFound(`Machine ${to}`);
  if (machine.scoped_machines.includes(to))
    throw new FakeApiError(409, [
      {
        code: "machine_scope_exists",
        message: "scope exists",
        long_message: `Machine ${machine.id} already has a scope to ${to}.`,
        meta: {},
      },
    ]);
  machine.scoped_machines.push(to);
  machine.updated_at = ctx.now();
  return { object: "machine_scope", from_machine_id: machine.id, to_machine_id: to, created_at: machine.updated_at };
}

function deleteScope(ctx: HandlerContext) {
  const machine = findMachine(ctx);
  const to = param(ctx, "other_machine_id");
  if (!machine.scoped_machines.includes(to)) throw notFound("Machine scope");
  machine.scoped_machines = machine.scoped_machines.filter((id) => id !== to);
  machine.updated_at = ctx.now();
  return { object: "machine_scope", from_machine_id: machine.id, to_machine_id: to, deleted: true };
}

export const machineHandlers: Handlers = {
  UpdateMachine: update,
  DeleteMachine: remove,
  GetMachineSecretKey: (ctx) => ({ object: "machine_secret_key", secret: findMachine(ctx).secret_key }),
  RotateMachineSecretKey: rotate,
  CreateMachineScope: createScope,
  DeleteMachineScope: deleteScope,
};
