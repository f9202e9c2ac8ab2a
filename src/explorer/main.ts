import {
  ApiError,
  gql,
  NEIGHBOURHOOD,
  nodeQuery,
  PASSAGE,
  SEARCH,
  SHORTEST_PATH,
  type EntityType,
  type GraphView,
  type Mention,
  type PassageDetail,
  type Place,
  type SearchHit,
} from "./api.js";
import { $, h } from "./dom.js";
import { addView, createGraph, fitView, runLayout, typeOf } from "./graph.js";
import { linksInView, renderNode, type PanelActions, type ViewLink } from "./panel.js";
import { LEGEND_SHAPE, TYPE_STYLE } from "./style.js";

/** Nodes a neighbourhood asks for; the API's default, readable on a laptop screen. */
const VIEW_LIMIT = 50;

const graphEl = $("#graph");
const statusEl = $("#status");
const panelEl = $("#panel-body");
const resultsEl = $("#results");
const dialog = document.querySelector<HTMLDialogElement>("#passage")!;
const cy = createGraph(graphEl);

const state = {
  root: null as string | null,
  selected: null as string | null,
  pathFrom: null as { id: string; label: string } | null,
  pathTo: null as { id: string; label: string } | null,
  pending: 0,
};

/** For tests and for anyone at the console: the drawing and what it shows. */
Object.assign(window, { explorer: { cy, state, select: (id: string) => select(id), open: (id: string) => openNeighbourhood(id) } });

function busy<T>(work: Promise<T>): Promise<T> {
  state.pending += 1;
  graphEl.dataset.state = "loading";
  return work.finally(() => {
    state.pending -= 1;
    if (state.pending === 0) graphEl.dataset.state = "idle";
  });
}

function setStatus(text: string, isError = false): void {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", isError);
}

function describe(error: unknown): string {
  return error instanceof ApiError ? error.message : "The service could not be reached.";
}

function publishCounts(): void {
  graphEl.dataset.nodeCount = String(cy.nodes().length);
  graphEl.dataset.edgeCount = String(cy.edges().length);
}

// ---- search ---------------------------------------------------------------------------------

function hitLabel(hit: SearchHit): string {
  const n = hit.node;
  if (n.name) return n.acronym ? `${n.name} (${n.acronym})` : n.name;
  if (n.title) return n.title;
  if (hit.type === "PASSAGE") return `Paragraph ${n.ordinal}`;
  return n.text ? (n.text.length > 90 ? `${n.text.slice(0, 90)}…` : n.text) : n.id;
}

/** A snippet with its «marked» word as <mark>, built from text nodes only. */
function snippet(text: string): HTMLElement {
  const p = h("span", { class: "snippet" });
  const parts = text.split(/«|»/);
  parts.forEach((part, i) => p.append(i % 2 === 1 ? h("mark", {}, part) : part));
  return p;
}

async function search(query: string): Promise<void> {
  if (!query.trim()) return;
  setStatus(`Searching for “${query}”…`);
  resultsEl.replaceChildren();
  try {
    const { search: hits } = await busy(gql<{ search: SearchHit[] }>(SEARCH, { query }));
    resultsEl.dataset.count = String(hits.length);
    if (hits.length === 0) {
      resultsEl.append(h("li", { class: "muted" }, "Nothing found. Try another word."));
      setStatus(`No results for “${query}”.`);
      return;
    }
    // Entities first, then claims and paragraphs: a search usually means "find this thing".
    const rank = (t: EntityType) => (t === "CLAIM" ? 1 : t === "PASSAGE" || t === "DOCUMENT" ? 2 : 0);
    const ordered = hits.map((hit, i) => ({ hit, i })).sort((a, b) => rank(a.hit.type) - rank(b.hit.type) || a.i - b.i).map((x) => x.hit);
    for (const hit of ordered) {
      const style = TYPE_STYLE[hit.type];
      resultsEl.append(
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "result", "data-id": hit.node.id, onclick: () => void openNeighbourhood(hit.node.id) },
            h("span", { class: "dot", style: `--type-colour: ${style.colour}`, "aria-hidden": "true" }),
            h("span", { class: "result-main" }, h("span", { class: "result-label" }, hitLabel(hit)), h("span", { class: "result-type" }, style.name)),
            hit.snippet && !hit.node.name ? snippet(hit.snippet) : null,
          ),
        ),
      );
    }
    setStatus(`${hits.length} result${hits.length === 1 ? "" : "s"} for “${query}”: pick one to draw its neighbourhood.`);
    resultsEl.querySelector<HTMLButtonElement>("button")?.focus();
  } catch (error) {
    setStatus(describe(error), true);
  }
}

// ---- drawing --------------------------------------------------------------------------------

async function openNeighbourhood(id: string): Promise<void> {
  setStatus("Loading the neighbourhood…");
  try {
    const { neighbourhood } = await busy(gql<{ neighbourhood: GraphView }>(NEIGHBOURHOOD, { id, depth: 1, limit: VIEW_LIMIT }));
    if (neighbourhood.nodes.length === 0) {
      setStatus("That node is not in the graph.", true);
      return;
    }
    cy.elements().remove();
    state.root = id;
    addView(cy, neighbourhood);
    cy.getElementById(id).addClass("root");
    markPathEnds();
    await runLayout(cy, "view");
    fitView(cy);
    publishCounts();
    const root = neighbourhood.nodes.find((n) => n.id === id);
    setStatus(
      `${root?.label ?? id}: ${neighbourhood.nodes.length} nodes, ${neighbourhood.edges.length} links${neighbourhood.truncated ? " (cut at the limit)" : ""}. ` +
        "Click a node to read about it; double-click (or Expand) to open its neighbours.",
    );
    await select(id);
  } catch (error) {
    setStatus(describe(error), true);
  }
}

async function expand(id: string): Promise<void> {
  setStatus("Expanding…");
  try {
    const { neighbourhood } = await busy(gql<{ neighbourhood: GraphView }>(NEIGHBOURHOOD, { id, depth: 1, limit: VIEW_LIMIT }));
    const added = addView(cy, neighbourhood, id);
    markPathEnds();
    if (added > 0) await runLayout(cy, "expanded");
    publishCounts();
    setStatus(added > 0 ? `Added ${added} node${added === 1 ? "" : "s"} around ${cy.getElementById(id).data("label")}.` : "Every neighbour is already drawn.");
  } catch (error) {
    setStatus(describe(error), true);
  }
}

async function showPath(): Promise<void> {
  const { pathFrom, pathTo } = state;
  if (!pathFrom || !pathTo) return;
  setStatus("Looking for the shortest path…");
  try {
    const { shortestPath } = await busy(gql<{ shortestPath: GraphView }>(SHORTEST_PATH, { from: pathFrom.id, to: pathTo.id }));
    if (shortestPath.nodes.length === 0) {
      setStatus(shortestPath.truncated ? "The two are linked only by a path longer than 10 steps." : "No path links these two.", true);
      return;
    }
    cy.elements().remove();
    state.root = pathFrom.id;
    addView(cy, shortestPath);
    markPathEnds();
    await runLayout(cy, "view");
    fitView(cy, 50);
    publishCounts();
    setStatus(`Shortest path from ${pathFrom.label} to ${pathTo.label}: ${shortestPath.edges.length} step${shortestPath.edges.length === 1 ? "" : "s"}.`);
  } catch (error) {
    setStatus(describe(error), true);
  }
}

function markPathEnds(): void {
  cy.nodes().removeClass("path-end");
  for (const end of [state.pathFrom, state.pathTo]) if (end) cy.getElementById(end.id).addClass("path-end");
}

function renderPathBar(): void {
  $("#path-from").textContent = state.pathFrom?.label ?? "—";
  $("#path-to").textContent = state.pathTo?.label ?? "—";
  ($("#path-go") as HTMLButtonElement).disabled = !(state.pathFrom && state.pathTo && state.pathFrom.id !== state.pathTo.id);
  markPathEnds();
}

// ---- side panel -----------------------------------------------------------------------------

const actions: PanelActions = {
  go(id) {
    if (cy.getElementById(id).nonempty()) void select(id, true);
    else void openNeighbourhood(id);
  },
  openQuote(place, quote) {
    void openPassage(place, quote);
  },
};

async function select(id: string, focusPanel = false): Promise<void> {
  const type: EntityType | null = typeOf(cy, id);
  if (!type) return;
  state.selected = id;
  cy.nodes().unselect();
  cy.getElementById(id).select();
  const label = String(cy.getElementById(id).data("label"));
  panelEl.replaceChildren(h("p", { class: "muted" }, `Loading ${label}…`));
  panelEl.dataset.selected = id;
  try {
    const { node } = await busy(gql<{ node: Record<string, unknown> | null }>(nodeQuery(type), { id }));
    if (state.selected !== id) return;
    if (!node) {
      panelEl.replaceChildren(h("p", { class: "muted" }, "This node is no longer in the graph."));
      return;
    }
    const toolbar = h(
      "div",
      { class: "panel-actions" },
      h("button", { type: "button", onclick: () => void expand(id) }, "Expand neighbours"),
      h("button", { type: "button", onclick: () => void openNeighbourhood(id) }, "Centre on this"),
      h("button", { type: "button", onclick: () => ((state.pathFrom = { id, label }), renderPathBar()) }, "Path from here"),
      h("button", { type: "button", onclick: () => ((state.pathTo = { id, label }), renderPathBar()) }, "Path to here"),
    );
    const links = viewLinks(id);
    panelEl.replaceChildren(renderNode(actions, type, node, links), toolbar, linksInView(actions, links));
    panelEl.dataset.loaded = id;
    if (focusPanel) document.getElementById("panel-title")?.focus();
  } catch (error) {
    panelEl.replaceChildren(h("p", { class: "error" }, describe(error)));
  }
}

/** The selected node's links as drawn, with the evidence the view carries for each. */
function viewLinks(id: string): ViewLink[] {
  return cy
    .getElementById(id)
    .connectedEdges()
    .map((edge): ViewLink => {
      const outgoing = edge.source().id() === id;
      const other = outgoing ? edge.target() : edge.source();
      return {
        type: String(edge.data("type")),
        outgoing,
        other: { id: other.id(), label: String(other.data("label")), type: other.data("type") as EntityType },
        properties: (edge.data("properties") as Record<string, unknown> | undefined) ?? {},
        evidence: (edge.data("evidence") as Mention[] | undefined) ?? [],
      };
    });
}

async function openPassage(place: Place, quote: string): Promise<void> {
  const body = $("#passage-body");
  body.replaceChildren(h("p", { class: "muted" }, "Loading the paragraph…"));
  $("#passage-title").textContent = `Paragraph ${place.passage.ordinal}`;
  if (!dialog.open) dialog.showModal();
  try {
    const { node } = await busy(gql<{ node: PassageDetail | null }>(PASSAGE, { id: place.passage.id }));
    if (!node) throw new ApiError("The paragraph was not found.", "NOT_FOUND");
    // Offsets are into the whole document; the paragraph starts at node.start.
    const from = Math.max(0, place.start - node.start);
    const to = Math.min(node.text.length, place.end - node.start);
    const mark = h("mark", { id: "passage-quote" }, node.text.slice(from, to));
    body.replaceChildren(
      h("p", { class: "passage-meta" }, `${node.speaker ? `${node.speaker.name} · ` : ""}paragraph ${node.ordinal} · the quote is characters ${place.start}–${place.end} of the document`),
      h("p", { class: "passage-text" }, node.text.slice(0, from), mark, node.text.slice(to)),
    );
    if (node.text.slice(from, to) !== quote && !quote.endsWith("…")) body.append(h("p", { class: "muted" }, "(The quote spans the paragraph's edge.)"));
    mark.scrollIntoView({ block: "center" });
  } catch (error) {
    body.replaceChildren(h("p", { class: "error" }, describe(error)));
  }
}

// ---- wiring ---------------------------------------------------------------------------------

function renderLegend(): void {
  const legend = $("#legend-list");
  for (const [type, style] of Object.entries(TYPE_STYLE)) {
    if (type === "DOCUMENT") continue;
    legend.append(
      h(
        "li",
        { "data-type": type },
        (() => {
          const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
          svg.setAttribute("viewBox", "0 0 20 20");
          svg.setAttribute("aria-hidden", "true");
          svg.setAttribute("fill", style.colour);
          svg.innerHTML = LEGEND_SHAPE[style.shape] ?? "";
          return svg;
        })(),
        style.name,
      ),
    );
  }
}

$("#search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void search(($("#search-input") as HTMLInputElement).value);
});
$("#path-go").addEventListener("click", () => void showPath());
$("#fit").addEventListener("click", () => fitView(cy));
$("#passage-close").addEventListener("click", () => dialog.close());
dialog.addEventListener("click", (event) => {
  if (event.target === dialog) dialog.close();
});

// The drawing is one focusable region: Enter expands the selected node, Escape clears the selection.
graphEl.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && state.selected) void expand(state.selected);
  if (event.key === "Escape") cy.nodes().unselect();
});
cy.on("tap", "node", (event) => void select(event.target.id()));
cy.on("dbltap", "node", (event) => void expand(event.target.id()));

renderLegend();
renderPathBar();
publishCounts();
graphEl.dataset.state = "idle";

const initial = new URLSearchParams(location.search);
if (initial.get("id")) void openNeighbourhood(initial.get("id")!);
else if (initial.get("q")) {
  ($("#search-input") as HTMLInputElement).value = initial.get("q")!;
  void search(initial.get("q")!);
}
