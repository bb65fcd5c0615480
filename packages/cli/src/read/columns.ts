// A file's header matched to the columns it understands (aliases, case, accents), with unknown and missing columns reported.
import type { Reporter } from "./report.js";
import { nearAs, nearest } from "./suggest.js";
import { NOTHING, said } from "../text/cli-text.js";

/** A column a file understands. */
export interface ColumnSpec {
  readonly name: string;
  readonly required: boolean;
  /** Not required when this other column is present (firms: `sectors` unless `ateco`). */
  readonly unless?: string;
  /** How a workbook's bare number in this column is meant: a serial date or a fraction of a day. */
  readonly type?: "date" | "time";
}

/** Where each known column is in a file, and how its header was written. */
export interface Columns {
  /** Cell index of a known column, `undefined` when the file lacks it. */
  index(name: string): number | undefined;
  /** The header as written in the file (the spec name when absent). */
  header(name: string): string;
  has(name: string): boolean;
}

function key(header: string): string {
  return header.trim().toLowerCase();
}

/**
 * Matches a header line against the columns of a file (case-insensitive, trimmed).
 * Missing required columns are errors with a "did you mean"; unknown columns are
 * warnings unless `quietExtras` (files the CLI writes itself carry extra columns).
 * `null` when no known column is present at all: the first line is not a header.
 */
export function matchColumns(
  header: readonly string[],
  line: number,
  specs: readonly ColumnSpec[],
  report: Reporter,
  quietExtras = false,
): Columns | null {
  const known = new Map(specs.map((s) => [s.name, s]));
  const found = new Map<string, { index: number; written: string }>();
  const unknown: { index: number; written: string }[] = [];
  header.forEach((written, index) => {
    const name = key(written);
    if (!known.has(name)) {
      unknown.push({ index, written });
    } else if (found.has(name)) {
      report.error(
        "duplicate-column",
        { line, column: written, value: written },
        said("input.duplicate-column", { column: written, first: found.get(name)!.index + 1, second: index + 1 }),
        said("input.duplicate-column.fix", {}),
      );
    } else {
      found.set(name, { index, written });
    }
  });

  const names = specs.map((s) => s.name);
  if (found.size === 0) {
    report.error(
      "no-header",
      { line },
      said("input.no-header", { names: names.join(", ") }),
      said("input.no-header.fix", { header: specs.filter((s) => s.required).map((s) => s.name).join(",") }),
    );
    return null;
  }
  const unknownNames = unknown.map((u) => u.written);
  for (const spec of specs) {
    const exempt = spec.unless !== undefined && found.has(spec.unless);
    if (!spec.required || exempt || found.has(spec.name)) continue;
    const near = nearest(spec.name, unknownNames, undefined, 1);
    const or = spec.unless === undefined ? NOTHING : said("input.missing-column.or", { column: spec.unless });
    report.error(
      "missing-column",
      { line, column: spec.name },
      said("input.missing-column", { column: spec.name, or, near: nearAs(near) }),
      near.length > 0 ? said("input.missing-column.near.fix", { from: near[0]!, to: spec.name }) : said("input.missing-column.fix", { column: spec.name }),
    );
  }
  if (!quietExtras) {
    for (const u of unknown) {
      if (u.written === "") continue;
      const near = nearest(u.written, names, undefined, 1).filter((n) => !found.has(n));
      report.warning(
        "unknown-column",
        { line, column: u.written, value: u.written },
        said("input.unknown-column", { column: u.written, near: nearAs(near) }),
        near.length > 0 ? said("input.unknown-column.near.fix", { name: near[0]! }) : said("input.unknown-column.fix", { names: names.join(", ") }),
      );
    }
  }
  return {
    index: (name) => found.get(name)?.index,
    header: (name) => found.get(name)?.written ?? name,
    has: (name) => found.has(name),
  };
}
