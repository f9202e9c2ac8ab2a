import Cypher from "@neo4j/cypher-builder";
import { Label, OPERATES_IN, PARTICIPANT_ROLES, PROGRAM_ROLES } from "../../graph/model.js";
import { byNameId, everyNode, quoteMentions, types } from "../../data/patterns.js";
import { nodeById, nodeOf, object, relation, value, type RelationSource, type Sources } from "../../data/source.js";
import { claimsAbout } from "../claim/claim.relations.js";

/** Participations ordered by role as PROGRAM_ROLES lists them (RUNS first). */
function roleRank(rel: Cypher.Relationship): Cypher.Expr {
  const rank = new Cypher.Case(Cypher.type(rel));
  PROGRAM_ROLES.forEach((role, i) => rank.when(new Cypher.Literal(role)).then(new Cypher.Literal(i)));
  return rank;
}

/**
 * Participations of a program: who runs, supports, … it (participant → program) and the places it
 * operates in (program → place). `fromProgram`: the scope's node is the program; else it is the
 * participant (or the place), and the rows are its programs.
 */
function participations(fromProgram: boolean): RelationSource {
  return relation({
    rows: (scope) => {
      const self = nodeOf(scope);
      const r = new Cypher.Relationship();
      const other = new Cypher.Node();
      const otherLabel = fromProgram ? Label.Entity : Label.Program;
      const takesPart = fromProgram
        ? new Cypher.Pattern(other, { labels: [otherLabel] }).related(r, { type: types(...PARTICIPANT_ROLES) }).to(self)
        : new Cypher.Pattern(self).related(r, { type: types(...PARTICIPANT_ROLES) }).to(other, { labels: [otherLabel] });
      const operates = fromProgram
        ? new Cypher.Pattern(self).related(r, { type: OPERATES_IN }).to(other, { labels: [otherLabel] })
        : new Cypher.Pattern(other, { labels: [otherLabel] }).related(r, { type: OPERATES_IN }).to(self);
      const both = new Cypher.Union(new Cypher.Match(takesPart).return(r, other), new Cypher.Match(operates).return(r, other));
      const clause = Cypher.utils.concat(
        new Cypher.Call(both, [self]),
        new Cypher.With(self, r, other).orderBy(roleRank(r), other.property("name"), other.property("id")),
      );
      return { clause, scope: fromProgram ? { rel: r, program: self, participant: other } : { rel: r, program: other, participant: self } };
    },
  });
}

/** Programs an entity takes part in, and (for places) programs operating in it. */
export const programsOf = participations(false);

/** How programs and participations are read (see data/source.ts). */
export const programRelations: Sources = {
  Query: {
    program: nodeById(Label.Program),
    programs: everyNode(Label.Program, byNameId),
  },
  Program: {
    participants: participations(true),
    claims: claimsAbout,
  },
  ProgramParticipation: {
    role: value((s) => Cypher.type(s.rel as Cypher.Relationship)),
    program: object((s) => ({ node: s.program! })),
    participant: object((s) => ({ node: s.participant! })),
    evidence: quoteMentions(),
  },
};
