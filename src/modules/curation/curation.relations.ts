import Cypher from "@neo4j/cypher-builder";
import { firstArg, properties } from "../../data/patterns.js";
import { nodeOf, relation, value, type ArgsCheck, type Sources } from "../../data/source.js";
import { badInput } from "../../shared/errors.js";

const REVISION = "Revision";

/** Revisions newest first, at most `first`. */
function newestFirst(match: Cypher.Clause, revision: Cypher.Node, first: Cypher.Param) {
  return Cypher.utils.concat(match, new Cypher.With(revision).orderBy([revision.property("number"), "DESC"]).limit(first));
}

/** A node's history: every revision that changed it or a fact at it (a link from or to it, a claim by or about it). */
const nodeHistory = relation({
  args: firstArg,
  rows: (scope, params) => {
    const revision = new Cypher.Node();
    const match = new Cypher.Match(new Cypher.Pattern(revision, { labels: [REVISION] }).related({ type: "CHANGED" }).to(nodeOf(scope)));
    return { clause: newestFirst(match, revision, params.first!), scope: { revision } };
  },
});

/** A fact's id: an entity's or a claim's (`org:unicef`), or a link's (`person:x-AFFILIATED_WITH->org:y`). */
const historyArgs: ArgsCheck = (args, config) => {
  const id = args.id as string;
  if (id.length === 0 || id.length > 500) throw badInput("id must be a fact's id (1 to 500 characters)", "id");
  return { id, ...firstArg(args, config) };
};

/** How revisions are read (see data/source.ts): by the fact's id, or from any node. */
export const curationRelations: Sources = {
  Query: {
    history: relation({
      args: historyArgs,
      rows: (_scope, params) => {
        const revision = new Cypher.Node();
        const match = new Cypher.Match(new Cypher.Pattern(revision, { labels: [REVISION], properties: { factId: params.id! } }));
        return { clause: newestFirst(match, revision, params.first!), scope: { revision } };
      },
    }),
  },
  ...Object.fromEntries(["Person", "Organisation", "Country", "Region", "Program", "Event", "Document", "Passage", "Claim"].map((type) => [type, { history: nodeHistory }])),
  Revision: {
    ...properties("revision", ["number", "at", "actor", "role", "action", "factId", "factType", "documentId", "reason"]),
    // Stored as JSON text (Neo4j keeps no nested maps): parsed for the client.
    before: value((s) => (s.revision as Cypher.Node).property("before"), undefined, () => (raw: string | null) => (raw ? JSON.parse(raw) : null)),
    after: value((s) => (s.revision as Cypher.Node).property("after"), undefined, () => (raw: string | null) => (raw ? JSON.parse(raw) : null)),
  },
};
