import { NODE_VALUE } from "./entity.js";

/** Any entity by id: one lookup in the `Entity` id index per id. */
export const NODES_BY_ID = `
UNWIND $keys AS key
MATCH (n:Entity {id: key})
RETURN key, ${NODE_VALUE("n")} AS value`;
