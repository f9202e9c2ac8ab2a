import { badInput } from "./errors.js";

/** Typed, readable ids: `person:yerzhan-ashykbayev`, `org:unicef`, `country:KZ`. */
export const ID_PATTERN = /^[a-z]+:[A-Za-z0-9._-]+$/;
/** Longer ids are refused before they reach the database. */
export const MAX_ID_LENGTH = 200;

/**
 * Refuses an id that cannot exist (BAD_USER_INPUT). A well-formed id of another type
 * (`person(id: "org:unicef")`) is not malformed: the field answers null.
 */
export function assertId(value: string, argumentName: string): string {
  if (value.length > MAX_ID_LENGTH || !ID_PATTERN.test(value)) {
    throw badInput(
      `"${argumentName}" must look like "person:yerzhan-ashykbayev" (a lower-case prefix, a colon, then letters, digits, ".", "_" or "-"; at most ${MAX_ID_LENGTH} characters).`,
      argumentName,
    );
  }
  return value;
}

export function assertOptionalId(value: string | null | undefined, argumentName: string): string | null {
  return value == null ? null : assertId(value, argumentName);
}
