/** Every start offset of `quote` in `text` (exact, code-unit for code-unit). */
export function occurrencesOf(text: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

export type QuoteResolution = { ok: true; start: number; end: number } | { ok: false; message: string };

/**
 * Where a quote stands in the document. It must be there verbatim; when it is there more than
 * once, `occurrence` (1-based) must say which.
 */
export function resolveQuote(text: string, quote: string, occurrence?: number): QuoteResolution {
  const found = occurrencesOf(text, quote);
  if (found.length === 0) {
    return { ok: false, message: `quote not found verbatim in the document: "${preview(quote)}"${hint(text, quote)}` };
  }
  if (occurrence !== undefined) {
    if (occurrence > found.length) {
      return { ok: false, message: `occurrence ${occurrence} asked, but the quote appears ${found.length} time(s)` };
    }
    const start = found[occurrence - 1]!;
    return { ok: true, start, end: start + quote.length };
  }
  if (found.length > 1) {
    return {
      ok: false,
      message: `quote appears ${found.length} times in the document; lengthen it or add occurrence: 1..${found.length}: "${preview(quote)}"`,
    };
  }
  return { ok: true, start: found[0]!, end: found[0]! + quote.length };
}

function preview(quote: string): string {
  return quote.length > 80 ? `${quote.slice(0, 77)}…` : quote;
}

/** The usual reason a quote that looks right is not found: straight vs curly quotes, dashes, spaces. */
function hint(text: string, quote: string): string {
  const fold = (s: string) =>
    s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2013\u2014]/g, "-").replace(/[\s\u00A0]+/g, " ");
  if (fold(quote) !== quote || /['"\- ]/.test(quote)) {
    if (fold(text).includes(fold(quote))) {
      return " (it is there with different quotes, dashes or spaces: copy it from the text as it is)";
    }
  }
  return "";
}

/**
 * The occurrence (1-based) of `quote` that starts at `start`, for a writer who gives the offset
 * instead of counting: resolveQuote then finds it as any other occurrence.
 */
export function occurrenceAt(text: string, quote: string, start: number): QuoteResolution & { occurrence?: number } {
  const found = occurrencesOf(text, quote);
  const index = found.indexOf(start);
  if (index < 0) {
    return { ok: false, message: found.length === 0 ? `quote not found verbatim in the document: "${preview(quote)}"${hint(text, quote)}` : `the quote does not start at offset ${start}; it starts at ${found.slice(0, 10).join(", ")}${found.length > 10 ? ", …" : ""}` };
  }
  return { ok: true, start, end: start + quote.length, occurrence: index + 1 };
}
