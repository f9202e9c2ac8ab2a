import cytoscape from "cytoscape";
import type { EntityType, GraphView } from "./api.js";
import { TYPE_STYLE } from "./style.js";

const SHORT_LABEL = 28;

function short(label: string): string {
  return label.length > SHORT_LABEL ? `${label.slice(0, SHORT_LABEL - 1).trimEnd()}…` : label;
}

export function createGraph(container: HTMLElement): cytoscape.Core {
  const typeStyles = Object.entries(TYPE_STYLE).map(([type, s]) => ({
    selector: `node[type = "${type}"]`,
    style: { "background-color": s.colour, shape: s.shape as cytoscape.Css.NodeShape },
  }));
  return cytoscape({
    container,
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: "single",
    style: [
      {
        selector: "node",
        style: {
          label: "data(short)",
          width: 26,
          height: 26,
          "font-size": 11,
          "font-family": "system-ui, sans-serif",
          color: "#1b1b1b",
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "wrap",
          "text-max-width": "130px",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.8,
          "text-background-padding": "1px",
          "border-width": 1,
          "border-color": "#ffffff",
        },
      },
      ...typeStyles,
      { selector: 'node[type = "CLAIM"]', style: { width: 18, height: 14, "font-size": 9, color: "#444" } },
      { selector: "node.root", style: { width: 38, height: 38, "border-width": 3, "border-color": "#1b1b1b", "font-weight": "bold" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#c00060", "overlay-opacity": 0 } },
      { selector: "node.path-end", style: { "border-width": 3, "border-color": "#6a00c0", "border-style": "double" } },
      {
        selector: "edge",
        style: {
          width: 1.5,
          "line-color": "#a9b1bb",
          "target-arrow-color": "#a9b1bb",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          "curve-style": "bezier",
          label: "data(type)",
          "font-size": 8,
          color: "#56606b",
          "text-rotation": "autorotate",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.85,
          "text-background-padding": "1px",
        },
      },
      { selector: "edge.evidence-source", style: { "line-color": "#c00060", "target-arrow-color": "#c00060", width: 3 } },
    ],
  });
}

/** Adds a view's nodes and edges that are not drawn yet; returns how many nodes were new. */
export function addView(cy: cytoscape.Core, view: GraphView, near?: string): number {
  const centre = near ? cy.getElementById(near) : null;
  const origin = centre && centre.nonempty() ? centre.position() : { x: 0, y: 0 };
  const nodes = view.nodes
    .filter((n) => cy.getElementById(n.id).empty())
    .map((n) => ({ group: "nodes" as const, data: { id: n.id, type: n.type, label: n.label, short: short(n.label), hint: n.layout }, position: { ...origin } }));
  const edges = view.edges
    .filter((e) => cy.getElementById(e.id).empty())
    .map((e) => ({ group: "edges" as const, data: { id: e.id, source: e.source, target: e.target, type: e.type, properties: e.properties, evidence: e.evidence } }));
  cy.add([...nodes, ...edges]);
  return nodes.length;
}

/**
 * A fresh neighbourhood or a path: where the service's layout hint puts each node (rings around
 * the root; a path as a line), so this page draws what any other client of the API draws. After
 * an expansion: a force-directed layout from the current positions.
 */
export function runLayout(cy: cytoscape.Core, mode: "view" | "expanded"): Promise<void> {
  const hinted = mode === "view" && cy.nodes().every((node) => node.data("hint") != null);
  const layout = hinted
    ? cy.layout({ name: "preset", positions: (node: cytoscape.NodeSingular) => node.data("hint"), fit: false, animate: false } as cytoscape.LayoutOptions)
    : cy.layout({
        name: "cose",
        animate: false,
        randomize: false,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 110,
        nodeOverlap: 12,
        padding: 40,
        componentSpacing: 60,
      } as cytoscape.LayoutOptions);
  const done = new Promise<void>((resolve) => layout.one("layoutstop", () => resolve()));
  layout.run();
  return done;
}

export function typeOf(cy: cytoscape.Core, id: string): EntityType | null {
  const node = cy.getElementById(id);
  return node.nonempty() ? (node.data("type") as EntityType) : null;
}

/** Fits the drawing in view without blowing a small graph up past its natural size. */
export function fitView(cy: cytoscape.Core, padding = 40): void {
  cy.fit(undefined, padding);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center();
  }
}
