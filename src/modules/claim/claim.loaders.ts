import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { toNumber } from "../../shared/neo4j-values.js";
import type { SortKey } from "../../shared/paging.js";
import { asEntities, batchLoader } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import { plainNode, relationLoader, type NodeRender } from "../common/relation.js";
import { ABOUT_BY_CLAIM, CLAIMS_COUNT, CLAIMS_PAGE, PASSAGE_BY_CLAIM, QUANTITIES_BY_CLAIM, SPEAKER_BY_CLAIM } from "./claim.repository.js";

export interface ClaimFilter {
  speakerId: string | null;
  aboutId: string | null;
}

/** Loaders of claim data; created per request. `page` and `count` serve every claim connection. */
export function createClaimLoaders(db: RequestDb, config: Config, node: NodeRender = plainNode) {
  return {
    page: batchLoader<ClaimFilter & { after: SortKey | null; limit: number }, Entity[]>(db, () => CLAIMS_PAGE(node), asEntities, []),
    count: batchLoader<ClaimFilter, number>(db, CLAIMS_COUNT, toNumber, 0),
    speaker: relationLoader(db, config, SPEAKER_BY_CLAIM, node),
    passage: relationLoader(db, config, PASSAGE_BY_CLAIM, node),
    about: relationLoader(db, config, ABOUT_BY_CLAIM, node),
    quantities: relationLoader(db, config, QUANTITIES_BY_CLAIM, node),
  };
}
