/** `sent.csv`: the messages already handed to the mail server, appended and flushed to disk one by one. */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { InputError } from "../errors.js";
import { said } from "../text/cli-text.js";
import type { InputIssue } from "../issues.js";
import { readTable, type TableSpec } from "../read/table.js";
import { toCsv } from "../write/csv.js";

/** Columns of sent.csv. */
export const SENT_COLUMNS = ["stop_id", "participant_kind", "participant_id", "address", "message_id", "sent_at"] as const;

/**
 * One message the server accepted.
 * @example { stopId: "BS-2026-02", kind: "firm", participantId: "F0001", address: "info@orobica.example",
 *   messageId: "<BS-2026-02.firm.F0001.3f2a…@example.it>", sentAt: "2026-02-18T09:30:12.345Z" }
 */
export interface SentRecord {
  readonly stopId: string;
  readonly kind: string;
  readonly participantId: string;
  readonly address: string;
  readonly messageId: string;
  /** ISO 8601, UTC. */
  readonly sentAt: string;
}

/** A journal with no message yet: its header. */
export function emptyJournal(): string {
  return toCsv(SENT_COLUMNS, [], { excel: false });
}

const SPEC: TableSpec = {
  what: "input.table.sentMessages",
  maxRows: 1_000_000,
  quietExtras: true,
  columns: SENT_COLUMNS.map((name) => ({ name, required: true })),
};

/**
 * The messages already sent, by Message-ID. A missing file is an empty journal; a last line
 * cut short (the run was killed while writing it) is ignored.
 */
export function readJournal(file: string): Map<string, SentRecord> {
  const sent = new Map<string, SentRecord>();
  if (!existsSync(file)) return sent;
  let bytes = readFileSync(file);
  const end = bytes.lastIndexOf(0x0a);
  bytes = bytes.subarray(0, end + 1);
  if (bytes.length === 0) return sent;
  const issues: InputIssue[] = [];
  const table = readTable({ name: file, bytes: new Uint8Array(bytes) }, SPEC, issues);
  const errors = issues.filter((i) => i.severity === "error");
  if (table === null || errors.length > 0) {
    throw new InputError(said("cli.input.notJournal", { file }), errors.length > 0 ? errors : issues);
  }
  for (const { row, ragged } of table.rows) {
    if (ragged) continue;
    const messageId = row.raw("message_id");
    if (messageId === "") continue;
    sent.set(messageId, {
      stopId: row.raw("stop_id"),
      kind: row.raw("participant_kind"),
      participantId: row.raw("participant_id"),
      address: row.raw("address"),
      messageId,
      sentAt: row.raw("sent_at"),
    });
  }
  return sent;
}

/** An open sent.csv: each `append` is on disk (fsync) before it returns. */
export class Journal {
  private constructor(private readonly fd: number) {}

  /** Opens (creating it with its header) the journal for appending. */
  static open(file: string): Journal {
    const fd = openSync(file, "a+");
    const existing = readFileSync(file);
    // A line cut short by a killed run never reached the disk whole: drop it (its message was not recorded).
    if (existing.length > 0 && existing[existing.length - 1] !== 0x0a) ftruncateSync(fd, existing.lastIndexOf(0x0a) + 1);
    if (existing.lastIndexOf(0x0a) < 0) writeSync(fd, emptyJournal());
    fsyncSync(fd);
    return new Journal(fd);
  }

  append(r: SentRecord): void {
    const line = toCsv(SENT_COLUMNS, [[r.stopId, r.kind, r.participantId, r.address, r.messageId, r.sentAt]], { excel: false });
    writeSync(this.fd, line.slice(line.indexOf("\n") + 1));
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
