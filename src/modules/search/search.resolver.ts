import type { GraphQLResolveInfo } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../data/context.js";
import { badInput } from "../../shared/errors.js";
import { EntityType } from "../common/entity-type.js";
import { MAX_SEARCH_LENGTH } from "./search.args.js";
import { SearchHit } from "./search.type.js";

export { MAX_SEARCH_LENGTH };

@Resolver(() => SearchHit)
export class SearchResolver {
  /** Read as declared in search.relations.ts (arguments checked by searchArgs): one query, only the fields selected. */
  @Query(() => [SearchHit], {
    description:
      "Full-text search over names, aliases, acronyms, demonyms, program descriptions, claims and passages; best first. " +
      "An entity whose name, acronym or alias is exactly the text (case and a possessive 's aside) comes first. " +
      "Any text is searched as plain words (operators, field names and wildcards are not interpreted; a colon separates words). " +
      `Empty text, or more than ${MAX_SEARCH_LENGTH} characters, is refused with BAD_USER_INPUT.`,
  })
  async search(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("query", () => String) _query: string,
    @Arg("types", () => [EntityType], { nullable: true, description: "Only these types; absent or empty means every type." }) _types?: EntityType[],
    @Arg("first", () => Int, { nullable: true, description: "Most hits; DEFAULT_PAGE_SIZE when absent, at most MAX_PAGE_SIZE." }) _first?: number,
    @Arg("speakerId", () => ID, {
      nullable: true,
      description: "Only this person's words: the passages they said and the claims they made (other types are left out).",
    })
    _speakerId?: string | null,
  ): Promise<SearchHit[]> {
    try {
      return (await ctx.read.root(info)) as SearchHit[];
    } catch (error) {
      // The queries are escaped, so Lucene should accept them; if it still refuses, the input is at fault.
      if (error instanceof Neo4jError && error.code.startsWith("Neo.ClientError.Procedure")) {
        throw badInput("The search text could not be understood; try plain words.", "query");
      }
      throw error;
    }
  }
}
