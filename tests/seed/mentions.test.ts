import { describe, expect, it } from "vitest";
import { findMentions, isCaseSensitive } from "../../src/seed/text/gazetteer.js";
import { splitPassages } from "../../src/seed/text/passages.js";
import { resolveQuote } from "../../src/seed/text/quotes.js";

const forms = [
  { entityId: "country:US", form: "United States" },
  { entityId: "country:US", form: "U.S." },
  { entityId: "country:US", form: "US" },
  { entityId: "org:state", form: "U.S. Department of State" },
  { entityId: "org:ac", form: "Atlantic Council" },
  { entityId: "org:unicef", form: "UNICEF" },
  { entityId: "org:isis", form: "ISIS" },
  { entityId: "country:KZ", form: "Kazakhstan" },
  { entityId: "country:KZ", form: "Kazakhstani" },
  { entityId: "country:KZ", form: "Kazakhs" },
  { entityId: "org:embassy", form: "Embassy of the Republic of Kazakhstan to the United States" },
  { entityId: "region:ca", form: "Central Asia" },
  { entityId: "region:ca", form: "Central Asian" },
];
const found = (text: string) => findMentions(text, forms).map((m) => `${m.entityId}=${m.surface}`);

describe("mention finding", () => {
  it("acronyms match only in capitals: US is not 'us'", () => {
    expect(found("Let us thank the US and the U.S. for this.")).toEqual(["country:US=US", "country:US=U.S."]);
    expect(isCaseSensitive("UNICEF")).toBe(true);
    expect(isCaseSensitive("Kazakhstan")).toBe(false);
  });

  it("the longest match wins: a name inside a longer name is not a second mention", () => {
    expect(found("the U.S. Department of State said")).toEqual(["org:state=U.S. Department of State"]);
    expect(found("the Embassy of the Republic of Kazakhstan to the United States hosted")).toEqual([
      "org:embassy=Embassy of the Republic of Kazakhstan to the United States",
    ]);
    expect(found("Central Asian nations and Central Asia")).toEqual(["region:ca=Central Asian", "region:ca=Central Asia"]);
  });

  it("possessives with curly or straight apostrophes keep the name", () => {
    expect(found("the Atlantic Council’s Eurasia Center and Kazakhstan's program")).toEqual([
      "org:ac=Atlantic Council",
      "country:KZ=Kazakhstan",
    ]);
  });

  it("no mention inside another word; demonyms are their own forms", () => {
    expect(found("crISIS aside, UNICEFs and ISIS-affiliated")).toEqual(["org:isis=ISIS"]);
    expect(found("the Kazakhstani example, ethnic Kazakhs, Kazakhstanis")).toEqual(["country:KZ=Kazakhstani", "country:KZ=Kazakhs"]);
  });

  it("names split by a non-breaking space or a line break still match", () => {
    expect(found("the United\u00A0States and Central\nAsia")).toEqual(["country:US=United\u00A0States", "region:ca=Central\nAsia"]);
  });

  it("case-insensitive names match in any case (turn labels in capitals)", () => {
    expect(found("KAZAKHSTAN and kazakhstan")).toEqual(["country:KZ=KAZAKHSTAN", "country:KZ=kazakhstan"]);
  });
});

describe("passages and speaker turns", () => {
  const text = "Title line\n\nIntro paragraph.\n\u00A0\n  1. ALICE SMITH: Hello there.\n\nMore from Alice.\n\n***\n\nBOB JONES: Hi.\n";
  const passages = splitPassages(text, [
    { personId: "person:alice", label: "ALICE SMITH" },
    { personId: "person:bob", label: "BOB JONES" },
  ]);

  it("splits on blank lines (also lines of non-breaking spaces), skips separators, trims", () => {
    expect(passages.map((p) => p.text)).toEqual(["Title line", "Intro paragraph.", "1. ALICE SMITH: Hello there.", "More from Alice.", "BOB JONES: Hi."]);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it("attributes paragraphs to the turn they stand in; the introduction to no one", () => {
    expect(passages.map((p) => p.speakerId)).toEqual([null, null, "person:alice", "person:alice", "person:bob"]);
  });
});

describe("quotes", () => {
  it("must be verbatim and unique, or name their occurrence", () => {
    const text = "one two one";
    expect(resolveQuote(text, "two")).toEqual({ ok: true, start: 4, end: 7 });
    expect(resolveQuote(text, "one")).toMatchObject({ ok: false, message: expect.stringMatching(/appears 2 times/) });
    expect(resolveQuote(text, "one", 2)).toEqual({ ok: true, start: 8, end: 11 });
    expect(resolveQuote(text, "three")).toMatchObject({ ok: false });
  });
});
