import { Neo4jError, type Driver, type QueryResult, type RecordShape, type Session, type Transaction } from "neo4j-driver";
import { Neo4jUnavailableError } from "./errors.js";

export interface QueryStats {
  /** Queries sent to Neo4j so far (one per loader batch or top-level lookup). */
  count: number;
  /** Milliseconds the queries took, added up (they may overlap). */
  millis: number;
}

/** The default of READ_TIMEOUT_MS: how long a request's reads may take, all together. */
export const DEFAULT_READ_TIMEOUT_MS = 5_000;

/**
 * The database as one request sees it: one session and one read transaction for the whole
 * request (not one per field or per query), opened on the first query and committed when the
 * response is sent. So a cluster routes it to a reader; each query costs one network round trip
 * (no BEGIN/COMMIT per query); and queries issued in the same tick (several DataLoaders) are
 * pipelined on the one connection.
 *
 * Consistency, stated plainly: this is NOT one snapshot per request. Neo4j reads at READ
 * COMMITTED: no query sees uncommitted writes, but a seed load that commits while a request is
 * being read can be seen by one of its queries and not by another (e.g. an old list with a new
 * `totalCount`). With the read planner each root field is one Cypher query, which narrows the
 * window to that query; Neo4j does not promise a snapshot even within one query, so a request
 * spanning a reload may see both the old and the new graph.
 *
 * Time: the transaction carries `timeoutMs` (READ_TIMEOUT_MS) as its timeout, which Neo4j enforces;
 * and every read also races a deadline of its own here, because a Neo4j that is paused or
 * unreachable enforces nothing. Either way the request fails with SERVICE_UNAVAILABLE instead of
 * waiting.
 *
 * Lifetime: per request; `close()` when the response is sent.
 */
export class RequestDb {
  readonly stats: QueryStats = { count: 0, millis: 0 };
  private session: Session | null = null;
  private tx: Transaction | null = null;
  /** When the transaction began; its reads must be done by this + timeoutMs. */
  private began = 0;
  /** A read missed its deadline: the connection may hang, so it is released in the background. */
  private abandoned = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly txMetadata: Record<string, unknown> = {},
    private readonly timeoutMs: number = DEFAULT_READ_TIMEOUT_MS,
  ) {}

  /**
   * Runs one read query in the request's transaction and returns its records. `deadlineMs`
   * shortens the wait for this one read (the health check answers within a second).
   */
  async read<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
    options: { deadlineMs?: number } = {},
  ): Promise<QueryResult<R>> {
    if (this.abandoned) throw new Neo4jUnavailableError(`Neo4j did not answer within ${this.timeoutMs} ms.`);
    this.session ??= this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    if (!this.tx) {
      this.began = Date.now();
      this.tx = this.session.beginTransaction({ metadata: this.txMetadata, timeout: this.timeoutMs });
    }
    const started = performance.now();
    this.stats.count += 1;
    // Neo4j's own timeout, when it is alive, answers first, with a clearer error; ours is a
    // little later, for when it is not.
    const left = this.began + this.timeoutMs + 250 - Date.now();
    const wait = Math.max(Math.min(left, options.deadlineMs ?? Infinity), 0);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.abandoned = true;
        reject(new Neo4jUnavailableError(`Neo4j did not answer within ${Math.round(wait)} ms.`));
      }, wait);
    });
    const running = this.tx.run<R>(cypher, params);
    // Once the deadline has won, the query's own failure (later) is no one's concern.
    running.catch(() => {});
    try {
      return await Promise.race([running, deadline]);
    } catch (error) {
      throw asUnavailable(error);
    } finally {
      clearTimeout(timer);
      this.stats.millis += performance.now() - started;
    }
  }

  /**
   * Ends the transaction (nothing was written, so a failed one has nothing to keep) and the
   * session. Never waits on a Neo4j that stopped answering: an abandoned session is closed in the
   * background, and its connection goes back to the pool when Neo4j answers or the socket dies.
   */
  async close(): Promise<void> {
    const { tx, session } = this;
    this.tx = null;
    this.session = null;
    const release = async () => {
      try {
        if (tx?.isOpen()) await tx.commit();
      } catch {
        // The request already has its answer; a broken read transaction only needs releasing.
      } finally {
        await session?.close().catch(() => {});
      }
    };
    if (this.abandoned) {
      void release();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([release(), new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
  }
}

/**
 * Driver errors that mean "Neo4j cannot answer now" become Neo4jUnavailableError, which clients
 * see as SERVICE_UNAVAILABLE: unreachable or restarting, no connection free within the
 * acquisition timeout, or the transaction's timeout reached.
 */
export function asUnavailable(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? "";
  const unavailable =
    code === "ServiceUnavailable" ||
    code === "SessionExpired" ||
    code.startsWith("Neo.TransientError.General.DatabaseUnavailable") ||
    code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") ||
    code === "Neo.TransientError.Transaction.Terminated" ||
    code === "Neo.ClientError.Transaction.Terminated" ||
    /acquisition timed out/i.test(error.message);
  if (!unavailable) return error;
  const wrapped = new Neo4jUnavailableError(
    code.includes("TimedOut") ? "Neo4j did not answer within the read timeout." : "Neo4j is unavailable.",
  );
  (wrapped as { cause?: unknown }).cause = error;
  return wrapped;
}
