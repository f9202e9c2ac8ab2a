/** A name an entity goes by in the text. */
export interface SurfaceForm {
  entityId: string;
  form: string;
}

export interface Mention {
  entityId: string;
  start: number;
  end: number;
  surface: string;
}

/**
 * All-capital forms (UNICEF, US, ISIS, U.S.) are acronyms or turn labels: they match only in
 * capitals, so "US" never matches "us". Every other form matches regardless of case.
 */
export function isCaseSensitive(form: string): boolean {
  return /\p{Lu}/u.test(form) && form === form.toUpperCase();
}

const WORD_CHAR = "[\\p{L}\\p{N}_]";

function formPattern(form: string): RegExp {
  const escaped = form
    .trim()
    .split(/[\s\u00A0]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/['\u2019]/g, "['\u2019]"))
    .join("[\\s\\u00A0]+");
  // No mention inside another word: no letter or digit may touch either end.
  const flags = isCaseSensitive(form) ? "gu" : "giu";
  return new RegExp(`(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})`, flags);
}

/**
 * Finds every mention of every form in `text`. Where matches overlap, the longest wins (so
 * "U.S. Department of State" beats "U.S.", and "Republic of Kazakhstan" inside a longer embassy
 * name is not also a mention of the country); ties go to the earlier match.
 */
export function findMentions(text: string, forms: readonly SurfaceForm[]): Mention[] {
  const candidates: Mention[] = [];
  for (const { entityId, form } of forms) {
    for (const match of text.matchAll(formPattern(form))) {
      const start = match.index!;
      candidates.push({ entityId, start, end: start + match[0].length, surface: match[0] });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Mention[] = [];
  for (const c of candidates) {
    if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Forms claimed by more than one entity: each would make mentions ambiguous. */
export function ambiguousForms(forms: readonly SurfaceForm[]): Array<{ form: string; entityIds: string[] }> {
  const byForm = new Map<string, Set<string>>();
  for (const f of forms) {
    const key = isCaseSensitive(f.form) ? f.form : f.form.toLowerCase();
    byForm.set(key, (byForm.get(key) ?? new Set()).add(f.entityId));
  }
  return [...byForm.entries()].filter(([, ids]) => ids.size > 1).map(([form, ids]) => ({ form, entityIds: [...ids] }));
}
