import neo4j, { auth, type Driver } from "neo4j-driver";
import type { Neo4jConnection } from "./runtime.js";

/** One driver per process: it owns the connection pool. Close it on shutdown. */
export function createDriver(conn: Pick<Neo4jConnection, "uri" | "user" | "password">, options: { maxConnections?: number } = {}): Driver {
  // The local Neo4j runs with authentication off (loopback only) and accepts any credentials.
  return neo4j.driver(conn.uri, auth.basic(conn.user, conn.password), {
    // Counts and offsets here are far below 2^53: native numbers spare an Integer object per value.
    disableLosslessIntegers: true,
    // NEO4J_MAX_CONNECTIONS: 10 measured better than 50 on a 2-core Neo4j at 50 client
    // connections (req/s the same or higher, p99 of a graph view 318 against 772 ms), and the
    // service answered 2.2 s after a restarted Neo4j did instead of 7.7 s.
    maxConnectionPoolSize: options.maxConnections ?? 10,
    // A request waits at most 2 s for a free connection, then answers SERVICE_UNAVAILABLE (its
    // reads have READ_TIMEOUT_MS in all); opening a connection gives up after 3 s.
    connectionAcquisitionTimeout: 2_000,
    connectionTimeout: 3_000,
    // Managed transactions (the seed loader, start-up checks) stop retrying after 5 s instead of
    // the driver's 30 s. Requests read with auto-commit queries (RequestDb), which the driver
    // retries only when Neo4j says a failure is safe to retry; when Neo4j is down a request waits
    // for the outage probe (db/outage.ts), at most a second, then answers SERVICE_UNAVAILABLE.
    maxTransactionRetryTime: 5_000,
    userAgent: "zhusan-knowledge-graph",
  });
}
