import type { Config } from "../config/config.js";
import type { RequestDb } from "../db/request-db.js";
import { createNodeLoader } from "../modules/common/node.loaders.js";
import { createPersonLoaders } from "../modules/person/person.loaders.js";
import { createPassageLoaders } from "../modules/passage/passage.loaders.js";
import { createOrganisationLoaders } from "../modules/organisation/organisation.loaders.js";
import { createCountryLoaders } from "../modules/country/country.loaders.js";
import { createProgramLoaders } from "../modules/program/program.loaders.js";
import { createEventLoaders } from "../modules/event/event.loaders.js";
import { createClaimLoaders } from "../modules/claim/claim.loaders.js";

/**
 * Every DataLoader of the API. Lifetime: one request (built in createContext), so batches only
 * join loads of the same request and nothing is cached across requests.
 */
export function createLoaders(db: RequestDb, config: Config) {
  return {
    node: createNodeLoader(db),
    person: createPersonLoaders(db, config),
    passage: createPassageLoaders(db, config),
    organisation: createOrganisationLoaders(db, config),
    country: createCountryLoaders(db, config),
    program: createProgramLoaders(db, config),
    event: createEventLoaders(db, config),
    claim: createClaimLoaders(db, config),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
