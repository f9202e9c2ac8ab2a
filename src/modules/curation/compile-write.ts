import type { ManagedTransaction } from "neo4j-driver";
import { CompileContext, type DocumentText } from "../../seed/compile-context.js";
import { compileFacts, defineFactIds, Emitter, type FactSet } from "../../seed/compile-facts.js";
import { schemaOf, type CuratedFact, type CuratedSection } from "../../seed/curated.js";
import type { Problem } from "../../seed/problems.js";
import type { Entry } from "../../seed/read-seed.js";
import { occurrenceAt } from "../../seed/text/quotes.js";
import { validateEntry } from "../../seed/validate.js";
import { documentText, kindsOf } from "./graph-facts.js";
import { GRAPH_SOURCE, refused, type InputSource } from "./input-source.js";

export interface CompileRequest {
  section: CuratedSection;
  kind: CuratedFact["kind"];
  /** The seed entry, as a seed file would hold it (its quote's occurrence already decided). */
  entry: Record<string, unknown>;
  documentId: string;
  source: InputSource;
  /** Ids the entry names, whose kinds the graph says. */
  ids: string[];
  named?: { quote: string; occurrence?: number };
  /** Relationship ids already taken between the link's ends (the graph's, and retracted ones). */
  takenRelIds?: string[];
}

/** The document a write quotes, or a refusal naming `input.documentId`. */
export async function quotedDocument(tx: ManagedTransaction, documentId: string, source: InputSource): Promise<DocumentText> {
  const doc = await documentText(tx, documentId);
  if (!doc) throw refused([source.problemAt(["documentId"], `no document ${documentId} in the graph`)]);
  return doc;
}

/** The occurrence a writer's `start` means, or theirs as given: the seed's one offset rule follows. */
export function occurrenceOf(doc: DocumentText, input: { quote: string; occurrence?: number | null; start?: number | null }, source: InputSource): number | undefined {
  if (input.start === null || input.start === undefined) return input.occurrence ?? undefined;
  const found = occurrenceAt(doc.text, input.quote, input.start);
  if (!found.ok) throw refused([source.problemAt(["start"], found.message)]);
  if (input.occurrence !== null && input.occurrence !== undefined && input.occurrence !== found.occurrence) {
    throw refused([source.problemAt(["occurrence"], `occurrence ${input.occurrence} does not start at ${input.start} (occurrence ${found.occurrence} does): give one of them`)]);
  }
  return found.occurrence;
}

/**
 * Compiles one entry against the graph, exactly as the loader compiles the same entry in a seed
 * file: the entry checked by the seed's schema, its ids against those the graph defines, its
 * quotes located in the document's text and passages as the loader stored them, with the
 * loader's relationship ids. Refuses (BAD_USER_INPUT, every problem named) before anything is
 * written.
 */
export async function compileWrite(tx: ManagedTransaction, request: CompileRequest, doc: DocumentText): Promise<{ out: Emitter; value: Record<string, unknown> }> {
  const problems: Problem[] = [];
  const { source } = request;
  const value = validateEntry(source, [], request.entry, schemaOf(request.section, request.kind), problems) as Record<string, unknown> | null;
  if (!value) throw refused(problems);
  const ctx = new CompileContext(problems);
  for (const [id, kind] of await kindsOf(tx, request.ids)) ctx.define(kind, id, GRAPH_SOURCE, []);
  const entry: Entry<any> = { value, source, at: [], doc: { id: request.documentId }, ...(request.named ? { named: request.named } : {}) };
  const facts: FactSet = { people: [], organisations: [], countries: [], regions: [], programs: [], claims: [] };
  if (request.kind === "claim") facts.claims.push(entry);
  else (facts[request.section] as unknown[]).push({ kind: request.kind, entry });
  defineFactIds(ctx, facts);
  const out = new Emitter(ctx, new Map(), request.takenRelIds ?? []);
  compileFacts(ctx, facts, () => doc, out);
  if (problems.length > 0) throw refused(problems);
  return { out, value };
}
