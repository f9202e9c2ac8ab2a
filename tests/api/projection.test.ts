import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_PROPERTIES } from "../../src/graph/model.js";
import { plain } from "../../src/shared/neo4j-values.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Queries read only the fields the operation selects (src/data/compile.ts),
 * with or without the planner. Whatever the shape of the operation (aliases,
 * fragments, interfaces, one node reached along several paths), every field shows the value
 * stored in Neo4j.
 */
describe("node properties read per operation", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MAX_QUERY_COST: "1000000", MAX_TOKENS: "20000", MAX_QUERY_DEPTH: "20" });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Every stored property of these nodes, by id, as the API would show it. */
  async function stored(ids: string[]): Promise<Map<string, Record<string, unknown>>> {
    const { records } = await server.driver.executeQuery("MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS props", { ids }, {
      database: server.config.NEO4J_DATABASE,
    });
    return new Map(records.map((r) => [r.get("id") as string, plain(r.get("props")) as Record<string, unknown>]));
  }

  const LISTS = new Set(["aliases", "demonyms"]);

  /**
   * Every object of the answer with a `__typename` of an entity type, compared field by field with
   * Neo4j (fields that are stored properties). Returns how many fields were compared.
   */
  async function expectStoredValues(data: unknown): Promise<number> {
    const nodes: Array<Record<string, unknown>> = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        const object = value as Record<string, unknown>;
        if (typeof object.__typename === "string" && object.__typename in NODE_PROPERTIES) nodes.push(object);
        Object.values(object).forEach(walk);
      }
    };
    walk(data);
    const db = await stored([...new Set(nodes.map((n) => String(n.id)))]);
    let compared = 0;
    for (const node of nodes) {
      const props = db.get(String(node.id));
      expect(props, String(node.id)).toBeDefined();
      const properties = NODE_PROPERTIES[node.__typename as keyof typeof NODE_PROPERTIES] as readonly string[];
      for (const [field, shown] of Object.entries(node)) {
        if (field === "id" || !properties.includes(field)) continue;
        const expected = props![field] ?? (LISTS.has(field) ? [] : null);
        expect(shown, `${node.id}.${field}`).toEqual(expected);
        compared++;
      }
    }
    return compared;
  }

  it("knows every property stored on entity nodes, and each node has one entity label", async () => {
    const { records } = await server.driver.executeQuery(
      "MATCH (n:Entity) RETURN [l IN labels(n) WHERE l <> 'Entity'] AS labels, collect(DISTINCT keys(n)) AS keys",
      {},
      { database: server.config.NEO4J_DATABASE },
    );
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const labels = record.get("labels") as string[];
      expect(labels).toHaveLength(1);
      const known = NODE_PROPERTIES[labels[0] as keyof typeof NODE_PROPERTIES] as readonly string[];
      expect(known, labels[0]).toBeDefined();
      const keys = new Set((record.get("keys") as string[][]).flat());
      // The index helpers (searchText, foldedNames) are stored for the indexes, not read as data.
      for (const helper of ["searchText", "foldedNames"]) keys.delete(helper);
      expect([...keys].filter((k) => !known.includes(k)), labels[0]).toEqual([]);
    }
  });

  it("shows full values where one alias selects a field and another alias does not", async () => {
    const res = await server.gql(`{
      a: claims(first: 100) { edges { node { __typename id speaker { __typename id name } } } }
      b: claims(first: 100) { edges { node { __typename id text speaker { __typename id title honorific aliases } } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const b = res.body.data.b.edges.map((e: any) => e.node);
    expect(b.some((c: any) => c.speaker?.honorific)).toBe(true);
    expect(b.some((c: any) => c.speaker?.title)).toBe(true);
    expect(b.some((c: any) => c.speaker?.aliases.length > 0)).toBe(true);
    expect(b.every((c: any) => c.text.length > 0)).toBe(true);
    expect(await expectStoredValues(res.body.data)).toBeGreaterThan(300);
  });

  it("shows a field selected through a fragment on an interface, for a node also read by a list", async () => {
    const people = await stored(["person:yerzhan-ashykbayev"]);
    const person = people.get("person:yerzhan-ashykbayev")!;
    expect(person.title).toBeTruthy();
    const res = await server.gql(`
      fragment Titled on Node { ... on Person { title honorific aliases } }
      {
        speakers(first: 50) { edges { node { __typename id name } } }
        node(id: "person:yerzhan-ashykbayev") { __typename id ...Titled }
        person(id: "person:yerzhan-ashykbayev") { __typename id name }
        claims(speakerId: "person:yerzhan-ashykbayev", first: 3) { edges { node { __typename id speaker { __typename id name } } } }
      }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node).toMatchObject({ title: person.title, honorific: person.honorific ?? null, aliases: person.aliases ?? [] });
    expect(res.body.data.person.name).toBe(person.name);
    await expectStoredValues(res.body.data);
  });

  it("reads a node by id through the shared loader whatever type the field asked for", async () => {
    // person(id:) of an organisation is null; the same node asked for as a Node shows everything.
    const res = await server.gql(`{
      person(id: "org:unicef") { id name title }
      node(id: "org:unicef") { __typename id ... on Organisation { name acronym kind aliases wikidataId } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.person).toBeNull();
    expect(res.body.data.node.acronym).toBe("UNICEF");
    expect(await expectStoredValues(res.body.data)).toBe(5);
  });

  it("shows the stored value of every field of a large mixed query", async () => {
    const res = await server.gql(`
      fragment Full on Node { __typename id
        ... on Person { name title honorific aliases }
        ... on Organisation { name acronym kind aliases wikidataId }
        ... on Country { isoCode name aliases demonyms }
        ... on Region { name kind aliases demonyms }
        ... on Program { name kind description aliases }
        ... on Event { name date participantCount participantCountQualifier online recordingUrl }
        ... on Document { title url }
        ... on Passage { start end ordinal }
        ... on Claim { kind start end }
      }
      {
        speakers(first: 50) { edges { node { __typename id name
          affiliations { __typename id name parent { ...Full } country { __typename id name }
            programs { role program { ...Full } participant { ...Full } } }
          roles { role event { __typename id name document { __typename id title } } }
          referencedCountries { country { __typename id demonyms } }
          claims(first: 5) { edges { node { __typename id start about { ...Full } passage { __typename id ordinal text } } } }
          passages(first: 3) { edges { node { __typename id start speaker { __typename id } } } }
        } } }
        claims(first: 100) { edges { node { ...Full text speaker { __typename id name } quantities { value } about { __typename id } } } }
        programs(first: 50) { edges { node { __typename id name
          participants { role participant { __typename id ... on Country { regions { ...Full } } ... on Region { country { ...Full } } } }
          claims(first: 3) { edges { node { __typename id text } } }
        } } }
        organisations(first: 50) { edges { node { __typename id name acronym units { __typename id name } referencedBy { person { ...Full } } } } }
        countries(first: 50) { edges { node { ...Full programs { program { __typename id name } } } } }
        events(first: 5) { edges { node { ...Full hosts { ...Full } participants { role person { ...Full } } } } }
        region: node(id: "region:central-asia") { ...Full }
        search(query: "repatriation", first: 10) { node { ...Full } }
      }`);
    expect(res.body.errors).toBeUndefined();
    expect(await expectStoredValues(res.body.data)).toBeGreaterThan(1000);
  });
});
