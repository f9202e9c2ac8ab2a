import { Field, Int, ObjectType, type ClassType } from "type-graphql";

@ObjectType({ description: "Where a page ends and whether another follows." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when a next page exists: pass `endCursor` as `after` to get it." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge of this page; null when the page is empty." })
  endCursor!: string | null;
}

/**
 * The Relay-style connection of a node type: `XConnection { edges { cursor node } pageInfo totalCount }`.
 * Cursors are keyset cursors (see shared/paging.ts); `totalCount` is counted in the database only
 * when selected.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `A ${name} with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this node; stays valid when nodes are added before it." })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  // Abstract: each module declares `class XConnection extends Connection(X, "X") {}`, so the
  // concrete type has a name the code can import.
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Number of nodes in the whole list (counted only when asked for)." })
    totalCount!: number | Promise<number>;
  }
  return ConnectionType;
}
