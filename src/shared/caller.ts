/** Who is calling: the API key a request carries, by its id, name and role. */
export type Role = "curator" | "editor" | "admin";
export const ROLES: readonly Role[] = ["curator", "editor", "admin"];
export interface Caller {
  keyId: string;
  name: string;
  role: Role;
}
/** curator ⊂ editor ⊂ admin. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
