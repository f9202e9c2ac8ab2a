import { OPERATES_IN } from "../../graph/model.js";
import type { CuratedSection } from "../../seed/curated.js";
import type { PathSegment } from "../../seed/yaml-source.js";
import { LinkRelation, type AddLinkInput } from "./curation.inputs.js";

/**
 * Each relation a curator can add, as the seed file entry that states it: a link is an extension
 * of the entity the seed files list it under (an affiliation under its person, a participant under
 * its program), so a write and a seed file compile it with the same code into the same
 * relationship. `owner`: which end the entry extends.
 */
interface LinkSpec {
  section: CuratedSection;
  owner: "from" | "to";
  /** The entry's link, without its quote: what the seed file would hold. */
  link: (input: AddLinkInput) => { field: string; list: boolean; value: Record<string, unknown> };
}

const one = (field: string, value: (i: AddLinkInput) => Record<string, unknown>) => (i: AddLinkInput) => ({ field, list: false, value: value(i) });
const many = (field: string, value: (i: AddLinkInput) => Record<string, unknown>) => (i: AddLinkInput) => ({ field, list: true, value: value(i) });
const participant = (i: AddLinkInput) => ({ section: "programs" as const, owner: "to" as const, link: many("participants", () => ({ participant: i.from, role: i.relation })) });

const SPECS: Record<LinkRelation, (i: AddLinkInput) => LinkSpec> = {
  AFFILIATED_WITH: () => ({ section: "people", owner: "from", link: many("affiliations", (i) => ({ organisation: i.to, title: i.title ?? null })) }),
  SPOKE_AT: () => ({ section: "people", owner: "from", link: many("roles", (i) => ({ event: i.to, role: i.role })) }),
  PART_OF: () => ({ section: "organisations", owner: "from", link: one("parent", (i) => ({ id: i.to })) }),
  BASED_IN: () => ({ section: "organisations", owner: "from", link: one("country", (i) => ({ id: i.to })) }),
  IN_REGION: () => ({ section: "countries", owner: "from", link: many("regions", (i) => ({ id: i.to })) }),
  IN_COUNTRY: () => ({ section: "regions", owner: "from", link: one("country", (i) => ({ id: i.to })) }),
  RUNS: participant,
  SUPPORTS: participant,
  FUNDS: participant,
  PARTNERS_IN: participant,
  AUTHORIZED: participant,
  BENEFITS: participant,
  INTRODUCED: participant,
  OPERATES_IN: () => ({ section: "programs", owner: "from", link: many("participants", (i) => ({ participant: i.to, role: OPERATES_IN })) }),
};

/** The seed entry a link input states, and how a problem's place in it reads as an input field. */
export function linkEntry(input: AddLinkInput, occurrence: number | undefined) {
  const spec = SPECS[input.relation](input);
  const { field, list, value } = spec.link(input);
  const quoted = { ...value, quote: input.quote, ...(occurrence !== undefined ? { occurrence } : {}) };
  const owner = spec.owner === "from" ? input.from : input.to;
  const entry = { id: owner, [field]: list ? [quoted] : quoted };
  const other = spec.owner === "from" ? "to" : "from";
  const fieldOf = (at: readonly PathSegment[]): string => {
    const [head, ...rest] = at.filter((s) => typeof s === "string") as string[];
    if (head === "id" && rest.length === 0) return spec.owner;
    const last = rest.at(-1) ?? head!;
    if (["quote", "occurrence", "start", "title", "documentId"].includes(last)) return last;
    if (last === "role") return input.relation === LinkRelation.SPOKE_AT ? "role" : "relation";
    return other;
  };
  return { section: spec.section, entry, fieldOf };
}
