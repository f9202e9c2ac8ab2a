import type { Driver, Session, QueryResult, RecordShape } from "neo4j-driver";

export interface QueryStats {
  /** Queries sent to Neo4j so far (one per loader batch or top-level lookup). */
  count: number;
  /** Milliseconds spent waiting for them. */
  millis: number;
}

/**
 * The database as one request sees it: one session for the whole request (not one per field),
 * read transactions only, so a cluster can route them to any member. The driver's session runs one
 * transaction at a time, so queries issued in the same tick (several loaders) are queued here.
 * Lifetime: per request; `close()` when the response is sent.
 */
export class RequestDb {
  readonly stats: QueryStats = { count: 0, millis: 0 };
  private session: Session | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly txMetadata: Record<string, unknown> = {},
  ) {}

  /** Runs one read query and returns its records; queued behind earlier queries of this request. */
  read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult<R>> {
    const next = this.tail.then(() => this.runRead<R>(cypher, params));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async runRead<R extends RecordShape>(cypher: string, params: Record<string, unknown>): Promise<QueryResult<R>> {
    this.session ??= this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    const started = performance.now();
    this.stats.count += 1;
    try {
      return await this.session.executeRead((tx) => tx.run<R>(cypher, params), {
        metadata: this.txMetadata,
      });
    } finally {
      this.stats.millis += performance.now() - started;
    }
  }

  async close(): Promise<void> {
    await this.tail;
    const session = this.session;
    this.session = null;
    await session?.close();
  }
}
