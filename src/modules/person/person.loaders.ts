import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import type { SortKey } from "../../shared/paging.js";
import { toNumber } from "../../shared/neo4j-values.js";
import { asEntities, batchLoader } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import { plainNode, relationLoader, type NodeRender } from "../common/relation.js";
import {
  AFFILIATIONS_BY_PERSON,
  COUNTRIES_REFERENCED_BY_PERSON,
  ORGANISATIONS_REFERENCED_BY_PERSON,
  PASSAGES_BY_SPEAKER_COUNT,
  PASSAGES_BY_SPEAKER_PAGE,
  PEOPLE_REFERENCING,
  ROLES_BY_PERSON,
} from "./person.repository.js";

export type { ReferenceRow } from "./person.repository.js";

export interface PageKey {
  after: SortKey | null;
  /** Rows to read: the page size plus one. */
  limit: number;
}

/** Loaders of person data; created per request (see server/loaders.ts). */
export function createPersonLoaders(db: RequestDb, config: Config, node: NodeRender = plainNode) {
  return {
    affiliations: relationLoader(db, config, AFFILIATIONS_BY_PERSON, node),
    roles: relationLoader(db, config, ROLES_BY_PERSON, node),
    referencedOrganisations: relationLoader(db, config, ORGANISATIONS_REFERENCED_BY_PERSON, node),
    referencedCountries: relationLoader(db, config, COUNTRIES_REFERENCED_BY_PERSON, node),
    /** Keyed by the mentioned entity's id (organisation, country, …). */
    referencedBy: relationLoader(db, config, PEOPLE_REFERENCING, node),
    passagesPage: batchLoader<PageKey & { speakerId: string }, Entity[]>(db, () => PASSAGES_BY_SPEAKER_PAGE(node), asEntities, []),
    passagesCount: batchLoader<string, number>(db, PASSAGES_BY_SPEAKER_COUNT, toNumber, 0),
  };
}
