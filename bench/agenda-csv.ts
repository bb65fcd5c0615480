/** Reads the meetings back from an `agenda.csv` the CLI wrote (spec columns, `,` or `;`, RFC 4180 quotes). */
import { readFileSync } from "node:fs";
import type { CheckedMeeting } from "../oracle/verify.js";

function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f !== ""));
}

export function readAgenda(path: string): CheckedMeeting[] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.indexOf("\n"));
  const rows = parseCsv(text, firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",");
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path}: no ${name} column`);
    return i;
  };
  const [slot, table, delegation, firm, score] = ["slot", "table", "delegation_id", "firm_id", "score"].map(col) as [number, number, number, number, number];
  // Scores may be written with a decimal comma by a localised writer.
  const num = (s: string): number => Number(s.replace(",", "."));
  return rows.slice(1).map((r) => ({
    firmId: r[firm]!,
    delegationId: r[delegation]!,
    slot: num(r[slot]!),
    table: num(r[table]!),
    score: num(r[score]!),
  }));
}
