import type { Driver } from "neo4j-driver";
import type { Logger } from "../shared/logger.js";
import { neo4jAnswers } from "./ping.js";

/** How long a request waits, during an outage, for Neo4j to answer again before SERVICE_UNAVAILABLE. */
export const OUTAGE_WAIT_MS = 1_000;
/** How often one probe asks Neo4j whether it answers again, during an outage. */
const PROBE_EVERY_MS = 250;

/**
 * What the service knows of Neo4j being unreachable, shared by every request of the process.
 *
 * Once a read finds Neo4j gone (connection refused, no connection free, no answer by the
 * deadline), the next reads do not each try it again: they wait for one probe, which asks Neo4j
 * again 250 ms after each failed try, to see it answer, at most OUTAGE_WAIT_MS (and never past their own deadline), then
 * fail with SERVICE_UNAVAILABLE. So:
 * - an outage costs little: clients that retry at once no longer make the service fail thousands
 *   of connection attempts a second, CPU a restarting local Neo4j needs on a small machine;
 * - a request that arrives just before Neo4j is back is answered instead of refused;
 * - a paused Neo4j costs later requests a second, not the whole read timeout.
 */
export class Neo4jOutage {
  /** Settles when Neo4j answers again; null while it is thought up. */
  private back: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    /** How long one probe waits for its answer: READ_TIMEOUT_MS (a JVM just restarted answers its first queries slowly). */
    private readonly probeTimeoutMs: number,
    private readonly logger?: Logger,
  ) {}

  get down(): boolean {
    return this.back !== null;
  }

  /** A read found Neo4j unreachable or silent: probe it until it answers. */
  report(why?: string): void {
    if (this.back || this.stopped) return;
    const since = Date.now();
    this.logger?.warn({ why }, "Neo4j does not answer: requests wait for a probe");
    this.back = this.probe().finally(() => {
      this.back = null;
      if (!this.stopped) this.logger?.warn({ ms: Date.now() - since }, "Neo4j answers again");
    });
  }

  /**
   * True at once while Neo4j is thought up; during an outage, true as soon as the probe sees it
   * answer within `withinMs`, else false.
   */
  async ready(withinMs: number): Promise<boolean> {
    const back = this.back;
    if (!back) return true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(withinMs, 0))));
    try {
      return await Promise.race([back.then(() => !this.stopped), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** No more probing (the service is stopping); waiting reads fail. */
  stop(): void {
    this.stopped = true;
  }

  private async probe(): Promise<void> {
    while (!this.stopped && !(await neo4jAnswers(this.driver, this.database, this.probeTimeoutMs))) {
      // Unreferenced: a probe never keeps a stopping process alive.
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS).unref());
    }
  }
}
