/** Longest label a node gets from its text (claims, passages); views and exports cut alike. */
export const LABEL_LENGTH = 60;

/**
 * How much of a text a label looks at: its first LABEL_LENGTH characters, and whether there are
 * more. A read that fetches only what labels need reads this many (`left(text, LABEL_TEXT_READ)`).
 */
export const LABEL_TEXT_READ = LABEL_LENGTH + 1;

/** What to draw for a node: its name or title, else the start of its text, else its id. */
export function nodeLabel(props: Record<string, unknown>, id: string): string {
  for (const key of ["name", "title"]) {
    const value = props[key];
    if (typeof value === "string" && value.length > 0) return value;
  }
  const text = props.text;
  if (typeof text === "string" && text.length > 0) {
    return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH).trimEnd()}…` : text;
  }
  return id;
}
