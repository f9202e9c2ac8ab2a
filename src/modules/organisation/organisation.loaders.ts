import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { plainNode, relationLoader, type NodeRender } from "../common/relation.js";
import { COUNTRY_BY_ORGANISATION, PARENT_BY_ORGANISATION, UNITS_BY_ORGANISATION } from "./organisation.repository.js";

/** Loaders of organisation data; created per request. */
export function createOrganisationLoaders(db: RequestDb, config: Config, node: NodeRender = plainNode) {
  return {
    parent: relationLoader(db, config, PARENT_BY_ORGANISATION, node),
    country: relationLoader(db, config, COUNTRY_BY_ORGANISATION, node),
    units: relationLoader(db, config, UNITS_BY_ORGANISATION, node),
  };
}
