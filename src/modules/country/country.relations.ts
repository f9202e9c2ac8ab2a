import { Label, RelType } from "../../graph/model.js";
import { byNameId, everyNode, neighbours } from "../../data/patterns.js";
import { nodeById, type Sources } from "../../data/source.js";
import { references } from "../person/person.relations.js";
import { programsOf } from "../program/program.relations.js";

/** How countries and regions are read (see data/source.ts). */
export const countryRelations: Sources = {
  Query: {
    country: nodeById(Label.Country),
    countries: everyNode(Label.Country, byNameId),
    regions: everyNode(Label.Region, byNameId),
  },
  Country: {
    programs: programsOf,
    regions: neighbours({ type: RelType.IN_REGION, direction: "out", label: Label.Region, order: byNameId }),
    referencedBy: references(Label.Person, true),
  },
  Region: {
    country: neighbours({ type: RelType.IN_COUNTRY, direction: "out", label: Label.Country, one: true }),
    programs: programsOf,
  },
};
