/**
 * Who sends a request: the API key it carries, by id and name, and that key's role. Roles are
 * nested: an editor may do all a curator may, an admin all an editor may.
 */
export type Role = "curator" | "editor" | "admin";

/** Every role, weakest first. */
export const ROLES = ["curator", "editor", "admin"] as const satisfies readonly Role[];

export interface Caller {
  /** The key's public id (the `<id>` of `kg_<id>_<secret>`): what logs and audit records name. */
  keyId: string;
  /** Who the key was issued to. */
  name: string;
  role: Role;
}

/** Whether `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
