import neo4j from "neo4j-driver";
import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import type { SortKey } from "../../shared/paging.js";
import { toNumber } from "../../shared/neo4j-values.js";
import { asEntity, asEntities, batchLoader, entitiesLoader } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import type { Mention } from "../passage/mention.type.js";
import {
  AFFILIATIONS_BY_PERSON,
  COUNTRIES_REFERENCED_BY_PERSON,
  ORGANISATIONS_REFERENCED_BY_PERSON,
  PASSAGES_BY_SPEAKER_COUNT,
  PASSAGES_BY_SPEAKER_PAGE,
  PEOPLE_REFERENCING,
  ROLES_BY_PERSON,
} from "./person.repository.js";

export interface ReferenceRow {
  entity: Entity;
  mentionCount: number;
  mentions: Mention[];
}

export interface PageKey {
  after: SortKey | null;
  /** Rows to read: the page size plus one. */
  limit: number;
}

function asReferences(value: unknown): ReferenceRow[] {
  const rows = (value as Array<{ node: unknown; mentionCount: unknown; mentions: Array<Record<string, unknown>> }>) ?? [];
  return rows.flatMap((row) => {
    const entity = asEntity(row.node);
    if (!entity) return [];
    const mentions = row.mentions.map((m) => ({
      surface: String(m.surface),
      start: toNumber(m.start),
      end: toNumber(m.end),
      passageId: String(m.passageId),
    }));
    return [{ entity, mentionCount: toNumber(row.mentionCount), mentions }];
  });
}

function asRoles(value: unknown): Array<{ role: string; event: Entity }> {
  return ((value as Array<{ role: string; event: unknown }>) ?? []).flatMap((r) => {
    const event = asEntity(r.event);
    return event ? [{ role: r.role, event }] : [];
  });
}

/** Loaders of person data; created per request (see server/loaders.ts). */
export function createPersonLoaders(db: RequestDb, config: Config) {
  const evidence = { maxEvidence: neo4j.int(config.MAX_PAGE_SIZE) };
  return {
    affiliations: entitiesLoader(db, AFFILIATIONS_BY_PERSON),
    roles: batchLoader<string, Array<{ role: string; event: Entity }>>(db, ROLES_BY_PERSON, asRoles, []),
    referencedOrganisations: batchLoader<string, ReferenceRow[]>(db, ORGANISATIONS_REFERENCED_BY_PERSON, asReferences, [], evidence),
    referencedCountries: batchLoader<string, ReferenceRow[]>(db, COUNTRIES_REFERENCED_BY_PERSON, asReferences, [], evidence),
    /** Keyed by the mentioned entity's id (organisation, country, …). */
    referencedBy: batchLoader<string, ReferenceRow[]>(db, PEOPLE_REFERENCING, asReferences, [], evidence),
    passagesPage: batchLoader<PageKey & { speakerId: string }, Entity[]>(db, PASSAGES_BY_SPEAKER_PAGE, asEntities, []),
    passagesCount: batchLoader<string, number>(db, PASSAGES_BY_SPEAKER_COUNT, toNumber, 0),
  };
}
