import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { foldName, Label } from "../../graph/model.js";
import { badInput } from "../../shared/errors.js";
import { assertOptionalId } from "../../shared/ids.js";
import { pageSize } from "../../shared/paging.js";
import { EntityType, LABEL_OF } from "../common/entity-type.js";
import { Document } from "../document/document.type.js";
import { exactTermQuery, searchTerms, searchWords, toLuceneQuery } from "./lucene.js";
import { snippetFor } from "./snippet.js";
import { SearchHit } from "./search.type.js";
import { searchNodes } from "./search.repository.js";

/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;

/** Only a speaker's words can be restricted to a speaker. */
const SPOKEN: string[] = [Label.Passage, Label.Claim];

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      "Full-text search over names, aliases, acronyms, demonyms, program descriptions, claims and passages; best first. " +
      "An entity whose name, acronym or alias is exactly the text (case and a possessive 's aside) comes first. " +
      "Any text is searched as plain words (operators, field names and wildcards are not interpreted; a colon separates words). " +
      `Empty text, or more than ${MAX_SEARCH_LENGTH} characters, is refused with BAD_USER_INPUT.`,
  })
  async search(
    @Ctx() ctx: Context,
    @Arg("query", () => String) query: string,
    @Arg("types", () => [EntityType], { nullable: true, description: "Only these types; absent or empty means every type." }) types?: EntityType[],
    @Arg("first", () => Int, { nullable: true, description: "Most hits; DEFAULT_PAGE_SIZE when absent, at most MAX_PAGE_SIZE." }) first?: number,
    @Arg("speakerId", () => ID, {
      nullable: true,
      description: "Only this person's words: the passages they said and the claims they made (other types are left out).",
    })
    speakerId?: string | null,
  ): Promise<SearchHit[]> {
    if (query.trim().length === 0) throw badInput("\"query\" is empty; type at least one word.", "query");
    if (query.length > MAX_SEARCH_LENGTH) throw badInput(`"query" is longer than ${MAX_SEARCH_LENGTH} characters.`, "query");
    const speaker = assertOptionalId(speakerId, "speakerId");
    const limit = pageSize(first, ctx.config);
    if (searchWords(query).length === 0) return [];
    const lucene = toLuceneQuery(query);
    let labels = types && types.length > 0 ? types.map((t) => LABEL_OF[t] as string) : null;
    if (speaker) labels = (labels ?? SPOKEN).filter((l) => SPOKEN.includes(l));
    if (labels && labels.length === 0) return [];
    const terms = searchTerms(query);
    // One query: the entities the text names (none for one speaker's words), then the full-text hits.
    const name = speaker ? "" : foldName(query);
    const hits = await searchNodes(ctx.db, { lucene, name: name ? exactTermQuery(name) : null, labels, limit, speakerId: speaker });
    return hits.map(({ entity, score, documentId }) => ({ node: entity, type: entity.type, score, snippet: snippetFor(entity, terms), documentId }));
  }

  @FieldResolver(() => Document, {
    nullable: true,
    description: "The document the hit's words are in: a passage's, a claim's, an event's record; null for people, organisations, places and programs, which any document may name.",
  })
  document(@Root() hit: SearchHit, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(hit, info);
  }
}
