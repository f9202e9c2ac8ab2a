/** Marks around the matched word in a snippet: « and » (plain text, safe to show without escaping). */
export const MARK_OPEN = "«";
export const MARK_CLOSE = "»";
const BEFORE = 60;
const AFTER = 100;

/** A node's visible text fields, as the search query reads them for a snippet (or a whole entity). */
export type SnippetSource = Record<string, unknown>;

/** Fields a snippet is taken from, most telling first. */
function fields(entity: SnippetSource): string[] {
  const lists = ["aliases", "demonyms"].flatMap((k) => (Array.isArray(entity[k]) ? (entity[k] as string[]) : []));
  return [entity.text, entity.description, entity.name, entity.title, entity.acronym, ...lists].filter(
    (v): v is string => typeof v === "string" && v.length > 0,
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A short extract around the first whole-word occurrence of any search term, the term marked
 * «like this», with "…" where text was cut. Null when no field shows a term (the index may match
 * through a field clients do not see).
 */
export function snippetFor(entity: SnippetSource, terms: string[]): string | null {
  if (terms.length === 0) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "iu");
  for (const field of fields(entity)) {
    const match = pattern.exec(field);
    if (!match) continue;
    const at = match.index;
    const end = at + match[0].length;
    const from = Math.max(0, field.lastIndexOf(" ", Math.max(0, at - BEFORE)) + 1);
    const cut = field.indexOf(" ", Math.min(field.length, end + AFTER));
    const to = cut < 0 ? field.length : cut;
    const before = (from > 0 ? "…" : "") + field.slice(from, at);
    const after = field.slice(end, to) + (to < field.length ? "…" : "");
    return `${before}${MARK_OPEN}${match[0]}${MARK_CLOSE}${after}`;
  }
  return null;
}
