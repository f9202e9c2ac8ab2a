import type { EntityType, Mention, Place } from "./api.js";
import { h } from "./dom.js";
import { TYPE_STYLE } from "./style.js";

/** What the panel can ask the page to do. */
export interface PanelActions {
  /** Select a node: in the drawing when it is there, else open its neighbourhood. */
  go(id: string): void;
  /** Show a paragraph with [start, end) of the document highlighted. */
  openQuote(place: Place, quote: string): void;
}

type Named = { id: string; name?: string; text?: string; __typename?: string } | null | undefined;
type Any = Record<string, any>;

/** A relationship drawn in the view that touches the selected node, as the service gave it. */
export interface ViewLink {
  type: string;
  /** True when the selected node is the relationship's source. */
  outgoing: boolean;
  other: { id: string; label: string; type: EntityType };
  properties: Record<string, unknown>;
  evidence: Mention[];
}

function nameOf(n: Named): string {
  return n?.name ?? n?.text ?? n?.id ?? "—";
}

function link(actions: PanelActions, n: Named, relation?: string): HTMLElement {
  if (!n) return h("span", {}, "—");
  return h("button", { type: "button", class: "link", "data-id": n.id, onclick: () => actions.go(n.id), title: n.id }, relation ? `${nameOf(n)}` : nameOf(n));
}

function where(place: Place): string {
  return `¶ ${place.passage.ordinal} · characters ${place.start}–${place.end}`;
}

export function quote(actions: PanelActions, text: string, place: Place, by?: string): HTMLElement {
  return h(
    "li",
    { class: "quote" },
    h("button", { type: "button", class: "quote-text", "data-passage": place.passage.id, onclick: () => actions.openQuote(place, text) }, `“${text}”`),
    h("span", { class: "place" }, `${by ? `${by} · ` : ""}${where(place)}`),
  );
}

function quotes(actions: PanelActions, evidence: Mention[] | undefined, empty = "No quote in one paragraph."): HTMLElement {
  if (!evidence || evidence.length === 0) return h("p", { class: "muted" }, empty);
  const list = h("ul", { class: "quotes" });
  for (const m of evidence) list.append(quote(actions, m.surface, m));
  return list;
}

function section(title: string, ...content: Array<Node | null | false>): HTMLElement | null {
  const items = content.filter((c): c is Node => Boolean(c));
  if (items.length === 0) return null;
  return h("section", {}, h("h3", {}, title), ...items);
}

function fields(rows: Array<[string, unknown]>): HTMLElement {
  const dl = h("dl", { class: "fields" });
  for (const [label, value] of rows) {
    if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    dl.append(h("dt", {}, label), h("dd", {}, Array.isArray(value) ? value.join(", ") : String(value)));
  }
  return dl;
}

/** A relationship with its evidence: "PARTNERS_IN → Operation Zhusan" and the quotes below. */
function relation(actions: PanelActions, role: string, other: Named, evidence: Mention[] | undefined, arrow = "→", detail?: string | null): HTMLElement {
  return h(
    "li",
    { class: "relation", "data-type": role },
    h("div", { class: "relation-head" }, h("span", { class: "role" }, role), ` ${arrow} `, link(actions, other), detail ? h("span", { class: "detail" }, ` · ${detail}`) : null),
    quotes(actions, evidence),
  );
}

/** What a relationship says besides its type: an affiliation's title, a speaker's or host's role. */
function detailOf(link: ViewLink | undefined): string | null {
  const value = link?.properties.title ?? link?.properties.role;
  return typeof value === "string" && value ? value : null;
}

/**
 * A related node, with the quotes of the drawn relationship to it when there is one (the view's
 * edges carry their evidence); without it, the relationship type and the link.
 */
function linked(actions: PanelActions, links: ViewLink[], type: string, other: Named, outgoing: boolean, fallbackDetail?: string | null): HTMLElement | null {
  if (!other) return null;
  const drawn = links.find((l) => l.type === type && l.other.id === other.id && l.outgoing === outgoing);
  const arrow = outgoing ? "→" : "←";
  if (drawn) return relation(actions, type, other, drawn.evidence, arrow, detailOf(drawn) ?? fallbackDetail);
  return h("li", { class: "relation" }, h("div", { class: "relation-head" }, h("span", { class: "role" }, type), ` ${arrow} `, link(actions, other), fallbackDetail ? h("span", { class: "detail" }, ` · ${fallbackDetail}`) : null));
}

function linkedList(actions: PanelActions, links: ViewLink[], type: string, others: Named[] | undefined, outgoing: boolean): HTMLElement | null {
  return list(...(others ?? []).map((o) => linked(actions, links, type, o, outgoing)));
}

/** One drawn link: its type, direction and other end, and the document's words behind it. */
function viewLink(actions: PanelActions, l: ViewLink): HTMLElement {
  const arrow = l.outgoing ? "→" : "←";
  const other = { id: l.other.id, name: l.other.label };
  if (l.other.type === "CLAIM") {
    // A claim's label is the start of its text, and its evidence is the text itself: show the quote once.
    return h(
      "li",
      { class: "relation", "data-type": l.type },
      h("div", { class: "relation-head" }, h("span", { class: "role" }, l.type), ` ${arrow} `, h("button", { type: "button", class: "link", "data-id": l.other.id, onclick: () => actions.go(l.other.id), title: l.other.id }, "claim")),
      quotes(actions, l.evidence, l.other.label),
    );
  }
  return relation(actions, l.type, other, l.evidence, arrow, detailOf(l));
}

/**
 * Every link of the selected node in the drawing, with its evidence; links to claims (MADE,
 * ABOUT) folded under their count, since a speaker or a hub has many.
 */
export function linksInView(actions: PanelActions, links: ViewLink[]): HTMLElement {
  const byName = (a: ViewLink, b: ViewLink) => a.type.localeCompare(b.type) || a.other.label.localeCompare(b.other.label);
  const entities = links.filter((l) => l.other.type !== "CLAIM").sort(byName);
  const claimLinks = links.filter((l) => l.other.type === "CLAIM").sort(byName);
  const section = h("section", { class: "in-view" }, h("h3", {}, `Links in the drawing (${links.length})`));
  if (links.length === 0) section.append(h("p", { class: "muted" }, "None drawn."));
  if (entities.length) section.append(h("ul", { class: "relations" }, ...entities.map((l) => viewLink(actions, l))));
  if (claimLinks.length) {
    section.append(
      h(
        "details",
        { class: "claim-links" },
        h("summary", {}, `${claimLinks.length} claim${claimLinks.length === 1 ? "" : "s"} (${[...new Set(claimLinks.map((l) => l.type))].join(", ")})`),
        h("ul", { class: "relations" }, ...claimLinks.map((l) => viewLink(actions, l))),
      ),
    );
  }
  return section;
}

function list(...items: Array<HTMLElement | null>): HTMLElement | null {
  const present = items.filter((i): i is HTMLElement => i !== null);
  return present.length ? h("ul", { class: "relations" }, ...present) : null;
}

function simpleLinks(actions: PanelActions, nodes: Named[] | undefined): HTMLElement | null {
  if (!nodes || nodes.length === 0) return null;
  return h("ul", { class: "links" }, ...nodes.map((n) => h("li", {}, link(actions, n))));
}

function references(actions: PanelActions, refs: Any[] | undefined, key: "person" | "organisation" | "country", verb: string): HTMLElement | null {
  if (!refs || refs.length === 0) return null;
  return list(
    ...refs.map((r) =>
      h(
        "li",
        { class: "relation" },
        h("div", { class: "relation-head" }, link(actions, r[key]), ` ${verb} ${r.mentionCount} time${r.mentionCount === 1 ? "" : "s"}`),
        quotes(actions, r.evidence),
      ),
    ),
  );
}

function claims(actions: PanelActions, connection: Any | undefined, withSpeaker: boolean): HTMLElement | null {
  const edges: Any[] = connection?.edges ?? [];
  if (edges.length === 0) return null;
  const ul = h("ul", { class: "quotes" });
  for (const { node } of edges) ul.append(quote(actions, node.text, node, withSpeaker ? node.speaker?.name : undefined));
  const total = Number(connection?.totalCount ?? edges.length);
  const more = total > edges.length ? h("p", { class: "muted" }, `and ${total - edges.length} more`) : null;
  const wrap = h("div", {}, ul);
  if (more) wrap.append(more);
  return wrap;
}

/** The panel's content for one node, from the answer to `nodeQuery(type)`. */
export function renderNode(actions: PanelActions, type: EntityType, n: Any, links: ViewLink[] = []): HTMLElement {
  const style = TYPE_STYLE[type];
  const title = n.name ?? n.title ?? (type === "PASSAGE" ? `Paragraph ${n.ordinal}` : type === "CLAIM" ? "Claim" : n.id);
  const head = h(
    "header",
    { class: "panel-head" },
    h("span", { class: "badge", style: `--type-colour: ${style.colour}` }, style.name),
    h("h2", { id: "panel-title", tabindex: "-1" }, title),
    h("code", { class: "id" }, n.id),
  );
  const parts: Array<HTMLElement | null> = [];
  switch (type) {
    case "ORGANISATION":
      parts.push(
        fields([["Acronym", n.acronym], ["Kind", n.kind], ["Also called", n.aliases], ["Wikidata", n.wikidataId]]),
        section("Programs", list(...(n.programs ?? []).map((p: Any) => relation(actions, p.role, p.program, p.evidence)))),
        section("Referenced by", references(actions, n.referencedBy, "person", "mentions it")),
        section("Part of", linkedList(actions, links, "PART_OF", n.parent ? [n.parent] : [], true)),
        section("Units", linkedList(actions, links, "PART_OF", n.units, false)),
        section("Based in", linkedList(actions, links, "BASED_IN", n.country ? [n.country] : [], true)),
      );
      break;
    case "COUNTRY":
      parts.push(
        fields([["ISO code", n.isoCode], ["Also called", n.aliases], ["Demonyms", n.demonyms]]),
        section("Programs", list(...(n.programs ?? []).map((p: Any) => relation(actions, p.role, p.program, p.evidence)))),
        section("Referenced by", references(actions, n.referencedBy, "person", "mentions it")),
        section("Regions", linkedList(actions, links, "IN_REGION", n.regions, true)),
      );
      break;
    case "REGION":
      parts.push(
        fields([["Kind", n.kind], ["Also called", n.aliases], ["Demonyms", n.demonyms]]),
        section("Country", linkedList(actions, links, "IN_COUNTRY", n.country ? [n.country] : [], true)),
        section("Programs", list(...(n.programs ?? []).map((p: Any) => relation(actions, p.role, p.program, p.evidence)))),
      );
      break;
    case "PROGRAM":
      parts.push(
        fields([["Kind", n.kind], ["Also called", n.aliases]]),
        n.description ? h("p", { class: "description" }, n.description) : null,
        section("Participants", list(...(n.participants ?? []).map((p: Any) => relation(actions, p.role, p.participant, p.evidence, "←")))),
        section("Claims about it", claims(actions, n.claims, true)),
      );
      break;
    case "PERSON":
      parts.push(
        fields([["Honorific", n.honorific], ["Title", n.title], ["Also called", n.aliases]]),
        section("Affiliations", linkedList(actions, links, "AFFILIATED_WITH", n.affiliations, true)),
        section("At events", list(...(n.roles ?? []).map((r: Any) => linked(actions, links, "SPOKE_AT", r.event, true, r.role)))),
        section("Organisations mentioned", references(actions, n.referencedOrganisations, "organisation", "mentioned")),
        section("Countries mentioned", references(actions, n.referencedCountries, "country", "mentioned")),
        section("Claims made", claims(actions, n.claims, false)),
      );
      break;
    case "EVENT":
      parts.push(
        fields([["Date", n.date], ["Online", n.online == null ? null : n.online ? "yes" : "no"], ["Participants", n.participantCount == null ? null : `${n.participantCountQualifier ? `${n.participantCountQualifier} ` : ""}${n.participantCount}`], ["Recording", n.recordingUrl]]),
        section("Hosts", linkedList(actions, links, "HOSTED", n.hosts, false)),
        section("Speakers", list(...(n.participants ?? []).map((p: Any) => linked(actions, links, "SPOKE_AT", p.person, false, p.role)))),
      );
      break;
    case "CLAIM":
      parts.push(
        h("ul", { class: "quotes" }, quote(actions, n.text, n as Place, n.speaker?.name)),
        fields([["Kind", n.kind]]),
        section("Said by", simpleLinks(actions, n.speaker ? [n.speaker] : [])),
        section("About", simpleLinks(actions, n.about)),
        section(
          "Figures",
          (n.quantities ?? []).length
            ? h("ul", { class: "links" }, ...n.quantities.map((q: Any) => h("li", {}, `${q.surface ?? q.value} — ${q.unit}`)))
            : null,
        ),
      );
      break;
    case "PASSAGE":
      parts.push(
        h("ul", { class: "quotes" }, quote(actions, n.text.length > 240 ? `${n.text.slice(0, 240)}…` : n.text, { start: n.start, end: n.end, passage: { id: n.id, ordinal: n.ordinal } }, n.speaker?.name)),
        section("Mentions", simpleLinks(actions, (n.mentions ?? []).map((m: Any) => m.entity).filter(Boolean))),
      );
      break;
    case "DOCUMENT":
      parts.push(fields([["Title", n.title], ["Published at", n.url]]));
      break;
  }
  return h("div", {}, head, ...parts.filter((p): p is HTMLElement => p !== null));
}
