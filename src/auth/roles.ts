import { roleAtLeast, type Caller, type Role } from "../shared/caller.js";
import { forbidden, unauthenticated } from "../shared/errors.js";

/**
 * The caller, when its key's role is at least `role`: UNAUTHENTICATED without a key, FORBIDDEN
 * (naming the role needed and the key's) with a weaker one.
 */
export function requireRole(caller: Caller | null, role: Role): Caller {
  if (!caller) throw unauthenticated("this needs an API key: Authorization: Bearer <key>");
  if (!roleAtLeast(caller.role, role)) throw forbidden(`this needs the ${role} role; this API key has the ${caller.role} role`);
  return caller;
}
