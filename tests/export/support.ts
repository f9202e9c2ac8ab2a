import { XMLParser } from "fast-xml-parser";

/** Parses XML keeping attributes (as `@name`) and every repeatable element as an array. */
export function parseXml(text: string, arrays: string[]): any {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(text);
}

/** A value as a reader of the declared type would check it. */
export function isOfType(value: string, type: string): boolean {
  switch (type) {
    case "int":
    case "integer":
    case "long":
      return /^-?\d+$/.test(value);
    case "float":
    case "double":
      return value.trim() !== "" && Number.isFinite(Number(value));
    case "boolean":
      return value === "true" || value === "false";
    case "string":
      return true;
    default:
      return false;
  }
}

export const UNICEF_DEPTH_2 = { rootId: "org:unicef", depth: 2 };

/** The neighbourhood the API draws, with limit enough that it is not cut. */
export const NEIGHBOURHOOD = `query ($id: ID!, $depth: Int) {
  neighbourhood(id: $id, depth: $depth, limit: 100) { nodes { id type label } edges { id source target type } truncated }
}`;
export const EXPORT = `query ($format: ExportFormat!, $rootId: ID, $depth: Int, $includePassages: Boolean) {
  graphExport(format: $format, rootId: $rootId, depth: $depth, includePassages: $includePassages)
}`;
