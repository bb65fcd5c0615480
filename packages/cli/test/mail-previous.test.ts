/** `mail --previous` with an agenda of another stop is refused (other-stop, exit 1, nothing written), as export, schedule and replan refuse it; the stop's own previous agenda is taken. */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { addContacts } from "../../../test/mail-fixture.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const ORGANIZER = "Confindustria Lombardia <eventi@example.it>";

let work: string;
let data: string;
const agendas: Record<string, string> = {};

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-mail-prev-"));
  data = path.join(work, "data");
  cpSync(EXAMPLE, data, { recursive: true });
  addContacts(data, (_kind, id) => ({ email: `x@${id.toLowerCase()}.example` }));
  for (const stop of ["BS-2026-02", "BG-2026-03"]) {
    const r = await runCli("schedule", data, "--stop", stop, "--out", path.join(work, stop), "--no-exact");
    expect(r.code, r.stderr).toBe(0);
    agendas[stop] = path.join(work, stop, "agenda.csv");
  }
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const mail = (stop: string, previous: string, out: string, ...more: string[]) =>
  runCli(...more, "mail", data, "--stop", stop, "--agenda", agendas[stop]!, "--previous", previous, "--out", out, "--organizer", ORGANIZER);

describe("mail --previous of another stop", () => {
  it("is refused with other-stop naming the file, line and stop_id; nothing is written", async () => {
    for (const [stop, other] of [["BS-2026-02", "BG-2026-03"], ["BG-2026-03", "BS-2026-02"]] as const) {
      const out = path.join(work, `mail-${stop}`);
      const r = await mail(stop, agendas[other]!, out);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stderr).toContain("other-stop");
      expect(r.stderr).toContain(`${agendas[other]}:2`);
      expect(r.stderr).toContain(`is an agenda of ${other}, not of ${stop}`);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("says so in JSON with its code and location", async () => {
    const out = path.join(work, "mail-json");
    const r = await mail("BS-2026-02", agendas["BG-2026-03"]!, out, "--format", "json");
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout || r.stderr) as unknown;
    expect(JSON.stringify(issues)).toMatch(/"code":"other-stop"/);
    expect(existsSync(out)).toBe(false);
  });

  it("the stop's own agenda as --previous is taken (nothing cancelled, nothing refused)", async () => {
    const out = path.join(work, "mail-own");
    const r = await mail("BS-2026-02", agendas["BS-2026-02"]!, out);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(out, "sent.csv"))).toBe(true);
  });
});
