/**
 * Turns what a user typed into a Lucene query that means "any of these words", whatever the
 * characters. The text is cut into words the way a search box reads it (letters and digits, with
 * the dots and apostrophes inside a word kept: "U.S.", "Kazakhstan’s"); everything else, colons
 * included, separates words, so "Stevan:Weine" and "title:Weine" search for the words and never
 * name a field. What is left is still escaped, and the keyword operators (AND, OR, NOT, TO) are
 * lower-cased, so nothing the user types can change the query's structure (fields, wildcards,
 * fuzziness, ranges, regular expressions).
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const KEYWORDS = new Set(["AND", "OR", "NOT", "TO"]);
const WORD = /[\p{L}\p{N}_]+(?:[.'\u2019][\p{L}\p{N}_]+)*\.?/gu;
const POSSESSIVE = /['\u2019]s$/iu;

/** The words of the search as typed, in order. */
export function searchWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * A possessive ("Kazakhstan's", as typed, or "Kazakhstan’s", as the text writes it) also
 * searches the name itself and the other apostrophe: the index keeps "kazakhstan’s" as one word.
 */
function variants(word: string): string[] {
  if (!POSSESSIVE.test(word)) return [word];
  const stem = word.replace(POSSESSIVE, "");
  return [stem, `${stem}'s`, `${stem}\u2019s`];
}

export function toLuceneQuery(text: string): string {
  return [...new Set(searchWords(text).flatMap(variants))]
    .map((word) => (KEYWORDS.has(word) ? word.toLowerCase() : word).replace(SPECIAL, (c) => `\\${c}`))
    .join(" ");
}

/** The words of the search, as the index's analyzer sees them (letters and digits), lower-cased. */
export function searchTerms(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 0))];
}

/**
 * A Lucene query for one whole term, as a keyword-analysed index stores it (NAME_INDEX): the
 * text in quotes, its quotes and backslashes escaped, so nothing in it is read as syntax.
 */
export function exactTermQuery(term: string): string {
  return `"${term.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
