/** One thing wrong with the seed, located as precisely as the format allows. */
export interface Problem {
  /** Seed file name, e.g. claims.yaml. */
  file: string;
  /** 1-based line (and column) in that file, when known. */
  line?: number;
  column?: number;
  /** The entry, e.g. "claim:kz-repatriated-over-700" or "claims[12]". */
  entry?: string;
  /** The field inside the entry, e.g. "quantities[0].quote". */
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ""}` : p.file;
  const what = [p.entry, p.field].filter(Boolean).join(" ");
  return `${where}${what ? ` ${what}` : ""}: ${p.message}`;
}

/**
 * The seed was refused. Carries every problem found (not just the first), so one run tells the
 * editor everything to fix. Nothing was written.
 */
export class SeedValidationError extends Error {
  readonly code = "SEED_INVALID";
  override name = "SeedValidationError";

  constructor(readonly problems: Problem[]) {
    super(
      `The seed has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was written:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
  }
}
