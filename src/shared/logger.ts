import { pino, type Logger } from "pino";

export type { Logger };

/** JSON logs on stdout (one object a line), readable lines when a person watches a terminal. */
export function createLogger(level: string, name = "kg"): Logger {
  const pretty = process.stdout.isTTY && process.env.LOG_FORMAT !== "json";
  return pino({
    name,
    level,
    ...(pretty
      ? { transport: { target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname" } } }
      : {}),
  });
}
