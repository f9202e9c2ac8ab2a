import Cypher from "@neo4j/cypher-builder";
import { Label, RelType } from "../../graph/model.js";
import { byStartId, neighbours, properties } from "../../data/patterns.js";
import { assertOptionalId } from "../../shared/ids.js";
import { badInput } from "../../shared/errors.js";
import { connection, nodeOf, relation, value, type Sources } from "../../data/source.js";

/** The `quantity` argument, checked: a range (min ≤ max) and unit words, lower-cased. */
function quantityFilter(given: { min?: number | null; max?: number | null; unit?: string | null } | null | undefined) {
  const min = given?.min ?? null;
  const max = given?.max ?? null;
  const unit = given?.unit?.trim().toLowerCase() || null;
  if (min !== null && max !== null && min > max) throw badInput(`"quantity.min" (${min}) is above "quantity.max" (${max}).`, "quantity");
  if (unit !== null && unit.length > 100) throw badInput('"quantity.unit" is longer than 100 characters.', "quantity");
  return { byQuantity: given == null ? null : true, min, max, unit };
}

/** Claims about the scope's node (`Program.claims`), in document order. */
export const claimsAbout = connection({
  match: (scope) => {
    const n = new Cypher.Node();
    return { pattern: new Cypher.Pattern(n, { labels: [Label.Claim] }).related({ type: RelType.ABOUT }).to(nodeOf(scope)), node: n };
  },
  order: byStartId,
});

/** How claims and their figures are read (see data/source.ts). */
export const claimRelations: Sources = {
  Query: {
    claims: connection({
      args: (args) => ({ speakerId: assertOptionalId(args.speakerId, "speakerId"), aboutId: assertOptionalId(args.aboutId, "aboutId"), ...quantityFilter(args.quantity) }),
      match: (_scope, params) => {
        const n = new Cypher.Node();
        const made = new Cypher.Pattern({ labels: [Label.Person], properties: { id: params.speakerId! } }).related({ type: RelType.MADE }).to(n);
        const about = new Cypher.Pattern(n).related({ type: RelType.ABOUT }).to({ labels: [Label.Entity], properties: { id: params.aboutId! } });
        const q = new Cypher.Node();
        const stated = new Cypher.Pattern(n).related({ type: RelType.HAS_QUANTITY }).to(q, { labels: [Label.Quantity] });
        const value = q.property("value");
        const inRange = Cypher.and(
          Cypher.or(Cypher.isNull(params.min!), Cypher.gte(value, params.min!)),
          Cypher.or(Cypher.isNull(params.max!), Cypher.lte(value, params.max!)),
          Cypher.or(Cypher.isNull(params.unit!), Cypher.contains(Cypher.toLower(Cypher.coalesce(q.property("unit"), new Cypher.Literal(""))), params.unit!)),
        );
        const where = Cypher.and(
          Cypher.or(Cypher.isNull(params.speakerId!), new Cypher.Exists(new Cypher.Match(made))),
          Cypher.or(Cypher.isNull(params.aboutId!), new Cypher.Exists(new Cypher.Match(about))),
          Cypher.or(Cypher.isNull(params.byQuantity!), new Cypher.Exists(new Cypher.Match(stated).where(inRange))),
        );
        return { pattern: new Cypher.Pattern(n, { labels: [Label.Claim] }), where, node: n };
      },
      unfiltered: (params) => Cypher.and(Cypher.isNull(params.speakerId!), Cypher.isNull(params.aboutId!), Cypher.isNull(params.byQuantity!))!,
      order: byStartId,
    }),
  },
  Claim: {
    speaker: neighbours({ type: RelType.MADE, direction: "in", label: Label.Person, one: true }),
    passage: neighbours({ type: RelType.SUPPORTED_BY, direction: "out", label: Label.Passage, one: true }),
    about: neighbours({ type: RelType.ABOUT, direction: "out", label: Label.Entity, order: (e) => [e.property("id")] }),
    quantities: relation({
      // The figures one claim states: the seed's most is 4.
      most: 5,
      rows: (scope) => {
        const q = new Cypher.Node();
        const clause = Cypher.utils.concat(
          new Cypher.Match(new Cypher.Pattern(nodeOf(scope)).related({ type: RelType.HAS_QUANTITY }).to(q, { labels: [Label.Quantity] })),
          new Cypher.With(q).orderBy(q.property("ordinal"), q.property("start"), q.property("id")),
        );
        return { clause, scope: { node: q } };
      },
    }),
  },
  Quantity: {
    ...properties("node", ["value", "qualifier", "surface", "start", "end"]),
    unit: value((s) => Cypher.coalesce(nodeOf(s).property("unit"), new Cypher.Literal(""))),
  },
};
