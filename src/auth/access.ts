import type { ManagedTransaction } from "neo4j-driver";
import { roleAtLeast, type Caller, type Role } from "../shared/caller.js";
import { forbidden, unauthenticated } from "../shared/errors.js";

export function requireRole(caller: Caller | null | undefined, role: Role): Caller {
  if (!caller) throw unauthenticated("this needs an API key: Authorization: Bearer <key>");
  if (!roleAtLeast(caller.role, role)) throw forbidden(`this needs the ${role} role; your key has ${caller.role}`);
  return caller;
}

export async function assertKeyActive(tx: ManagedTransaction, keyId: string): Promise<void> {
  const { records } = await tx.run("MATCH (k:ApiKey {id: $id}) WHERE k.revokedAt IS NULL RETURN k.id", { id: keyId });
  if (records.length === 0) throw unauthenticated("the API key was revoked");
}
