import { nodeById, type Sources } from "../../data/source.js";

/** `node(id:)`: any entity by id (see data/source.ts). */
export const nodeRelations: Sources = {
  Query: { node: nodeById(null) },
};
