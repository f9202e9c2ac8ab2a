import type { Driver } from "neo4j-driver";
import { FULLTEXT_INDEX, NAME_INDEX, NAMED_LABELS } from "../graph/model.js";
import { KEY_SCHEMA_STATEMENT } from "../auth/keys.js";

/**
 * Constraints and indexes the API relies on. Every statement is idempotent (IF NOT EXISTS), so
 * running them on every load is safe; they run before the data transaction because Neo4j does not
 * mix schema and data changes in one transaction.
 */
export const SCHEMA_STATEMENTS = [
  // One id space: node(id:) and every lookup by id is a unique-index seek.
  "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
  "CREATE CONSTRAINT quantity_id IF NOT EXISTS FOR (n:Quantity) REQUIRE n.id IS UNIQUE",
  // API keys (not entities): one per id, and the verifier's lookup by id a seek.
  KEY_SCHEMA_STATEMENT,
  // Repositories match `(:Person {id: $id})`: an index per label makes that a seek too.
  ...["Document", "Passage", "Event", "Person", "Organisation", "Country", "Region", "Program", "Claim"].map(
    (label) => `CREATE INDEX ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) ON (n.id)`,
  ),
  // Keyset pagination orders lists by (name, id), claims and passages by document position.
  "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name, n.id)",
  "CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name, n.id)",
  "CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name, n.id)",
  "CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name, n.id)",
  "CREATE INDEX program_name IF NOT EXISTS FOR (n:Program) ON (n.name, n.id)",
  "CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date, n.id)",
  "CREATE INDEX claim_position IF NOT EXISTS FOR (n:Claim) ON (n.start, n.id)",
  "CREATE INDEX claim_speaker IF NOT EXISTS FOR (n:Claim) ON (n.speakerId)",
  "CREATE INDEX passage_position IF NOT EXISTS FOR (n:Passage) ON (n.start, n.id)",
  "CREATE INDEX passage_speaker IF NOT EXISTS FOR (n:Passage) ON (n.speakerId)",
  // A write finds a document's passages, and recomputes its mentions, by the document's id.
  "CREATE INDEX passage_document IF NOT EXISTS FOR (n:Passage) ON (n.documentId)",
  // The curation write path: one counter every write locks (revisions in commit order), each
  // revision found by number, by the fact it changed and by its Idempotency-Key; curated facts by id.
  "CREATE CONSTRAINT curation_counter IF NOT EXISTS FOR (n:CurationCounter) REQUIRE n.id IS UNIQUE",
  "CREATE CONSTRAINT revision_number IF NOT EXISTS FOR (n:Revision) REQUIRE n.number IS UNIQUE",
  "CREATE INDEX revision_fact IF NOT EXISTS FOR (n:Revision) ON (n.factId)",
  "CREATE INDEX revision_idempotency IF NOT EXISTS FOR (n:Revision) ON (n.idempotencyKey)",
  "CREATE CONSTRAINT curated_entry_id IF NOT EXISTS FOR (n:CuratedEntry) REQUIRE n.id IS UNIQUE",
  "CREATE INDEX curated_entry_fact IF NOT EXISTS FOR (n:CuratedEntry) ON (n.factId)",
  // Names, aliases, claim texts and passages, for `search`.
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS
     FOR (n:Person|Organisation|Country|Region|Program|Event|Claim|Passage|Document)
     ON EACH [n.name, n.searchText, n.text, n.description]`,
  // Each folded name, acronym and alias one whole term: search's exact-name lookup is one term
  // lookup, not a scan (a RANGE or TEXT index cannot answer `$name IN n.foldedNames`).
  `CREATE FULLTEXT INDEX ${NAME_INDEX} IF NOT EXISTS
     FOR (n:${NAMED_LABELS.join("|")})
     ON EACH [n.foldedNames]
     OPTIONS {indexConfig: {\`fulltext.analyzer\`: "keyword"}}`,
];

export async function ensureGraphSchema(driver: Driver, database: string): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await driver.executeQuery(statement, {}, { database });
  }
  await driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database });
}
