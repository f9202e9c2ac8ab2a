import type { Problem } from "./problems.js";
import type { Sources } from "./read-seed.js";
import type { SeedFileKey } from "./schema.js";
import { entryNamer, type PathSegment } from "./yaml-source.js";
import { resolveQuote } from "./text/quotes.js";
import type { PassageSpan } from "./text/passages.js";

/** What kind of thing an id names; links check the kinds they accept. */
export type EntityKind = "document" | "event" | "person" | "organisation" | "country" | "region" | "program" | "claim";

export interface Located {
  start: number;
  end: number;
  quote: string;
  passageId: string;
}

/**
 * Shared state while compiling the seed: the document text, its passages, every id defined, and
 * the list of problems, each located in its file.
 */
export class CompileContext {
  readonly ids = new Map<string, { kind: EntityKind; file: SeedFileKey; at: PathSegment[] }>();

  constructor(
    readonly sources: Sources,
    readonly text: string,
    readonly passages: PassageSpan[],
    readonly passageIds: string[],
    readonly problems: Problem[],
    /** Entries refused for their shape: already reported, so references to them are not. */
    readonly refusedIds: ReadonlySet<string> = new Set(),
  ) {}

  report(file: SeedFileKey, at: PathSegment[], message: string): void {
    const source = this.sources[file];
    this.problems.push(source.problem(at, message, entryNamer(source)));
  }

  define(kind: EntityKind, id: string, file: SeedFileKey, at: PathSegment[]): void {
    const existing = this.ids.get(id);
    if (existing) {
      const first = this.sources[existing.file].locate(existing.at);
      this.report(file, [...at, "id"], `duplicate id ${id} (first defined in ${this.sources[existing.file].file}${first.line ? `:${first.line}` : ""})`);
      return;
    }
    this.ids.set(id, { kind, file, at });
  }

  /** True when `id` is defined as one of `kinds`; reports a located problem otherwise. */
  expect(id: string, kinds: EntityKind[], file: SeedFileKey, at: PathSegment[]): boolean {
    const found = this.ids.get(id);
    if (!found && this.refusedIds.has(id)) return false;
    if (!found) {
      this.report(file, at, `refers to ${id}, which is not defined in any seed file`);
      return false;
    }
    if (!kinds.includes(found.kind)) {
      this.report(file, at, `refers to ${id}, a ${found.kind}; expected ${kinds.join(" or ")}`);
      return false;
    }
    return true;
  }

  /** The quote's place in the document and the one passage it lies in, or a reported problem. */
  locate(file: SeedFileKey, at: PathSegment[], quote: string, occurrence?: number): Located | null {
    const found = resolveQuote(this.text, quote, occurrence);
    if (!found.ok) {
      this.report(file, [...at, "quote"], found.message);
      return null;
    }
    const index = this.passages.findIndex((p) => p.start <= found.start && found.end <= p.end);
    if (index < 0) {
      this.report(file, [...at, "quote"], "quote runs across paragraphs (or outside them); quote within one paragraph");
      return null;
    }
    return { start: found.start, end: found.end, quote, passageId: this.passageIds[index]! };
  }

  speakerOf(passageId: string): string | null {
    return this.passages[this.passageIds.indexOf(passageId)]?.speakerId ?? null;
  }
}
