import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { plainNode, relationLoader, type NodeRender } from "../common/relation.js";
import { COUNTRY_BY_REGION, REGIONS_BY_COUNTRY } from "./country.repository.js";

/** Loaders of country and region data; created per request. */
export function createCountryLoaders(db: RequestDb, config: Config, node: NodeRender = plainNode) {
  return {
    regions: relationLoader(db, config, REGIONS_BY_COUNTRY, node),
    countryOfRegion: relationLoader(db, config, COUNTRY_BY_REGION, node),
  };
}
