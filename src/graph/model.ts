/**
 * The shape of the graph in Neo4j: the one contract between the seed loader (which writes it) and
 * the repositories (which read it). Change it here and in both, never in one alone.
 *
 * Nodes. Every node that has an `id` carries the label `Entity` besides its own, so one uniqueness
 * constraint covers every id and `node(id:)` is one index lookup.
 *
 *   (:Document:Entity {id, title, url, file, text, sha256})
 *   (:Passage:Entity  {id, ordinal, start, end, text, kind, documentId, speakerId})   one paragraph of the document
 *   (:Event:Entity    {id, name, date, online, participantCount, participantCountQualifier,
 *                      participantCountQuote, participantCountStart, participantCountEnd, recordingUrl,
 *                      quote, start, end, passageId})
 *   (:Person:Entity   {id, name, honorific, title, aliases, turnLabel})
 *   (:Organisation:Entity {id, name, acronym, kind, aliases, wikidataId})
 *   (:Country:Entity  {id, isoCode, name, aliases, demonyms})
 *   (:Region:Entity   {id, name, kind, aliases, demonyms})
 *   (:Program:Entity  {id, name, kind, aliases, description})
 *   (:Claim:Entity    {id, text, kind, start, end, passageId, speakerId})   text == document.text[start:end]
 *   (:Quantity {id, value, unit, qualifier, surface, start, end, ordinal, claimId})  not an Entity: reached from its claim
 *
 *   Every Entity also has `searchText` (name, acronym, aliases, demonyms joined) for the full-text index.
 *   People, organisations, places and programs also have `foldedNames`: their name, acronym and
 *   aliases as foldName reads them, for NAME_INDEX (search's exact-name lookup).
 *   NODE_PROPERTIES lists the same properties as data (a test checks the seeded graph against it).
 *
 * Relationships. Every relationship has a stable `id` (for visualisations) and every curated one
 * carries its provenance: `quote` (verbatim), `start`, `end` (offsets into Document.text, UTF-16
 * code units) and `passageId` (the passage the quote lies in).
 *
 *   (:Passage)-[:PART_OF]->(:Document)
 *   (:Person)-[:SAID]->(:Passage)                                      computed from speaker turns
 *   (:Passage)-[:MENTIONS {id, surface, start, end}]->(entity)         computed: one per occurrence
 *   (:Event)-[:DOCUMENTED_BY]->(:Document)
 *   (:Person)-[:SPOKE_AT {role}]->(:Event)                             role: speaker | moderator | welcome
 *   (:Organisation)-[:HOSTED {role}]->(:Event)                         role: HOST | PARTNER
 *   (:Person)-[:AFFILIATED_WITH {title}]->(:Organisation)
 *   (:Organisation)-[:PART_OF]->(:Organisation)                        parent unit
 *   (:Organisation)-[:BASED_IN]->(:Country)
 *   (:Country)-[:IN_REGION]->(:Region)
 *   (:Region)-[:IN_COUNTRY]->(:Country)                                a subnational region or city
 *   (participant)-[:RUNS|SUPPORTS|FUNDS|PARTNERS_IN|AUTHORIZED|BENEFITS|INTRODUCED]->(:Program)
 *   (:Program)-[:OPERATES_IN]->(:Country|:Region)
 *   (:Person)-[:MADE]->(:Claim)-[:SUPPORTED_BY]->(:Passage)
 *   (:Claim)-[:ABOUT]->(entity)
 *   (:Claim)-[:HAS_QUANTITY]->(:Quantity)
 */

export const Label = {
  Entity: "Entity",
  Document: "Document",
  Passage: "Passage",
  Event: "Event",
  Person: "Person",
  Organisation: "Organisation",
  Country: "Country",
  Region: "Region",
  Program: "Program",
  Claim: "Claim",
  Quantity: "Quantity",
} as const;
export type Label = (typeof Label)[keyof typeof Label];

/**
 * Every property an entity node of each label may have, besides the index helpers (`searchText`,
 * `foldedNames`): what a query that
 * reads property by property can read.
 */
export const NODE_PROPERTIES = {
  Document: ["id", "title", "url", "file", "text", "sha256"],
  Passage: ["id", "ordinal", "start", "end", "text", "kind", "documentId", "speakerId"],
  Event: [
    "id", "name", "date", "online", "participantCount", "participantCountQualifier", "participantCountQuote",
    "participantCountStart", "participantCountEnd", "recordingUrl", "quote", "start", "end", "passageId",
  ],
  Person: ["id", "name", "honorific", "title", "aliases", "turnLabel"],
  Organisation: ["id", "name", "acronym", "kind", "aliases", "wikidataId"],
  Country: ["id", "isoCode", "name", "aliases", "demonyms"],
  Region: ["id", "name", "kind", "aliases", "demonyms"],
  Program: ["id", "name", "kind", "aliases", "description"],
  Claim: ["id", "text", "kind", "start", "end", "passageId", "speakerId"],
} as const satisfies Record<string, readonly string[]>;
export type EntityLabel = keyof typeof NODE_PROPERTIES;

/** Roles a participant can have in a program: the relationship types from participant to program. */
export const PARTICIPANT_ROLES = ["RUNS", "SUPPORTS", "FUNDS", "PARTNERS_IN", "AUTHORIZED", "BENEFITS", "INTRODUCED"] as const;
/** The relationship type from a program to the places it operates in. */
export const OPERATES_IN = "OPERATES_IN";
export const PROGRAM_ROLES = [...PARTICIPANT_ROLES, OPERATES_IN] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

/** Relationship types between entities that visualisations draw (MENTIONS and SAID included). */
export const RelType = {
  PART_OF: "PART_OF",
  SAID: "SAID",
  MENTIONS: "MENTIONS",
  DOCUMENTED_BY: "DOCUMENTED_BY",
  SPOKE_AT: "SPOKE_AT",
  HOSTED: "HOSTED",
  AFFILIATED_WITH: "AFFILIATED_WITH",
  BASED_IN: "BASED_IN",
  IN_REGION: "IN_REGION",
  IN_COUNTRY: "IN_COUNTRY",
  MADE: "MADE",
  SUPPORTED_BY: "SUPPORTED_BY",
  ABOUT: "ABOUT",
  HAS_QUANTITY: "HAS_QUANTITY",
} as const;

/**
 * The entity graph that views and exports draw: people, organisations, places, programs, events
 * and claims, and the curated relationships between them. Passages, documents, quantities and
 * MENTIONS are left out (they would bury the entities).
 */
export const ENTITY_GRAPH_LABELS: readonly Label[] = [Label.Person, Label.Organisation, Label.Country, Label.Region, Label.Program, Label.Event, Label.Claim];
export const ENTITY_GRAPH_REL_TYPES: readonly string[] = [
  RelType.SPOKE_AT,
  RelType.HOSTED,
  RelType.AFFILIATED_WITH,
  RelType.PART_OF,
  RelType.BASED_IN,
  RelType.IN_REGION,
  RelType.IN_COUNTRY,
  RelType.MADE,
  RelType.ABOUT,
  ...PROGRAM_ROLES,
];

/** Name of the full-text index over names, aliases, claim texts and passages. */
export const FULLTEXT_INDEX = "entity_search";

/**
 * Name of the index over `foldedNames`, each folded name one whole term (keyword analyzer): the
 * entities a folded name names, found by one term lookup whatever the size of the graph.
 */
export const NAME_INDEX = "entity_names";

/** The labels whose nodes are named (name, acronym, aliases) and have `foldedNames`. */
export const NAMED_LABELS = [Label.Person, Label.Organisation, Label.Country, Label.Region, Label.Program] as const;

/**
 * A name as search compares names: spaces trimmed and runs of them made one, ’ read as ', a
 * trailing possessive 's dropped, lower case. The search text is folded so, and so is every name,
 * acronym and alias the seed loader stores in `foldedNames`: one function for both sides.
 */
export function foldName(text: string): string {
  return text.trim().replace(/[\s\u00A0]+/gu, " ").replace(/\u2019/g, "'").replace(/'s$/i, "").toLowerCase();
}

/** The distinct, non-empty folded forms of an entity's names (`foldedNames`). */
export function foldedNames(...names: Array<string | readonly string[] | null | undefined>): string[] {
  return [...new Set(names.flat().flatMap((n) => (typeof n === "string" ? [foldName(n)] : [])).filter((n) => n.length > 0))];
}

/**
 * Stored properties that are not data: the index helpers (`searchText`, `foldedNames`) and the seed's
 * bookkeeping (`turnLabel`, the speaker's name as the transcript writes it; `file`). Views and
 * exports leave them out.
 */
export const INTERNAL_PROPERTIES: readonly string[] = ["searchText", "foldedNames", "turnLabel", "file"];
