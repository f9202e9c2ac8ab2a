import type { ArgsCheck } from "../../data/source.js";
import { foldName, Label } from "../../graph/model.js";
import { badInput } from "../../shared/errors.js";
import { assertOptionalId } from "../../shared/ids.js";
import { pageSize } from "../../shared/paging.js";
import { LABEL_OF, type EntityType } from "../common/entity-type.js";
import { exactTermQuery, searchTerms, searchWords, toLuceneQuery } from "./lucene.js";

/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;

/** Only a speaker's words can be restricted to a speaker. */
const SPOKEN: string[] = [Label.Passage, Label.Claim];

/**
 * `search`'s arguments, checked (BAD_USER_INPUT for empty or too long text, a malformed
 * speakerId, a page size out of range), as the search query's parameters:
 * - `lucene`: the full-text query; null when nothing is to be found (no word, or no type left);
 * - `name`: the Lucene term of the folded text, looked up among names; null when nobody is looked up
 *   by name (one speaker's words only, or nothing to find);
 * - `labels`: the types to keep, null for every type; `speakerId`; `limit`: the most hits;
 * - `terms`: the words a snippet marks.
 */
export const searchArgs: ArgsCheck = (args, config) => {
  const query = args.query as string;
  if (query.trim().length === 0) throw badInput("\"query\" is empty; type at least one word.", "query");
  if (query.length > MAX_SEARCH_LENGTH) throw badInput(`"query" is longer than ${MAX_SEARCH_LENGTH} characters.`, "query");
  const speakerId = assertOptionalId(args.speakerId, "speakerId");
  const limit = pageSize(args.first, config);
  const types = args.types as EntityType[] | null | undefined;
  let labels = types && types.length > 0 ? types.map((t) => LABEL_OF[t] as string) : null;
  if (speakerId) labels = (labels ?? SPOKEN).filter((l) => SPOKEN.includes(l));
  const found = searchWords(query).length > 0 && (labels === null || labels.length > 0);
  // The entities the text names (none for one speaker's words), ranked before the full-text hits.
  const name = found && !speakerId ? foldName(query) : "";
  return {
    lucene: found ? toLuceneQuery(query) : null,
    name: name ? exactTermQuery(name) : null,
    labels,
    limit,
    speakerId,
    terms: searchTerms(query),
  };
};
