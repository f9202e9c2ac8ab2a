/**
 * Turns what a user typed into a Lucene query that means "any of these words", whatever the
 * characters: every Lucene operator character is escaped and the keyword operators (AND, OR, NOT,
 * TO) are lower-cased, so they are searched as words. Nothing the user types can change the query's
 * structure (fields, wildcards, fuzziness, ranges, regular expressions).
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const KEYWORDS = new Set(["AND", "OR", "NOT", "TO"]);

export function toLuceneQuery(text: string): string {
  return text
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => (KEYWORDS.has(word) ? word.toLowerCase() : word).replace(SPECIAL, (c) => `\\${c}`))
    .join(" ");
}

/** The words of the search, as the index's analyzer sees them (letters and digits), lower-cased. */
export function searchTerms(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 0))];
}
