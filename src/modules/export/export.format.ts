import { registerEnumType } from "type-graphql";

/** The formats graphs are exported in. */
export enum ExportFormat {
  CYTOSCAPE_JSON = "CYTOSCAPE_JSON",
  GRAPHML = "GRAPHML",
  GEXF = "GEXF",
}

registerEnumType(ExportFormat, {
  name: "ExportFormat",
  description: "A graph file format: Cytoscape.js elements JSON, GraphML 1.0 (yEd, NetworkX, igraph) or GEXF 1.3 (Gephi).",
  valuesConfig: {
    CYTOSCAPE_JSON: { description: "`{data, elements: {nodes: [{data}], edges: [{data}]}}`, as `cytoscape({elements})` takes it." },
    GRAPHML: { description: "GraphML 1.0 with a typed `<key>` per attribute." },
    GEXF: { description: "GEXF 1.3 with typed node and edge attribute declarations." },
  },
});

export interface FormatInfo {
  /** File name extension of the download (`/exports/graph.<extension>`). */
  extension: string;
  /**
   * Content-Type of the download. GraphML and GEXF have no registered media type; the names in
   * common use, with the `+xml` structured suffix (RFC 6839), tell any client it is XML while
   * still naming the format.
   */
  contentType: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  CYTOSCAPE_JSON: { extension: "json", contentType: "application/json; charset=utf-8" },
  GRAPHML: { extension: "graphml", contentType: "application/graphml+xml; charset=utf-8" },
  GEXF: { extension: "gexf", contentType: "application/gexf+xml; charset=utf-8" },
};

export function formatOfExtension(extension: string): ExportFormat | null {
  const entry = Object.entries(FORMAT_INFO).find(([, info]) => info.extension === extension);
  return entry ? (entry[0] as ExportFormat) : null;
}
