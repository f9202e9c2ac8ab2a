import type { Driver, QueryResult, RecordShape, Session, Transaction } from "neo4j-driver";

export interface QueryStats {
  /** Queries sent to Neo4j so far (one per loader batch or top-level lookup). */
  count: number;
  /** Milliseconds the queries took, added up (they may overlap). */
  millis: number;
}

/** A request's reads give up after this long: no query holds a connection forever. */
const READ_TIMEOUT_MS = 30_000;

/**
 * The database as one request sees it: one session and one read transaction for the whole
 * request (not one per field or per query), opened on the first query and committed when the
 * response is sent. So a request reads one consistent snapshot; a cluster routes it to a reader;
 * each query costs one network round trip (no BEGIN/COMMIT per query); and queries issued in the
 * same tick (several DataLoaders) are pipelined on the one connection.
 *
 * Lifetime: per request; `close()` when the response is sent.
 */
export class RequestDb {
  readonly stats: QueryStats = { count: 0, millis: 0 };
  private session: Session | null = null;
  private tx: Transaction | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly txMetadata: Record<string, unknown> = {},
  ) {}

  /** Runs one read query in the request's transaction and returns its records. */
  async read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult<R>> {
    this.session ??= this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    this.tx ??= this.session.beginTransaction({ metadata: this.txMetadata, timeout: READ_TIMEOUT_MS });
    const started = performance.now();
    this.stats.count += 1;
    try {
      return await this.tx.run<R>(cypher, params);
    } finally {
      this.stats.millis += performance.now() - started;
    }
  }

  /** Ends the transaction (nothing was written, so a failed one has nothing to keep) and the session. */
  async close(): Promise<void> {
    const { tx, session } = this;
    this.tx = null;
    this.session = null;
    try {
      if (tx?.isOpen()) await tx.commit();
    } catch {
      // The request already has its answer; a broken read transaction only needs releasing.
    } finally {
      await session?.close();
    }
  }
}
