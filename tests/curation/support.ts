import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import { projectRoot } from "../../src/config/config.js";

const run = promisify(execFile);
const CLI = path.join(projectRoot, "dist", "src", "cli.js");

/** `npm run keys -- …` as a user runs it (compiled by `npm test` before the tests). */
export async function keysCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const conn = inject("neo4j");
  try {
    const { stdout, stderr } = await run("node", [CLI, "keys", ...args], {
      env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password, LOG_LEVEL: "warn" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A key made with the CLI: its secret (printed once) and id. */
export async function createKey(role: string, name = `${role} of the tests`): Promise<{ key: string; id: string; bearer: Record<string, string> }> {
  const { code, stdout, stderr } = await keysCli(["create", "--role", role, "--name", name]);
  if (code !== 0) throw new Error(`keys create failed (${code}): ${stderr}`);
  const key = /kg_[A-Za-z0-9]+_[A-Za-z0-9_-]+/.exec(stdout)![0];
  return { key, id: key.split("_")[1]!, bearer: { authorization: `Bearer ${key}` } };
}

export const DOC = "document:zhusan-2021-01-08";

export const RESULT = "revision { number action factId factType actor role reason before after } factId replayed";

export const ADD_LINK = `mutation ($input: AddLinkInput!) { addLink(input: $input) { ${RESULT} } }`;
export const ADD_CLAIM = `mutation ($input: AddClaimInput!) { addClaim(input: $input) { ${RESULT} } }`;
export const ADD_ENTITY = `mutation ($input: AddEntityInput!) { addEntity(input: $input) { ${RESULT} } }`;
export const RETRACT = `mutation ($input: RetractInput!) { retract(input: $input) { ${RESULT} } }`;
export const UPDATE_ENTITY = `mutation ($input: UpdateEntityInput!) { updateEntity(input: $input) { ${RESULT} } }`;

/** Noah Tucker's affiliation, as documents/zhusan-2021-01-08/people.yaml states it. */
export const TUCKER_AFFILIATION = {
  from: "person:noah-tucker",
  relation: "AFFILIATED_WITH",
  to: "org:eurasia-center",
  title: "Nonresident Senior Fellow",
  documentId: DOC,
  quote: "Nonresident Senior Fellow at the Atlantic Council’s Eurasia Center",
};
export const TUCKER_AFFILIATION_ID = "person:noah-tucker-AFFILIATED_WITH->org:eurasia-center";
export const TUCKER_AFFILIATION_YAML = `  affiliations:
    - organisation: org:eurasia-center
      title: Nonresident Senior Fellow
      quote: "Nonresident Senior Fellow at the Atlantic Council’s Eurasia Center"
`;

/** A claim of claims.yaml with four figures. */
export const OVER_700 = {
  id: "claim:kz-repatriated-over-700",
  speakerId: "person:yerzhan-ashykbayev",
  kind: "STATISTIC",
  documentId: DOC,
  quote: "Overall, we repatriated over 700 nationals of whom 33 men – all of them are terrorist fighters, and all of them are prosecuted – 187 women and 490 children.",
  about: ["country:KZ", "program:operation-zhusan"],
  quantities: [
    { value: 700, unit: "nationals repatriated", qualifier: "over", quote: "over 700" },
    { value: 33, unit: "men repatriated (all terrorist fighters, all prosecuted)", quote: "33 men" },
    { value: 187, unit: "women repatriated", quote: "187 women" },
    { value: 490, unit: "children repatriated", quote: "490 children" },
  ],
};

/** A policy the text names that the seed does not have: its name is longer than "U.N. Security Council", which it contains. */
export const FTF_RESOLUTIONS = {
  type: "PROGRAM",
  id: "program:unsc-ftf-return-resolutions",
  name: "U.N. Security Council resolutions on the return of the FTFs",
  kind: "POLICY",
  documentId: DOC,
  quote: "One of the specific U.N. Security Council resolutions on the return of the FTFs and their families was adopted during our term.",
};
export const FTF_RESOLUTIONS_YAML = `
- id: program:unsc-ftf-return-resolutions
  name: U.N. Security Council resolutions on the return of the FTFs
  kind: POLICY
`;
