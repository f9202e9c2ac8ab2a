import type { RequestDb } from "../../db/request-db.js";
import { plain, toNumber } from "../../shared/neo4j-values.js";
import type { SortKey } from "../../shared/paging.js";
import { asEntities, batchLoader, entitiesLoader, entityLoader } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import type { Quantity } from "./claim.type.js";
import { ABOUT_BY_CLAIM, CLAIMS_COUNT, CLAIMS_PAGE, PASSAGE_BY_CLAIM, QUANTITIES_BY_CLAIM, SPEAKER_BY_CLAIM } from "./claim.repository.js";

export interface ClaimFilter {
  speakerId: string | null;
  aboutId: string | null;
}

function asQuantities(value: unknown): Quantity[] {
  return ((plain(value) as Array<Record<string, unknown>>) ?? []).map((q) => ({
    value: Number(q.value),
    unit: String(q.unit ?? ""),
    qualifier: (q.qualifier as string | undefined) ?? null,
    surface: (q.surface as string | undefined) ?? null,
    start: (q.start as number | undefined) ?? null,
    end: (q.end as number | undefined) ?? null,
  }));
}

/** Loaders of claim data; created per request. `page` and `count` serve every claim connection. */
export function createClaimLoaders(db: RequestDb) {
  return {
    page: batchLoader<ClaimFilter & { after: SortKey | null; limit: number }, Entity[]>(db, CLAIMS_PAGE, asEntities, []),
    count: batchLoader<ClaimFilter, number>(db, CLAIMS_COUNT, toNumber, 0),
    speaker: entityLoader(db, SPEAKER_BY_CLAIM),
    passage: entityLoader(db, PASSAGE_BY_CLAIM),
    about: entitiesLoader(db, ABOUT_BY_CLAIM),
    quantities: batchLoader<string, Quantity[]>(db, QUANTITIES_BY_CLAIM, asQuantities, []),
  };
}
