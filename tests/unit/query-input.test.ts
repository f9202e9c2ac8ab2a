import { describe, expect, it } from "vitest";
import { searchTerms, toLuceneQuery } from "../../src/modules/search/lucene.js";
import { snippetFor } from "../../src/modules/search/snippet.js";
import { decodeCursor, encodeCursor } from "../../src/shared/paging.js";

describe("search input", () => {
  it("reads operators as word breaks and lower-cases keyword operators: no input changes the query's structure", () => {
    expect(toLuceneQuery('"UNICEF" AND (ICRC)')).toBe("UNICEF and ICRC");
    expect(toLuceneQuery("name:x* y~2 [a TO b] \\ /re/ -n +m !k ^3 &&||")).toBe("name x y 2 a to b re n m k 3");
    expect(toLuceneQuery("  spaced\t\nwords ")).toBe("spaced words");
    expect(toLuceneQuery("Stevan:Weine")).toBe("Stevan Weine");
    // A possessive also searches the name and the other apostrophe.
    expect(toLuceneQuery("Kazakhstan's").split(" ")).toEqual(["Kazakhstan", "Kazakhstan's", "Kazakhstan\u2019s"]);
    for (const hostile of ['a:"b" OR c*', "(x) AND -y", "\\\\", "~~~", "[* TO *]"]) {
      expect(toLuceneQuery(hostile)).not.toMatch(/(^|[^\\])[+\-&|!(){}[\]^"~*?:/]/);
      expect(toLuceneQuery(hostile)).not.toMatch(/\b(AND|OR|NOT|TO)\b/);
    }
  });

  it("marks the first whole-word match with « »", () => {
    const entity = { id: "claim:x", text: "Kazakhstani officials and Kazakhstan" };
    expect(snippetFor(entity, searchTerms("kazakhstan"))).toBe("Kazakhstani officials and «Kazakhstan»");
    expect(snippetFor(entity, searchTerms("***"))).toBeNull();
  });
});

describe("cursors", () => {
  it("round-trips a sort key and is opaque base64url", () => {
    const cursor = encodeCursor(["Kazakhstan’s “program”", "program:x"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(["Kazakhstan’s “program”", "program:x"]);
  });

  it.each(["", "%%%", encodeCursor(["a"]), Buffer.from("[1,{}]").toString("base64url"), "x".repeat(1001)])("refuses %j", (bad) => {
    expect(() => decodeCursor(bad, 2)).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }));
  });
});
