/**
 * SPEECH: a speaker's own words. EDITORIAL: the write-up's words (the introduction, headings, and a
 * line that opens a turn by describing the speaker, "YERZHAN ASHYKBAYEV covered …").
 */
export type PassageKind = "SPEECH" | "EDITORIAL";

/** A paragraph of the document, with the person whose words it is (null: no speaker). */
export interface PassageSpan {
  ordinal: number;
  start: number;
  end: number;
  text: string;
  speakerId: string | null;
  kind: PassageKind;
}

export interface TurnMarker {
  personId: string;
  /** How the transcript opens this person's turn, e.g. "NOAH TUCKER" or "AMBASSADOR JOHN HERBST". */
  label: string;
}

const BLANK_LINE = /^[\s\u00A0]*$/;
const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * Splits the document into paragraphs (runs of non-blank lines; a line of only spaces or
 * non-breaking spaces is blank), trimmed of surrounding white space, offsets into the untouched
 * text. Separators with no words ("***", "_____") are not passages.
 *
 * Speakers: a paragraph that opens with a turn marker ("  1. NOAH TUCKER: …", "AMBASSADOR JOHN
 * HERBST: …") starts that person's turn, which runs until the next marker. Paragraphs before the
 * first marker (the introduction) belong to no speaker. A marker followed by words about the speaker
 * rather than a colon ("YERZHAN ASHYKBAYEV covered the procedures …") is the editor's summary: that
 * paragraph is EDITORIAL with no speaker, and the turn starts with the next paragraph.
 */
export function splitPassages(text: string, turns: readonly TurnMarker[]): PassageSpan[] {
  const passages: PassageSpan[] = [];
  let speakerId: string | null = null;
  let lineStart = 0;
  let paraStart = -1;
  let paraEnd = -1;

  const flush = () => {
    if (paraStart < 0) return;
    const raw = text.slice(paraStart, paraEnd);
    const start = paraStart + (raw.length - raw.trimStart().length);
    const trimmed = raw.trim();
    paraStart = -1;
    if (!HAS_WORDS.test(trimmed)) return;
    const marker = turns.find((t) => opensTurn(trimmed, t.label));
    let kind: PassageKind = speakerId ? "SPEECH" : "EDITORIAL";
    if (marker) {
      speakerId = marker.personId;
      kind = describesSpeaker(trimmed, marker.label) ? "EDITORIAL" : "SPEECH";
    }
    const saidBy = kind === "SPEECH" ? speakerId : null;
    passages.push({ ordinal: passages.length + 1, start, end: start + trimmed.length, text: trimmed, speakerId: saidBy, kind });
  };

  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (BLANK_LINE.test(line)) {
      flush();
    } else {
      if (paraStart < 0) paraStart = lineStart;
      paraEnd = lineEnd;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  flush();
  return passages;
}

/** "1. NOAH TUCKER: …", "NOAH TUCKER covered …", "AMBASSADOR JOHN HERBST: …" */
function opensTurn(paragraph: string, label: string): boolean {
  const body = withoutNumber(paragraph);
  if (!body.startsWith(label)) return false;
  const next = body.charAt(label.length);
  return next === "" || next === ":" || /[\s\u00A0]/.test(next);
}

function withoutNumber(paragraph: string): string {
  return paragraph.replace(/^\d+\.[\s\u00A0]*/, "");
}

/** "YERZHAN ASHYKBAYEV covered …": the label runs into a sentence about the speaker, no colon. */
function describesSpeaker(paragraph: string, label: string): boolean {
  const rest = withoutNumber(paragraph).slice(label.length);
  return rest.trim().length > 0 && !rest.startsWith(":");
}
