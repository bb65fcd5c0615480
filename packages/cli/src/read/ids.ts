// Ids within one file (duplicates flagged) and references to another file's ids (with suggestions).
import { MAX_SUGGESTION_LOOKUPS } from "./limits.js";
import { fail, ok } from "./report.js";
import type { Parser } from "./report.js";
import type { Row } from "./row.js";
import { nearAs, nearest } from "./suggest.js";
import { said } from "../text/cli-text.js";

/** Ids of one file with the line each was defined on; flags duplicates. */
export class IdRegistry {
  readonly lines = new Map<string, number>();

  /** Records an id of a row that could not be read (ragged), silently. */
  note(id: string, line: number): void {
    if (id !== "" && !this.lines.has(id)) this.lines.set(id, line);
  }

  /** Records an id; a second definition is a `duplicate-id` error naming both lines. */
  claim(row: Row, column: string, id: string | undefined): void {
    if (id === undefined || id === "") return;
    const first = this.lines.get(id);
    if (first === undefined) {
      this.lines.set(id, row.line);
      return;
    }
    row.error(
      column,
      "duplicate-id",
      id,
      said("input.duplicate-id", { column: row.column(column), id, line: row.line, first }),
      said("input.duplicate-id.fix", { first, line: row.line }),
    );
  }
}

/** The ids another file defines, for checking references to them. */
export interface KnownIds {
  readonly ids: ReadonlyMap<string, number>;
  /** The defining file, e.g. `stops.csv`. */
  readonly file: string;
  /** Its id column, e.g. `stop_id`. */
  readonly column: string;
}

/**
 * A reference to an id of another file; unknown ids are errors with the nearest
 * ids as suggestions. `known: null` (that file could not be read) accepts any id,
 * so one broken file does not bury the others under follow-on errors.
 * `suggest: false` never names another id: a firm's request, score or
 * absence must not be handed to a firm with a similar id.
 */
export function refParser(known: KnownIds | null, code: string, opts: { suggest?: boolean } = {}): Parser<string> {
  let lookups = 0;
  const suggest = opts.suggest ?? true;
  return (raw) => {
    if (known === null || known.ids.has(raw)) return ok(raw);
    const near = suggest && lookups++ < MAX_SUGGESTION_LOOKUPS ? nearest(raw, known.ids.keys(), 3) : [];
    return fail(
      code,
      said("input.unknown-id", { value: raw, column: known.column, file: known.file, near: nearAs(near) }),
      near.length > 0 ? said("input.unknown-id.near.fix", { near: near[0]!, value: raw, file: known.file }) : said("input.unknown-id.fix", { column: known.column, file: known.file }),
    );
  };
}
