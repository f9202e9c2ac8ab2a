import type { Problem } from "./problems.js";
import type { PathSegment } from "./yaml-source.js";
import { resolveQuote } from "./text/quotes.js";
import type { PassageSpan } from "./text/passages.js";

/**
 * Where an entry came from, able to say where a problem in it stands: a seed file (file, line,
 * field), a curated fact stored in the graph (its id and field), or a write's GraphQL input (the
 * input field). The same checks report through it, whichever it is.
 */
export interface ProblemSource {
  readonly file: string;
  /** A problem at `at` (a path inside the source's content), naming its entry and field. */
  problemAt(at: readonly PathSegment[], message: string): Problem;
  /** The line `at` stands on, when the source has lines. */
  lineOf(at: readonly PathSegment[]): number | undefined;
}

/** What kind of thing an id names; links check the kinds they accept. */
export type EntityKind = "document" | "event" | "person" | "organisation" | "country" | "region" | "program" | "claim";

export interface Located {
  start: number;
  end: number;
  quote: string;
  passageId: string;
}

/** One document's text and paragraphs: every quote of its folder is found here, offsets into it. */
export interface DocumentText {
  id: string;
  text: string;
  passages: PassageSpan[];
  passageIds: string[];
}

/**
 * Shared state while compiling the seed: every id defined (across all documents and the shared
 * entities), and the list of problems, each located in its file.
 */
export class CompileContext {
  readonly ids = new Map<string, { kind: EntityKind; source: ProblemSource; at: PathSegment[] }>();

  constructor(
    readonly problems: Problem[],
    /** Entries refused for their shape: already reported, so references to them are not. */
    readonly refusedIds: ReadonlySet<string> = new Set(),
    /** Facts retracted through the API, with why: a reference to one says so. */
    readonly retracted: ReadonlyMap<string, string> = new Map(),
  ) {}

  report(source: ProblemSource, at: PathSegment[], message: string): void {
    this.problems.push(source.problemAt(at, message));
  }

  define(kind: EntityKind, id: string, source: ProblemSource, at: PathSegment[]): void {
    const existing = this.ids.get(id);
    if (existing) {
      const line = existing.source.lineOf(existing.at);
      this.report(source, [...at, "id"], `duplicate id ${id} (first defined in ${existing.source.file}${line ? `:${line}` : ""})`);
      return;
    }
    this.ids.set(id, { kind, source, at });
  }

  /** True when `id` is defined as one of `kinds`; reports a located problem otherwise. */
  expect(id: string, kinds: EntityKind[], source: ProblemSource, at: PathSegment[]): boolean {
    const found = this.ids.get(id);
    if (!found && this.refusedIds.has(id)) return false;
    if (!found && this.retracted.has(id)) {
      this.report(source, at, `refers to ${id}, which was retracted (${this.retracted.get(id)})`);
      return false;
    }
    if (!found) {
      this.report(source, at, `refers to ${id}, which is not defined in any seed file or curated fact`);
      return false;
    }
    if (!kinds.includes(found.kind)) {
      this.report(source, at, `refers to ${id}, a ${found.kind}; expected ${kinds.join(" or ")}`);
      return false;
    }
    return true;
  }

  /** The quote's place in its document and the one passage it lies in, or a reported problem. */
  locate(doc: DocumentText, source: ProblemSource, at: PathSegment[], quote: string, occurrence?: number): Located | null {
    const found = resolveQuote(doc.text, quote, occurrence);
    if (!found.ok) {
      this.report(source, [...at, "quote"], found.message);
      return null;
    }
    const index = doc.passages.findIndex((p) => p.start <= found.start && found.end <= p.end);
    if (index < 0) {
      this.report(source, [...at, "quote"], "quote runs across paragraphs (or outside them); quote within one paragraph");
      return null;
    }
    return { start: found.start, end: found.end, quote, passageId: doc.passageIds[index]! };
  }

  speakerOf(doc: DocumentText, passageId: string): string | null {
    return doc.passages[doc.passageIds.indexOf(passageId)]?.speakerId ?? null;
  }
}
