import type { RequestDb } from "../../db/request-db.js";
import { entityLoader } from "./batch.js";
import { NODES_BY_ID } from "./node.repository.js";
import { plainNode, type NodeRender } from "./relation.js";

/** Any entity by id, batched; every `x(id:)` query and every reference by id goes through it. */
export function createNodeLoader(db: RequestDb, node: NodeRender = plainNode) {
  return entityLoader(db, () => NODES_BY_ID(node));
}
