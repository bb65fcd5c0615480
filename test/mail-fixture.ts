/** The bundled example with contacts added in code (firms in Italian, delegations in English), planned, for the mail tests. */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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

/** One message as the sink received it: the envelope's recipients and the bytes. */
export interface SinkMessage {
  readonly to: readonly string[];
  readonly bytes: Buffer;
}

/** What a test may do with a message once its data has arrived, before the server answers. */
export interface SinkOptions {
  /** Called with the envelope's recipients; answering true refuses the message (451, not kept), e.g. after killing the sender. */
  readonly intercept?: (to: readonly string[]) => boolean | Promise<boolean>;
}

/**
 * An SMTP server on 127.0.0.1 (smtp-server) that accepts every message and keeps its bytes
 * (`delivered`) with its envelope (`received`), in the order accepted; close it after use.
 */
export async function smtpSink(options: SinkOptions = {}): Promise<{ readonly url: string; readonly delivered: Buffer[]; readonly received: SinkMessage[]; close(): Promise<void> }> {
  const { SMTPServer } = await import("smtp-server");
  const delivered: Buffer[] = [];
  const received: SinkMessage[] = [];
  const smtp = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      // The envelope is the connection's: read it now, before the next message resets it.
      const to = session.envelope.rcptTo.map((r) => r.address);
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        void (async () => {
          if ((await options.intercept?.(to)) === true) {
            done(Object.assign(new Error("not accepted"), { responseCode: 451 }));
            return;
          }
          const bytes = Buffer.concat(chunks);
          delivered.push(bytes);
          received.push({ to, bytes });
          done();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as import("node:net").AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, delivered, received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}
