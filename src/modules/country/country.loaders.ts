import type { RequestDb } from "../../db/request-db.js";
import { entitiesLoader, entityLoader } from "../common/batch.js";
import { COUNTRY_BY_REGION, REGIONS_BY_COUNTRY } from "./country.repository.js";

/** Loaders of country and region data; created per request. */
export function createCountryLoaders(db: RequestDb) {
  return {
    regions: entitiesLoader(db, REGIONS_BY_COUNTRY),
    countryOfRegion: entityLoader(db, COUNTRY_BY_REGION),
  };
}
