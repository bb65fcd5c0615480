/** The bundled example with contacts added in code (firms in Italian, delegations in English), planned, for the mail tests. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { planStop, type Schedule } from "@roadshow/core";
import { readDataDir, type DataSet } from "../packages/cli/src/read/index.js";
import type { Organizer, PreviousMeeting } from "../packages/cli/src/write/exports.js";

export const EXAMPLE = new URL("../examples/lombardia-2026", import.meta.url).pathname;
export const STOP = "BS-2026-02";
export const ORGANIZER: Organizer = { name: "Confindustria Lombardia", email: "eventi@example.it" };

/** A temporary folder (`work`) holding a copy of the example as `work/data`, without its day-of changes. */
export function exampleCopy(prefix: string): { work: string; data: string } {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const data = path.join(work, "data");
  cpSync(EXAMPLE, data, { recursive: true });
  rmSync(path.join(data, "day-of"), { recursive: true });
  return { work, data };
}

/**
 * Adds (or overwrites) columns of firms.csv and delegations.csv in the data folder `dir`, as an
 * organiser would in a spreadsheet: `cells(kind, id, index)` gives each row's cells (email, lang…).
 */
export function addContacts(dir: string, cells: (kind: "firm" | "delegation", id: string, index: number) => Readonly<Record<string, string>>): void {
  for (const [file, column, kind] of [["firms.csv", "firm_id", "firm"], ["delegations.csv", "delegation_id", "delegation"]] as const) {
    const rows = parse(readFileSync(path.join(dir, file)), { columns: true, bom: true }) as Record<string, string>[];
    writeFileSync(path.join(dir, file), stringify(rows.map((r, i) => ({ ...r, ...cells(kind, r[column]!, i) })), { header: true }));
  }
}

/** Firm F… → info@f….example.it (lang it); delegation → trade@….example (lang en, contact Jane Doe). `without` get no email. */
export async function exampleData(without: readonly string[] = []): Promise<DataSet> {
  const { data } = await readDataDir(EXAMPLE, {});
  const email = (id: string, address: string) => (without.includes(id) ? {} : { email: address });
  return {
    ...data!,
    firms: data!.firms.map((f) => ({ ...f, lang: "it", ...email(f.id, `info@${f.id.toLowerCase()}.example.it`) })),
    delegations: data!.delegations.map((d) => ({ ...d, lang: "en", contactName: `Consul ${d.id}`, ...email(d.id, `trade@${d.id.toLowerCase()}.example`) })),
  };
}

/** The stop planned by the library, and its agenda rows as the mail reads them. */
export function planned(data: DataSet, stopId = STOP): { schedule: Schedule; rows: PreviousMeeting[] } {
  const stop = data.stops.find((s) => s.id === stopId)!;
  const schedule = planStop({ stop, firms: data.firms, delegations: data.delegations, requests: data.requests, scores: null, history: [] }, { minMeetings: 1 });
  const rows = schedule.meetings.map((m) => ({ stopId, firmId: m.firmId, delegationId: m.delegationId, slot: m.slot, table: m.table, sequence: 0 }));
  return { schedule, rows };
}

/** One message as the sink received it: the envelope's recipients, the bytes, its Message-ID, whether it came over TLS. */
export interface SinkMessage {
  readonly to: readonly string[];
  readonly bytes: Buffer;
  /** The `Message-ID` header (`<…>`), `null` when the message has none. */
  readonly messageId: string | null;
  /** Sent after STARTTLS. */
  readonly secure: boolean;
}

/** How the sink behaves: by default it accepts every message from anyone, without TLS or login. */
export interface SinkOptions {
  /**
   * Called with the envelope's recipients once a message's data has arrived, before the server answers:
   * answering true refuses the message (451, not kept), e.g. after killing the sender; the answer waits
   * until the promise settles, so a slow one makes a server that delays its 250.
   */
  readonly intercept?: (to: readonly string[]) => boolean | Promise<boolean>;
  /** The `nth` message (1-based) gets its answer `ms` later (a slow server); `onData` is called as its data ends. */
  readonly delay?: { readonly nth: number; readonly ms: number; readonly onData?: () => void };
  /** Accepts this many messages, then answers every next one 421 (a server failing half-way). */
  readonly acceptUpTo?: number;
  /** This recipient is refused at RCPT TO (550 no such user); the others of the run are accepted. */
  readonly rejectTo?: string;
  /** A login is required, with this user and password; any other is refused (535). */
  readonly auth?: { readonly user: string; readonly pass: string };
  /** STARTTLS is offered (smtp-server's self-signed certificate). */
  readonly starttls?: boolean;
}

/** The Message-ID header of a raw message (folded header lines unfolded). */
function messageIdOf(bytes: Buffer): string | null {
  return /^Message-ID:\s*(<[^>]+>)/im.exec(bytes.toString("utf8").replace(/\r\n\s+/g, " "))?.[1] ?? null;
}

/**
 * An SMTP server on 127.0.0.1 (smtp-server) that accepts messages as `options` say and keeps each
 * accepted one's bytes (`delivered`) with its envelope (`received`), in the order accepted; close it after use.
 */
export async function smtpSink(options: SinkOptions = {}): Promise<{ readonly url: string; readonly delivered: Buffer[]; readonly received: SinkMessage[]; close(): Promise<void> }> {
  const { SMTPServer } = await import("smtp-server");
  const delivered: Buffer[] = [];
  const received: SinkMessage[] = [];
  let arrived = 0;
  const refuse = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });
  const smtp = new SMTPServer({
    disabledCommands: [...(options.starttls === true ? [] : ["STARTTLS"]), ...(options.auth ? [] : ["AUTH"])],
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === options.auth?.user && auth.password === options.auth?.pass) done(null, { user: auth.username });
      else done(refuse("535 authentication failed", 535));
    },
    onRcptTo(address, _session, done) {
      if (address.address === options.rejectTo) done(refuse("no such user", 550));
      else done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      // The envelope is the connection's: read it now, before the next message resets it.
      const to = session.envelope.rcptTo.map((r) => r.address);
      const secure = session.secure;
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        void (async () => {
          if (++arrived === options.delay?.nth) {
            options.delay.onData?.();
            await new Promise((resolve) => setTimeout(resolve, options.delay!.ms));
          }
          if ((await options.intercept?.(to)) === true) {
            done(refuse("not accepted", 451));
            return;
          }
          if (options.acceptUpTo !== undefined && received.length >= options.acceptUpTo) {
            done(refuse("service not available, closing channel", 421));
            return;
          }
          const bytes = Buffer.concat(chunks);
          delivered.push(bytes);
          received.push({ to, bytes, messageId: messageIdOf(bytes), secure });
          done();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as import("node:net").AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, delivered, received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}
