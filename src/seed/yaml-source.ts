import fs from "node:fs/promises";
import path from "node:path";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import type { z } from "zod";
import type { Problem } from "./problems.js";
import type { ProblemSource } from "./compile-context.js";
import { validateEntry } from "./validate.js";

export type PathSegment = string | number;

/** A parsed seed file that can say on which line any value of it stands. */
export class YamlSource implements ProblemSource {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  static async read(dir: string, file: string, problems: Problem[]): Promise<YamlSource | null> {
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, file), "utf8");
    } catch (error) {
      problems.push({ file, message: `cannot read the file: ${(error as Error).message}` });
      return null;
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const pos = lines.linePos(error.pos[0]);
        problems.push({ file, line: pos.line, column: pos.col, message: `YAML: ${error.message.split("\n")[0]}` });
      }
      return null;
    }
    return new YamlSource(file, doc, lines);
  }

  get data(): unknown {
    return this.doc.toJS();
  }

  /** Line and column of the value at `at`, or of its nearest ancestor that exists. */
  locate(at: readonly PathSegment[]): { line?: number; column?: number } {
    for (let n = at.length; n >= 0; n--) {
      const node = at.length === 0 && n === 0 ? this.doc.contents : this.doc.getIn(at.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = this.lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return {};
  }

  /** Validates the content against `schema`; every issue becomes a located problem. */
  parse<T>(schema: z.ZodType<T>, problems: Problem[]): T | null {
    return validateEntry(this, [], this.data, schema, problems);
  }

  /** A problem at `at`, naming the entry (via `describeEntry`) and the field path inside it. */
  problem(at: readonly PathSegment[], message: string, describeEntry: (at: readonly PathSegment[]) => string | undefined): Problem {
    const entry = describeEntry(at);
    const entryDepth = entryPathLength(at);
    const field = formatPath(at.slice(entryDepth));
    return { file: this.file, ...this.locate(at), entry, field: field || undefined, message };
  }

  problemAt(at: readonly PathSegment[], message: string): Problem {
    return this.problem(at, message, entryNamer(this));
  }

  lineOf(at: readonly PathSegment[]): number | undefined {
    return this.locate(at).line;
  }

  /** The value at a path of the raw document (before validation), e.g. to name an entry by its id. */
  rawAt(at: readonly PathSegment[]): unknown {
    const value = this.doc.getIn(at);
    return isNode(value) ? value.toJSON() : value;
  }
}

/** Entries are list items: `[i]` in list files, `[key, i]` in files with sections (places), or a section. */
function entryPathLength(at: readonly PathSegment[]): number {
  if (typeof at[0] === "number") return 1;
  if (typeof at[1] === "number") return 2;
  return Math.min(at.length, 1);
}

export function formatPath(at: readonly PathSegment[]): string {
  return at.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** Names the entry an issue is in: its id when it has one, else its position. */
export function entryNamer(source: YamlSource) {
  return (at: readonly PathSegment[]): string | undefined => {
    const depth = entryPathLength(at);
    if (depth === 0) return undefined;
    const entryPath = at.slice(0, depth);
    const id = source.rawAt([...entryPath, "id"]);
    return typeof id === "string" ? id : formatPath(entryPath);
  };
}
