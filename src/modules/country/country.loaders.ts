import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { relationLoader } from "../common/relation.js";
import { COUNTRY_BY_REGION, REGIONS_BY_COUNTRY } from "./country.repository.js";

/** Loaders of country and region data; created per request. */
export function createCountryLoaders(db: RequestDb, config: Config) {
  return {
    regions: relationLoader(db, config, REGIONS_BY_COUNTRY),
    countryOfRegion: relationLoader(db, config, COUNTRY_BY_REGION),
  };
}
