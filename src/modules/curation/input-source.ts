import type { ProblemSource } from "../../seed/compile-context.js";
import type { Problem } from "../../seed/problems.js";
import { formatPath, type PathSegment } from "../../seed/yaml-source.js";
import { badInput } from "../../shared/errors.js";

/**
 * A write's GraphQL input as the seed's checks see it: a problem names the input field it is about
 * (`input.quote`), read from the problem's place in the seed entry the input was turned into.
 */
export class InputSource implements ProblemSource {
  readonly file = "input";
  constructor(private readonly fieldOf: (at: readonly PathSegment[]) => string = (at) => formatPath(at)) {}
  problemAt(at: readonly PathSegment[], message: string): Problem {
    return { file: this.file, field: `input.${this.fieldOf(at)}`, message };
  }
  lineOf(): number | undefined {
    return undefined;
  }
}

/** The graph itself, where an id already defined was found. */
export const GRAPH_SOURCE: ProblemSource = {
  file: "the graph",
  problemAt: (at, message) => ({ file: "the graph", field: formatPath(at), message }),
  lineOf: () => undefined,
};

/** The write is refused: BAD_USER_INPUT naming every field wrong (the first as `field`), nothing written. */
export function refused(problems: readonly Problem[]) {
  const listed = problems.map((p) => ({ field: p.field ?? "input", message: p.message }));
  const error = badInput(`The write was refused; nothing was written: ${listed.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
  // 400 like every refused input: the request was understood, and nothing was done.
  Object.assign(error.extensions, { field: listed[0]?.field, problems: listed, http: { status: 400 } });
  return error;
}
