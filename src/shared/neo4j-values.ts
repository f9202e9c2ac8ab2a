import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isTime } from "neo4j-driver";

/**
 * Neo4j values as plain JSON-able values: Integers become numbers (every count and offset in this
 * graph fits in 2^53), temporal values their ISO strings. Applied once, where records are mapped.
 */
export function plain(value: unknown): unknown {
  if (value == null) return null;
  // Strings, numbers and booleans are most values: return them before any type probing.
  if (typeof value !== "object") return value;
  if (isInt(value)) return value.toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

export function toNumber(value: unknown): number {
  return plain(value) as number;
}
