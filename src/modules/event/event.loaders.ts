import type { RequestDb } from "../../db/request-db.js";
import { asEntity, batchLoader, entitiesLoader, entityLoader } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import { DOCUMENT_BY_EVENT, HOSTS_BY_EVENT, PARTICIPANTS_BY_EVENT } from "./event.repository.js";

function asParticipants(value: unknown): Array<{ role: string; person: Entity }> {
  return ((value as Array<{ role: string; person: unknown }>) ?? []).flatMap((r) => {
    const person = asEntity(r.person);
    return person ? [{ role: r.role, person }] : [];
  });
}

/** Loaders of event data; created per request. */
export function createEventLoaders(db: RequestDb) {
  return {
    hosts: entitiesLoader(db, HOSTS_BY_EVENT),
    document: entityLoader(db, DOCUMENT_BY_EVENT),
    participants: batchLoader<string, Array<{ role: string; person: Entity }>>(db, PARTICIPANTS_BY_EVENT, asParticipants, []),
  };
}
