import { Label, RelType } from "../../graph/model.js";
import { byNameId, everyNode, neighbours } from "../../data/patterns.js";
import { nodeById, type Sources } from "../../data/source.js";
import { references } from "../person/person.relations.js";
import { programsOf } from "../program/program.relations.js";

/** How organisations are read (see data/source.ts). */
export const organisationRelations: Sources = {
  Query: {
    organisation: nodeById(Label.Organisation),
    organisations: everyNode(Label.Organisation, byNameId),
  },
  Organisation: {
    parent: neighbours({ type: RelType.PART_OF, direction: "out", label: Label.Organisation, one: true }),
    units: neighbours({ type: RelType.PART_OF, direction: "in", label: Label.Organisation, order: byNameId }),
    country: neighbours({ type: RelType.BASED_IN, direction: "out", label: Label.Country, one: true }),
    programs: programsOf,
    referencedBy: references(Label.Person, true),
  },
};
