import { Neo4jError, type Driver, type ManagedTransaction, type QueryResult, type RecordShape, type Session } from "neo4j-driver";
import { Neo4jUnavailableError } from "./errors.js";
import { OUTAGE_WAIT_MS, type Neo4jOutage } from "./outage.js";

export interface QueryStats {
  /** Queries sent to Neo4j so far (one per loader batch or top-level lookup). */
  count: number;
  /** Milliseconds the queries took, added up (they may overlap). */
  millis: number;
}

/** The default of READ_TIMEOUT_MS: how long a request's reads may take, all together. */
export const DEFAULT_READ_TIMEOUT_MS = 5_000;
/** How much earlier than the read timeout Neo4j is asked to end a query itself. */
const NEO4J_TIMEOUT_LEAD_MS = 250;

/**
 * The database as one request sees it: one session for the whole request (not one per field or
 * per query), closed when the response is sent. Each query is its own auto-commit read: RUN and
 * PULL go out in one write and cost one round trip, with no BEGIN before it and no COMMIT after
 * it (an explicit read transaction costs three writes and two round trips for the same answer,
 * and nothing is ever written here to commit). A session runs one query at a time, so queries of
 * one request (several root fields, loaders of one level) are sent one after another; with the
 * read planner a request sends one per root field.
 *
 * Consistency, stated plainly: this is NOT one snapshot per request. Neo4j reads at READ
 * COMMITTED: no query sees uncommitted writes, but a seed load that commits while a request is
 * being read can be seen by one of its queries and not by another (e.g. an old list with a new
 * `totalCount`). With the read planner each root field is one Cypher query, which narrows the
 * window to that query; Neo4j does not promise a snapshot even within one query, so a request
 * spanning a reload may see both the old and the new graph.
 *
 * Time: every query carries what is left of `timeoutMs` (READ_TIMEOUT_MS, counted from the
 * request's first query) as its transaction timeout, which Neo4j enforces; and every read also
 * races a deadline of its own here, because a Neo4j that is paused or unreachable enforces
 * nothing. Either way the request fails with SERVICE_UNAVAILABLE instead of waiting. Once Neo4j
 * is found gone, reads wait for the process's one probe instead (db/outage.ts).
 *
 * Lifetime: per request; `close()` when the response is sent.
 */
export class RequestDb {
  readonly stats: QueryStats = { count: 0, millis: 0 };
  private session: Session | null = null;
  /** The query before this one: the session is handed to the next only once it has answered. */
  private previous: Promise<unknown> = Promise.resolve();
  /** When the first query was sent; the request's reads must be done by this + timeoutMs. */
  private began = 0;
  /** A read missed its deadline: the connection may hang, so it is released in the background. */
  private abandoned = false;

  private readonly txMetadata: Record<string, unknown>;
  private readonly timeoutMs: number;
  private readonly outage: Neo4jOutage | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    options: {
      /** Sent with every query: Neo4j's query log and `SHOW TRANSACTIONS` show it. */
      metadata?: Record<string, unknown>;
      /** READ_TIMEOUT_MS. */
      timeoutMs?: number;
      /** The process's knowledge of an outage: reads wait for its probe instead of trying Neo4j each. */
      outage?: Neo4jOutage;
    } = {},
  ) {
    this.txMetadata = options.metadata ?? {};
    this.timeoutMs = options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    this.outage = options.outage;
  }

  /**
   * Runs one read query and returns its records. `deadlineMs` shortens the wait for this one read
   * (the health check answers within a second).
   */
  read<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
    options: { deadlineMs?: number } = {},
  ): Promise<QueryResult<R>> {
    if (this.began === 0) this.began = Date.now();
    this.stats.count += 1;
    const turn = this.previous.then(() => this.readNow<R>(cypher, params, options));
    this.previous = turn.catch(() => {});
    return turn;
  }

  private async readNow<R extends RecordShape>(cypher: string, params: Record<string, unknown>, options: { deadlineMs?: number }): Promise<QueryResult<R>> {
    if (this.abandoned) throw new Neo4jUnavailableError(`Neo4j did not answer within ${this.timeoutMs} ms.`);
    this.session ??= this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    const started = performance.now();
    // Neo4j's own timeout, when it is alive, answers a little before ours (NEO4J_TIMEOUT_LEAD_MS),
    // with a clearer error; ours, at the read timeout itself, is for when it is not.
    const left = this.began + this.timeoutMs - Date.now();
    if (left <= 0) throw new Neo4jUnavailableError(`Neo4j did not answer within ${this.timeoutMs} ms.`);
    if (this.outage?.down && !(await this.outage.ready(Math.min(OUTAGE_WAIT_MS, left, options.deadlineMs ?? Infinity)))) {
      throw new Neo4jUnavailableError("Neo4j is unavailable.");
    }
    const remaining = Math.max(this.began + this.timeoutMs - Date.now(), 1);
    const wait = Math.min(remaining, options.deadlineMs ?? Infinity);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.abandoned = true;
        this.outage?.report(`no answer within ${Math.round(wait)} ms`);
        reject(new Neo4jUnavailableError(`Neo4j did not answer within ${Math.round(wait)} ms.`));
      }, wait);
    });
    const running = this.session.run<R>(cypher, params, { metadata: this.txMetadata, timeout: Math.max(remaining - NEO4J_TIMEOUT_LEAD_MS, 1) });
    // Once the deadline has won, the query's own failure (later) is no one's concern.
    running.catch(() => {});
    try {
      return await Promise.race([running, deadline]);
    } catch (error) {
      const shaped = asUnavailable(error);
      if (shaped instanceof Neo4jUnavailableError && isUnreachable(error)) this.outage?.report((error as Neo4jError).code);
      throw shaped;
    } finally {
      clearTimeout(timer);
      this.stats.millis += performance.now() - started;
    }
  }

  /**
   * Runs `work` as one write transaction, on a session of its own in WRITE mode (the request's
   * read session is never used for writing). The driver retries it whole on transient errors
   * (a deadlock, a leader change), so `work` must only depend on what it reads inside; anything
   * it throws rolls everything back. Counted as one query in the request's stats.
   */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.stats.count += 1;
    const started = performance.now();
    const session = this.driver.session({ database: this.database, defaultAccessMode: "WRITE" });
    try {
      return await session.executeWrite(work, { metadata: this.txMetadata, timeout: this.timeoutMs });
    } catch (error) {
      throw asUnavailable(error);
    } finally {
      this.stats.millis += performance.now() - started;
      await session.close();
    }
  }

  /**
   * Ends the session (its connection is already back in the pool once its last query answered).
   * Never waits on a Neo4j that stopped answering: an abandoned session is closed in the
   * background, and its connection goes back to the pool when Neo4j answers or the socket dies.
   */
  async close(): Promise<void> {
    const { session } = this;
    this.session = null;
    if (!session) return;
    const release = session.close().catch(() => {});
    if (this.abandoned) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([release, new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
  }
}

/** Neo4j could not be reached at all (not: it answered that a query took too long). */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    error.code === "ServiceUnavailable" ||
    error.code === "SessionExpired" ||
    error.code.startsWith("Neo.TransientError.General.DatabaseUnavailable") ||
    /acquisition timed out/i.test(error.message)
  );
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
