import type { RequestDb } from "../../db/request-db.js";
import { entitiesLoader, entityLoader } from "../common/batch.js";
import { COUNTRY_BY_ORGANISATION, PARENT_BY_ORGANISATION, UNITS_BY_ORGANISATION } from "./organisation.repository.js";

/** Loaders of organisation data; created per request. */
export function createOrganisationLoaders(db: RequestDb) {
  return {
    parent: entityLoader(db, PARENT_BY_ORGANISATION),
    country: entityLoader(db, COUNTRY_BY_ORGANISATION),
    units: entitiesLoader(db, UNITS_BY_ORGANISATION),
  };
}
