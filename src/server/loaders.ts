import type { Config } from "../config/config.js";
import type { RequestDb } from "../db/request-db.js";
import { createNodeLoader } from "../modules/common/node.loaders.js";
import { plainNode, type NodeRender } from "../modules/common/relation.js";
import { createPersonLoaders } from "../modules/person/person.loaders.js";
import { createPassageLoaders } from "../modules/passage/passage.loaders.js";
import { createOrganisationLoaders } from "../modules/organisation/organisation.loaders.js";
import { createCountryLoaders } from "../modules/country/country.loaders.js";
import { createProgramLoaders } from "../modules/program/program.loaders.js";
import { createEventLoaders } from "../modules/event/event.loaders.js";
import { createClaimLoaders } from "../modules/claim/claim.loaders.js";

/**
 * Every DataLoader of the API. Lifetime: one request (built in createContext), so batches only
 * join loads of the same request and nothing is cached across requests. Nodes are rendered by
 * `node` (the request's projection, see modules/common/projection.ts).
 */
export function createLoaders(db: RequestDb, config: Config, node: NodeRender = plainNode) {
  return {
    node: createNodeLoader(db, node),
    person: createPersonLoaders(db, config, node),
    passage: createPassageLoaders(db, config, node),
    organisation: createOrganisationLoaders(db, config, node),
    country: createCountryLoaders(db, config, node),
    program: createProgramLoaders(db, config, node),
    event: createEventLoaders(db, config, node),
    claim: createClaimLoaders(db, config, node),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
