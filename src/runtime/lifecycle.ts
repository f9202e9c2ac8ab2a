import type { Logger } from "../shared/logger.js";

/**
 * Runs `shutdown` once on SIGINT or SIGTERM, then exits. A second signal, or a shutdown that
 * overruns `graceSeconds`, exits at once (the local Neo4j still stops: it watches our stdin).
 */
export function onShutdownSignal(logger: Logger, graceSeconds: number, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const timer = setTimeout(() => {
      logger.error("shutdown took too long: exiting");
      process.exit(1);
    }, graceSeconds * 1000 + 30_000);
    timer.unref();
    shutdown().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "error while shutting down");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
}
