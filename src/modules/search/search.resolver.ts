import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../data/context.js";
import { badInput } from "../../shared/errors.js";
import { pageSize } from "../../shared/paging.js";
import { EntityType, LABEL_OF } from "../common/entity-type.js";
import { searchTerms, toLuceneQuery } from "./lucene.js";
import { snippetFor } from "./snippet.js";
import { SearchHit } from "./search.type.js";
import { searchNodes } from "./search.repository.js";

/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      "Full-text search over names, aliases, acronyms, demonyms, program descriptions, claims and passages; best first. " +
      "Any text is searched as plain words (operators and wildcards are not interpreted). " +
      `Empty text, or more than ${MAX_SEARCH_LENGTH} characters, is refused with BAD_USER_INPUT.`,
  })
  async search(
    @Ctx() ctx: Context,
    @Arg("query", () => String) query: string,
    @Arg("types", () => [EntityType], { nullable: true, description: "Only these types; absent or empty means every type." }) types?: EntityType[],
    @Arg("first", () => Int, { nullable: true, description: "Most hits; DEFAULT_PAGE_SIZE when absent, at most MAX_PAGE_SIZE." }) first?: number,
  ): Promise<SearchHit[]> {
    if (query.trim().length === 0) throw badInput("\"query\" is empty; type at least one word.", "query");
    if (query.length > MAX_SEARCH_LENGTH) throw badInput(`"query" is longer than ${MAX_SEARCH_LENGTH} characters.`, "query");
    const limit = pageSize(first, ctx.config);
    const lucene = toLuceneQuery(query);
    const labels = types && types.length > 0 ? types.map((t) => LABEL_OF[t]) : null;
    const terms = searchTerms(query);
    const hits = await searchNodes(ctx.db, lucene, labels, limit);
    return hits.map(({ entity, score }) => ({ node: entity, type: entity.type, score, snippet: snippetFor(entity, terms) }));
  }
}
