import type { z } from "zod";
import type { Problem } from "./problems.js";
import type { ProblemSource } from "./compile-context.js";
import type { PathSegment } from "./yaml-source.js";

/**
 * Validates one entry against its schema (seed/schema.ts), every issue a problem located in the
 * entry's source: a seed file's line and field, or a write's input field. Seed files and writes
 * through the API are checked by this one function against the same schemas.
 */
export function validateEntry<T>(source: ProblemSource, at: readonly PathSegment[], value: unknown, schema: z.ZodType<T>, problems: Problem[]): T | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const inner = issue.path.filter((s): s is string | number => typeof s !== "symbol");
    const where = [...at, ...inner];
    if (issue.code === "unrecognized_keys") {
      // One problem per unknown key, located at the key itself: usually a typo.
      for (const key of issue.keys) problems.push(source.problemAt([...where, key], "unknown field (a typo?)"));
    } else {
      problems.push(source.problemAt(where, issue.message));
    }
  }
  return null;
}
