/** No SMTP password is ever printed: bad --smtp URLs (mail and studio) show it masked with how to percent-encode it, and a failing login or server does not echo it either. */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { parseSmtpUrl } from "../src/mail/smtp.js";
import { maskSmtpUrl, scrub, secretsOf } from "../src/secrets.js";
import { runCli } from "./run-cli.js";
import { addContacts, smtpSink } from "../../../test/mail-fixture.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const STOP = "BS-2026-02";
const ORGANIZER = "Eventi <eventi@example.it>";

let work: string;
let data: string;
let agenda: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-secrets-"));
  data = path.join(work, "data");
  cpSync(EXAMPLE, data, { recursive: true });
  addContacts(data, (_kind, id) => ({ email: `x@${id.toLowerCase()}.example` }));
  const r = await runCli("schedule", data, "--stop", STOP, "--out", path.join(work, "plan"), "--no-exact");
  expect(r.code, r.stderr).toBe(0);
  agenda = path.join(work, "plan", "agenda.csv");
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every form in which a password could leak: as typed, decoded, encoded, and its longest pieces around a reserved character. */
function leaks(text: string, password: string): string[] {
  const forms = [password, encodeURIComponent(password), ...password.split(/[/?#\\@:%]/).filter((p) => p.length >= 4)];
  return forms.filter((f) => text.includes(f));
}

// Unencoded characters that end the server's part of a URL, in the password, in several places.
const BAD_URLS: readonly [string, string][] = [
  ["smtp://user:Pa/ssW0rd@host:587", "Pa/ssW0rd"],
  ["smtps://eventi%40example.it:Sec?ret99@mail.example.it", "Sec?ret99"],
  ["smtp://user:Hash#Tag2026@host", "Hash#Tag2026"],
  ["smtp://user:Back\\slash77@host:25", "Back\\slash77"],
  ["smtp://user:p@ss/w0rdXY@host", "p@ss/w0rdXY"],
  ["smtp://user:S3cret%zz@host", "S3cret%zz"],
  ["smtp://user:/leadingSlash@host", "/leadingSlash"],
];

describe("--smtp with a password a URL cannot hold", () => {
  it("mail: exit 2, the URL shown with *** and how to percent-encode; the password nowhere, in text or JSON, English or Italian", async () => {
    for (const [url, password] of BAD_URLS) {
      for (const extra of [[], ["--format", "json"], ["--lang", "it"]]) {
        for (const smtp of [["--smtp", url], [`--smtp=${url}`]]) {
          const r = await runCli(...extra, "mail", data, "--stop", STOP, "--agenda", agenda, "--out", path.join(work, "never"), "--organizer", ORGANIZER, ...smtp);
          const printed = r.stdout + r.stderr;
          expect(r.code, printed).toBe(2);
          expect(leaks(printed, password), `${url} ${extra.join(" ")}: ${printed}`).toEqual([]);
          expect(printed).toContain(":***@");
          expect(printed).toMatch(/%2F/);
          if (extra[1] === "it") expect(printed).toContain("segno di percentuale");
        }
      }
    }
  }, 60_000);

  it("studio --smtp: refused at start the same way, the password nowhere", async () => {
    for (const [url, password] of BAD_URLS) {
      const r = await runCli("studio", data, "--out", path.join(work, "studio-out"), "--port", "0", "--no-open", "--smtp", url);
      const printed = r.stdout + r.stderr;
      expect(r.code, printed).toBe(2);
      expect(leaks(printed, password), printed).toEqual([]);
      expect(printed).toContain(":***@");
    }
  });

  it("any password: parseSmtpUrl takes it or refuses it without quoting it", () => {
    const unit = fc.constantFrom(..."aZ09/?#@:%\\-_.!$&'()*+,;= ".split(""));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (middle) => {
        const password = `Xq${middle}Zk`;
        const url = `smtp://user:${password}@mail.example.it:587`;
        try {
          const target = parseSmtpUrl(url, {});
          expect(target.shown).not.toContain(password);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as Error).message).not.toContain(password);
          expect((error as Error).message).toContain("smtp://user:***@mail.example.it:587");
        }
      }),
      { seed: 22, numRuns: 500 },
    );
  });

  it("masking and scrubbing", () => {
    expect(maskSmtpUrl("smtp://user:Pa/ssW0rd@host:587")).toBe("smtp://user:***@host:587");
    expect(maskSmtpUrl("smtp://localhost:2525")).toBe("smtp://localhost:2525");
    expect(maskSmtpUrl("smtp://user@host")).toBe("smtp://user@host");
    const secrets = secretsOf(["smtp://u:Pa%2FssW0rd@h"], { ROADSHOW_SMTP_PASSWORD: "fromEnv123" });
    expect(scrub("Pa%2FssW0rd Pa/ssW0rd fromEnv123", secrets)).toBe("*** *** ***");
  });
});

describe("a server that refuses the login", () => {
  it("exit 4 naming the server and the refusal, never the password (in the URL or in ROADSHOW_SMTP_PASSWORD)", async () => {
    // Logins are required and none the cases give is the one it takes.
    const smtp = await smtpSink({ auth: { user: "someone-else", pass: "not-given" } });
    const port = new URL(smtp.url).port;
    try {
      const cases: [string, Record<string, string>, string][] = [
        [`smtp://eventi:Pa%2FssW0rd@127.0.0.1:${port}`, {}, "Pa/ssW0rd"],
        [`smtp://eventi@127.0.0.1:${port}`, { ROADSHOW_SMTP_PASSWORD: "EnvSecret/42" }, "EnvSecret/42"],
      ];
      for (const [i, [url, env, password]] of cases.entries()) {
        const r = await runCliWithEnv(env, "mail", data, "--stop", STOP, "--agenda", agenda, "--out", path.join(work, `login-${i}`), "--organizer", ORGANIZER, "--smtp", url);
        const printed = r.stdout + r.stderr;
        expect(r.code, printed).toBe(4);
        expect(printed).toMatch(/535|authentication/i);
        expect(leaks(printed, password), printed).toEqual([]);
      }
    } finally {
      await smtp.close();
    }
  }, 60_000);
});

/** runCli with extra environment variables (the SMTP password from ROADSHOW_SMTP_PASSWORD). */
async function runCliWithEnv(env: Record<string, string>, ...argv: string[]) {
  const { main } = await import("../src/main.js");
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { LANG: "en_GB.UTF-8", ...env }, color: false });
  return { code, stdout, stderr };
}
