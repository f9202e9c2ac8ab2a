import cliProgress from "cli-progress";
import type { WriteProgress } from "./write-plan.js";

/**
 * Progress of a load on a terminal: one bar over every row (nodes and relationships) of every
 * document, drawn by cli-progress on stderr when it is a terminal, and a summary line per
 * document on stdout whatever it is.
 */
export function terminalProgress(out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): WriteProgress {
  const bar = err.isTTY
    ? new cliProgress.SingleBar(
        { stream: err, format: "loading {bar} {percentage}% | {value}/{total} rows | {unit}", hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let remaining = 0;
  return {
    start(units) {
      remaining = units.length;
      bar?.start(units.reduce((n, u) => n + u.rows, 0), 0, { unit: units[0]?.name ?? "" });
    },
    advance(unit, rows) {
      bar?.increment(rows, { unit });
    },
    done(unit, { nodes, rels, millis, error }) {
      const line = error
        ? `${unit}: not written (${error.message}); the others are unaffected`
        : `${unit}: ${nodes} nodes, ${rels} relationships in ${millis} ms`;
      if (bar) bar.update({ unit });
      if (--remaining === 0) bar?.stop();
      // Above the bar: cli-progress redraws it on the next update.
      (error ? err : out).write(`${bar ? "\r\x1b[K" : ""}${line}\n`);
    },
  };
}
