import type { EntityType } from "./api.js";

/** Colour (Okabe–Ito palette, distinguishable with colour-blindness) and shape of each node type. */
export const TYPE_STYLE: Record<EntityType, { colour: string; shape: string; name: string }> = {
  PERSON: { colour: "#0072B2", shape: "ellipse", name: "Person" },
  ORGANISATION: { colour: "#E69F00", shape: "round-rectangle", name: "Organisation" },
  COUNTRY: { colour: "#009E73", shape: "hexagon", name: "Country" },
  REGION: { colour: "#56B4E9", shape: "diamond", name: "Region" },
  PROGRAM: { colour: "#D55E00", shape: "star", name: "Program" },
  EVENT: { colour: "#CC79A7", shape: "octagon", name: "Event" },
  CLAIM: { colour: "#8a8a8a", shape: "round-tag", name: "Claim" },
  PASSAGE: { colour: "#C9B800", shape: "rectangle", name: "Passage" },
  DOCUMENT: { colour: "#333333", shape: "barrel", name: "Document" },
};

/** The legend's drawing of a shape, as a small inline SVG path (viewBox 0 0 20 20). */
export const LEGEND_SHAPE: Record<string, string> = {
  ellipse: '<circle cx="10" cy="10" r="8"/>',
  "round-rectangle": '<rect x="2" y="4" width="16" height="12" rx="3"/>',
  hexagon: '<polygon points="5,3 15,3 19,10 15,17 5,17 1,10"/>',
  diamond: '<polygon points="10,1 19,10 10,19 1,10"/>',
  star: '<polygon points="10,1 12.4,7 19,7.2 13.8,11.3 15.6,18 10,14.2 4.4,18 6.2,11.3 1,7.2 7.6,7"/>',
  octagon: '<polygon points="6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6"/>',
  "round-tag": '<path d="M2 4 h11 l5 6 -5 6 h-11 z"/>',
  rectangle: '<rect x="2" y="4" width="16" height="12"/>',
  barrel: '<rect x="3" y="2" width="14" height="16" rx="5"/>',
};
