import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { graphFingerprint, resetCuration, testDriver } from "../support/graph.js";
import { ADD_CLAIM, ADD_ENTITY, ADD_LINK, createKey, DOC, FTF_RESOLUTIONS, keysCli, OVER_700, RETRACT, TUCKER_AFFILIATION_ID, UPDATE_ENTITY } from "./support.js";

type Key = Awaited<ReturnType<typeof createKey>>;

/** A link the text states and the seed does not have: Weine at his university (the seed has him at its college). */
const NEW_LINK = {
  from: "person:stevan-weine",
  relation: "AFFILIATED_WITH",
  to: "org:university-of-illinois-chicago",
  title: "Professor of Psychiatry",
  documentId: DOC,
  quote: "Professor of Psychiatry at the College of Medicine with University of Illinois at Chicago",
};

describe("writes refused", () => {
  let server: TestServer;
  let driver: Driver;
  let curator: Key;
  let editor: Key;
  let log: Array<Record<string, any>>;

  beforeAll(async () => {
    log = [];
    server = await startTestServer({ NODE_ENV: "production" }, { log, logLevel: "info" });
    driver = testDriver();
    await resetCuration(driver, { keys: true });
    curator = await createKey("curator");
    editor = await createKey("editor");
  });
  afterAll(async () => {
    await resetCuration(driver, { keys: true });
    await driver.close();
    await server.close();
  });

  /** Each refusal: its status, its code, the field it names, and a graph left as it was. */
  const refusals: Array<[string, () => { query: string; variables: Record<string, unknown> }, number, string, string | null]> = [
    ["a quote that is not in the text", () => ({ query: ADD_LINK, variables: { input: { ...NEW_LINK, quote: "University of Illinois at Urbana" } } }), 400, "BAD_USER_INPUT", "input.quote"],
    ["a quote that appears twice, without occurrence or start", () => ({ query: ADD_LINK, variables: { input: { ...NEW_LINK, quote: "Kazakhstan" } } }), 400, "BAD_USER_INPUT", "input.quote"],
    ["a start where the quote does not start", () => ({ query: ADD_LINK, variables: { input: { ...NEW_LINK, start: 3 } } }), 400, "BAD_USER_INPUT", "input.start"],
    ["an unknown id", () => ({ query: ADD_LINK, variables: { input: { ...NEW_LINK, to: "org:nowhere" } } }), 400, "BAD_USER_INPUT", "input.to"],
    ["an unknown document", () => ({ query: ADD_LINK, variables: { input: { ...NEW_LINK, documentId: "document:nowhere" } } }), 400, "BAD_USER_INPUT", "input.documentId"],
    ["a relation the ends do not have (a person PART_OF an organisation)", () => ({ query: ADD_LINK, variables: { input: { ...NEW_LINK, relation: "PART_OF", title: null } } }), 400, "BAD_USER_INPUT", "input.from"],
    ["a relation the model does not have", () => ({ query: ADD_LINK, variables: { input: { ...NEW_LINK, relation: "MARRIED_TO" } } }), 400, "BAD_USER_INPUT", null],
    ["a claim without a speaker", () => ({ query: ADD_CLAIM, variables: { input: { kind: "ASSERTION", documentId: DOC, quote: "Kazakhstan is attentive" } } }), 400, "BAD_USER_INPUT", null],
    ["a claim whose quote is another speaker's", () => ({ query: ADD_CLAIM, variables: { input: { speakerId: "person:noah-tucker", kind: "ASSERTION", documentId: DOC, quote: "First, Kazakhstan is attentive to its international obligations." } } }), 400, "BAD_USER_INPUT", "input.speakerId"],
    ["a claim of an unknown kind", () => ({ query: ADD_CLAIM, variables: { input: { speakerId: "person:yerzhan-ashykbayev", kind: "RUMOUR", documentId: DOC, quote: "First, Kazakhstan is attentive to its international obligations." } } }), 400, "BAD_USER_INPUT", "input.kind"],
    ["an entity whose quote does not name it", () => ({ query: ADD_ENTITY, variables: { input: { ...FTF_RESOLUTIONS, quote: "First, Kazakhstan is attentive to its international obligations." } } }), 400, "BAD_USER_INPUT", "input.quote"],
    ["an entity whose id is taken", () => ({ query: ADD_ENTITY, variables: { input: { ...FTF_RESOLUTIONS, id: "program:operation-zhusan" } } }), 400, "BAD_USER_INPUT", "input.id"],
    ["an alias another entity has", () => ({ query: ADD_ENTITY, variables: { input: { ...FTF_RESOLUTIONS, aliases: ["UNICEF"] } } }), 400, "BAD_USER_INPUT", "input.aliases"],
    ["a field the type does not have", () => ({ query: ADD_ENTITY, variables: { input: { ...FTF_RESOLUTIONS, acronym: "FTFR" } } }), 400, "BAD_USER_INPUT", "input.acronym"],
    ["a 50 KB alias list (over 100 names)", () => ({ query: ADD_ENTITY, variables: { input: { ...FTF_RESOLUTIONS, aliases: Array.from({ length: 5000 }, (_, i) => `alias ${i}`) } } }), 400, "BAD_USER_INPUT", "input.aliases"],
    ["an alias of 10,000 characters", () => ({ query: ADD_ENTITY, variables: { input: { ...FTF_RESOLUTIONS, aliases: ["x".repeat(10_000)] } } }), 400, "BAD_USER_INPUT", "input.aliases"],
    ["a 1 MB alias list", () => ({ query: ADD_ENTITY, variables: { input: { ...FTF_RESOLUTIONS, aliases: Array.from({ length: 20_000 }, (_, i) => `an alias of fifty characters, number ${String(i).padStart(6, "0")}`) } } }), 413, "BAD_REQUEST", null],
    ["a link the graph already has on the same words", () => ({ query: ADD_LINK, variables: { input: { from: "person:noah-tucker", relation: "AFFILIATED_WITH", to: "org:eurasia-center", title: "Nonresident Senior Fellow", documentId: DOC, quote: "Nonresident Senior Fellow at the Atlantic Council’s Eurasia Center", occurrence: 1 } } }), 400, "BAD_USER_INPUT", "input.quote"],
    ["a retraction of a seed entity", () => ({ query: RETRACT, variables: { input: { id: "org:unicef", reason: "x" } } }), 400, "BAD_USER_INPUT", "input.id"],
    ["a retraction of a mention", () => ({ query: RETRACT, variables: { input: { id: "mention:passage:zhusan-2021-01-08-p001@0", reason: "x" } } }), 400, "BAD_USER_INPUT", "input.id"],
  ];

  it.for(refusals)("%s: refused, coded, naming the field; nothing written", async ([, request, status, code, field]) => {
    const before = await graphFingerprint(driver, [], [], ["ApiKey"]);
    const { query, variables } = request();
    const res = await server.gql(query, variables, { ...editor.bearer, accept: "application/graphql-response+json" });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(res.body.errors![0]!.extensions!.field, JSON.stringify(res.body.errors)).toBe(field);
    expect(res.body.data?.addLink ?? res.body.data?.addClaim ?? res.body.data?.addEntity ?? res.body.data?.retract ?? null).toBeNull();
    expect(await graphFingerprint(driver, [], [], ["ApiKey"])).toEqual(before);
  });

  it("no key: 401 UNAUTHENTICATED with www-authenticate: Bearer, nothing written", async () => {
    const before = await graphFingerprint(driver, [], [], ["ApiKey"]);
    const res = await server.gql(ADD_LINK, { input: NEW_LINK });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
    expect(res.body.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect(await graphFingerprint(driver, [], [], ["ApiKey"])).toEqual(before);
  });

  it("a wrong role: 403 FORBIDDEN naming the role, nothing written", async () => {
    const before = await graphFingerprint(driver, [], [], ["ApiKey"]);
    const edit = await server.gql(UPDATE_ENTITY, { input: { id: "org:unicef", name: "UNICEF", reason: "x" } }, curator.bearer);
    expect(edit.status).toBe(403);
    expect(edit.body.errors![0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(edit.body.errors![0]!.message).toMatch(/editor/);
    const retract = await server.gql(RETRACT, { input: { id: TUCKER_AFFILIATION_ID, reason: "x" } }, curator.bearer);
    expect(retract.status).toBe(403);
    expect(retract.body.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(await graphFingerprint(driver, [], [], ["ApiKey"])).toEqual(before);
  });

  it("a revoked key: 401 at once for writes, nothing written; keys never in a log line or an answer", async () => {
    const doomed = await createKey("editor", "to be revoked");
    const ok = await server.gql(`{ __typename }`, {}, doomed.bearer);
    expect(ok.status).toBe(200);
    const revoked = await keysCli(["revoke", doomed.id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const before = await graphFingerprint(driver, [], [], ["ApiKey"]);
    const res = await server.gql(ADD_LINK, { input: NEW_LINK }, doomed.bearer);
    expect(res.status).toBe(401);
    expect(res.body.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(res.body)).not.toContain(doomed.key.slice(16));
    expect(await graphFingerprint(driver, [], [], ["ApiKey"])).toEqual(before);
    const listed = await keysCli(["list"]);
    expect(listed.stdout).toMatch(new RegExp(`${doomed.id} .*Z  +\\d{4}-\\d{2}-\\d{2}T`));
    for (const k of [doomed, curator, editor]) expect(JSON.stringify(log)).not.toContain(k.key.slice(16));
    expect(listed.stdout + JSON.stringify(log)).not.toMatch(/hash|salt/i);
  });
});

describe("retraction, history, conflicts and retries", () => {
  let server: TestServer;
  let driver: Driver;
  let curator: Key;
  let other: Key;
  let editor: Key;

  beforeAll(async () => {
    server = await startTestServer();
    driver = testDriver();
    await resetCuration(driver, { keys: true });
    curator = await createKey("curator", "Aigerim");
    other = await createKey("curator", "Dana");
    editor = await createKey("editor", "Erlan");
  });
  afterAll(async () => {
    await resetCuration(driver, { keys: true });
    await driver.close();
    await server.close();
  });

  const LINK = "person:stevan-weine-AFFILIATED_WITH->org:university-of-illinois-chicago";
  const affiliations = async () =>
    (await server.gql(`{ person(id: "person:stevan-weine") { affiliations { id } } }`)).body.data.person.affiliations.map((a: { id: string }) => a.id);

  it("a curated link is in every read, view and export; retracted, it is in none, and its history keeps it", async () => {
    const added = await server.gql(ADD_LINK, { input: { ...NEW_LINK, reason: "he teaches at the university" } }, curator.bearer);
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data.addLink.factId).toBe(LINK);
    expect(await affiliations()).toContain("org:university-of-illinois-chicago");
    const inView = async () => {
      const view = await server.gql(`{ neighbourhood(id: "person:stevan-weine", depth: 1) { edges { id } } }`);
      const exported = await fetch(`${server.baseUrl}/exports/graph.json?rootId=person:stevan-weine&depth=1`).then((r) => r.text());
      return { view: view.body.data.neighbourhood.edges.some((e: { id: string }) => e.id === LINK), exported: exported.includes(LINK) };
    };
    expect(await inView()).toEqual({ view: true, exported: true });

    // Another curator may not retract it; its curator may.
    const refused = await server.gql(RETRACT, { input: { id: LINK, reason: "no" } }, other.bearer);
    expect(refused.body.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const retracted = await server.gql(RETRACT, { input: { id: LINK, reason: "quoted from the wrong line", expectedRevision: added.body.data.addLink.revision.number } }, curator.bearer);
    expect(retracted.body.errors).toBeUndefined();
    expect(await affiliations()).not.toContain("org:university-of-illinois-chicago");
    expect(await inView()).toEqual({ view: false, exported: false });

    const history = await server.gql(`{ history(id: "${LINK}") { number action actor reason before after } }`);
    expect(history.body.data.history).toMatchObject([
      { action: "RETRACT", actor: "Aigerim", reason: "quoted from the wrong line", before: { type: "AFFILIATED_WITH", quote: NEW_LINK.quote }, after: null },
      { action: "ADD_LINK", actor: "Aigerim", reason: "he teaches at the university", before: null, after: { type: "AFFILIATED_WITH", quote: NEW_LINK.quote, title: "Professor of Psychiatry" } },
    ]);
    // Both ends still show who changed what was at them.
    const onNode = await server.gql(`{ organisation(id: "org:university-of-illinois-chicago") { history { action factId } } }`);
    expect(onNode.body.data.organisation.history).toEqual([{ action: "RETRACT", factId: LINK }, { action: "ADD_LINK", factId: LINK }]);
  });

  it("a retracted claim is gone from claims, search and its speaker; an editor retracts a seed fact", async () => {
    const id = "claim:kz-repatriated-over-700";
    const count = async () => (await server.gql(`{ claims { totalCount } }`)).body.data.claims.totalCount as number;
    const before = await count();
    const res = await server.gql(RETRACT, { input: { id, reason: "tested" } }, editor.bearer);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.retract.revision.before).toMatchObject({ text: expect.stringContaining("over 700"), quantities: expect.arrayContaining([expect.objectContaining({ value: 700 })]) });
    expect(await count()).toBe(before - 1);
    expect((await server.gql(`{ node(id: "${id}") { id } }`)).body.data.node).toBeNull();
    const hits = await server.gql(`{ search(query: "repatriated over 700 nationals") { node { id } } }`);
    expect(hits.body.data.search.map((h: { node: { id: string } }) => h.node.id)).not.toContain(id);
    expect((await server.gql(`{ history(id: "${id}") { action } }`)).body.data.history).toEqual([{ action: "RETRACT" }]);
    // Stated again, through the API, it is a fact again (and its history says so).
    const again = await server.gql(ADD_CLAIM, { input: OVER_700 }, curator.bearer);
    expect(again.body.errors).toBeUndefined();
    expect(await count()).toBe(before);
    expect((await server.gql(`{ history(id: "${id}") { action } }`)).body.data.history).toEqual([{ action: "ADD_CLAIM" }, { action: "RETRACT" }]);
  });

  it("two editors edit one entity from the same revision: one wins, the other gets CONFLICT, nothing lost", async () => {
    const second = await createKey("editor", "Second editor");
    const latest = (await server.gql(`{ history(id: "org:osce", first: 1) { number } }`)).body.data.history[0]?.number ?? 0;
    const edit = (key: Key, alias: string) => server.gql(UPDATE_ENTITY, { input: { id: "org:osce", aliases: [alias], reason: alias, expectedRevision: latest } }, key.bearer);
    const answers = await Promise.all([edit(editor, "the Organization"), edit(second, "OSCE's secretariat")]);
    const codes = answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? "OK").sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const lost = answers.find((a) => a.body.errors)!;
    expect(lost.status).toBe(409);
    expect(lost.body.errors![0]!.extensions).toMatchObject({ expectedRevision: latest, factId: "org:osce" });
    const won = answers.find((a) => !a.body.errors)!.body.data.updateEntity.revision;
    const history = (await server.gql(`{ history(id: "org:osce") { number reason } }`)).body.data.history;
    expect(history[0]).toEqual({ number: won.number, reason: won.reason });
  });

  it("an Idempotency-Key makes a retried write one write; the same key for another write is CONFLICT", async () => {
    const key = "7b0e4f4e-6c1f-4d2b-9a57-1d9f1f2b3c4d";
    const input = { ...NEW_LINK, reason: "retried" };
    const first = await server.gql(ADD_LINK, { input }, { ...curator.bearer, "idempotency-key": key });
    const again = await server.gql(ADD_LINK, { input }, { ...curator.bearer, "idempotency-key": key });
    expect(first.body.errors).toBeUndefined();
    expect(again.body.data.addLink).toMatchObject({ replayed: true, factId: first.body.data.addLink.factId, revision: { number: first.body.data.addLink.revision.number } });
    expect(first.body.data.addLink.replayed).toBe(false);
    const links = await driver.executeQuery("MATCH (:Entity {id: $from})-[r:AFFILIATED_WITH]->(:Entity {id: $to}) RETURN count(r) AS n", { from: NEW_LINK.from, to: NEW_LINK.to });
    expect(Number(links.records[0]!.get("n"))).toBe(1);
    const other = await server.gql(ADD_LINK, { input: { ...input, reason: "another" } }, { ...curator.bearer, "idempotency-key": key });
    expect(other.status).toBe(409);
    expect(other.body.errors![0]!.extensions!.code).toBe("CONFLICT");
    const malformed = await server.gql(ADD_LINK, { input }, { ...curator.bearer, "idempotency-key": "x".repeat(300) });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors![0]!.extensions!.code).toBe("BAD_REQUEST");
  });
});
