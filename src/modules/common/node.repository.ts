import type { PageQuery } from "./list.repository.js";

/** Any entity by id: one lookup in the `Entity` id index per id; nodes rendered by `node`. */
export const NODES_BY_ID: PageQuery = (node) => `
UNWIND $keys AS key
MATCH (n:Entity {id: key})
RETURN key, ${node("n")} AS value`;
