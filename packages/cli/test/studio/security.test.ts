// The studio stays local and private: 127.0.0.1, a session token, its cookie and the refused requests.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BIN, raw, startStudio, type Studio } from "./harness.js";

let studio: Studio;
const host = () => `127.0.0.1:${studio.port}`;
const options = { minMeetings: 1, allowRepeats: false, timeLimitSeconds: null, history: [], scores: null, requests: null, weights: null, changes: null, outcomes: null };

beforeAll(async () => {
  studio = await startStudio();
});
afterAll(async () => {
  await studio?.stop();
});

describe("roadshow studio: local and private", () => {
  test("prints its address with a random token, on 127.0.0.1", () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    expect(studio.stdout()).toContain(studio.url);
  });

  test("403 without the token, or with a wrong one", async () => {
    for (const p of ["/", "/app.js", "/api/session", "/api/data", "/?token=nope", `/?token=${studio.token.slice(0, -1)}x`]) {
      const res = await raw(studio.port, "GET", p, { host: host() });
      expect(res.status, p).toBe(403);
      expect(res.text).not.toContain("firms.csv");
    }
    expect((await raw(studio.port, "GET", "/api/data", { host: host() })).text).toBe("403 forbidden: no valid session token. Open the address roadshow studio printed (with its ?token=…).\n");
    expect((await raw(studio.port, "GET", "/api/data?lang=it", { host: host() })).text).toBe("403 accesso negato: nessun token di sessione valido. Apri l'indirizzo stampato da roadshow studio (con il suo ?token=…).\n");
    expect((await raw(studio.port, "GET", "/?lang=it", { host: "evil.example:80" })).text).toMatch(/^403 accesso negato: l'host "evil\.example:80" non è questo studio\./);
  });

  test("the token in the URL serves the page and sets an HttpOnly, SameSite=Strict cookie the later requests use", async () => {
    const first = await raw(studio.port, "GET", `/?token=${studio.token}`, { host: host() });
    expect(first.status).toBe(200);
    expect(first.text).toContain('<script type="module" src="/app.js">');
    const cookie = String(first.headers["set-cookie"]);
    expect(cookie).toContain(`roadshow_studio_${studio.port}=${studio.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(String(first.headers["content-security-policy"])).toContain("default-src 'none'");
    const later = await raw(studio.port, "GET", "/api/session", { host: host(), cookie: cookie.split(";")[0]! });
    expect(later.status).toBe(200);
    expect(JSON.parse(later.text).dataDir).toBe(studio.dataDir);
    const header = await raw(studio.port, "GET", "/app.js", { host: host(), "x-roadshow-token": studio.token });
    expect(header.status).toBe(200);
  });

  test("refuses another Host (DNS rebinding) and another Origin (cross-site), even with the token", async () => {
    const token = { "x-roadshow-token": studio.token };
    const cases: Record<string, string>[] = [
      { host: `evil.example:${studio.port}` },
      { host: "127.0.0.1:1" },
      { host: host(), origin: "http://evil.example" },
      { host: host(), origin: `http://127.0.0.1:${studio.port + 1}` },
      { host: host(), "sec-fetch-site": "cross-site" },
      { host: host(), "sec-fetch-site": "same-site" },
    ];
    for (const headers of cases) {
      expect((await raw(studio.port, "GET", "/api/session", { ...headers, ...token })).status, JSON.stringify(headers)).toBe(403);
    }
    const post = await raw(studio.port, "POST", "/api/check", { host: host(), origin: "http://evil.example", "content-type": "application/json", ...token },
      JSON.stringify({ stop: "BS-2026-02", options, lang: "en", meetings: [] }));
    expect(post.status).toBe(403);
    const same = await raw(studio.port, "POST", "/api/check", { host: `localhost:${studio.port}`, origin: `http://localhost:${studio.port}`, "content-type": "application/json", ...token },
      JSON.stringify({ stop: "BS-2026-02", options, lang: "en", meetings: [] }));
    expect(same.status).toBe(200);
  });

  test("reads no file outside the data and output folders", async () => {
    const headers = { host: host(), "x-roadshow-token": studio.token, "content-type": "application/json" };
    for (const file of ["data:../../../../etc/passwd", "out:../data/../../x.csv", "/etc/passwd", "data:/etc/passwd", "etc:passwd", "data:"]) {
      const res = await raw(studio.port, "POST", "/api/open", headers, JSON.stringify({ stop: "BS-2026-02", options, lang: "en", meetings: [], file }));
      expect(res.status, file).toBe(422);
      expect(res.text).not.toContain("root:");
    }
    const scores = await raw(studio.port, "POST", "/api/check", headers, JSON.stringify({ stop: "BS-2026-02", options: { ...options, scores: "data:../../../etc/hostname" }, lang: "en", meetings: [] }));
    expect(scores.status).toBe(422);
    expect(JSON.parse(scores.text).error).toMatch(/outside/);
    // Only the page's own three files are served: no path reaches the disk.
    for (const p of ["/../../package.json", "/dist/bin.js", "/firms.csv", "/%2e%2e/%2e%2e/package.json"]) {
      expect((await raw(studio.port, "GET", p, { host: host(), "x-roadshow-token": studio.token })).status, p).toBe(404);
    }
  });

  test("malformed requests get a clear 400, not a crash", async () => {
    const headers = { host: host(), "x-roadshow-token": studio.token, "content-type": "application/json" };
    for (const body of ["not json", "{}", JSON.stringify({ stop: "BS-2026-02", options, meetings: [{ slot: "x" }] })]) {
      const res = await raw(studio.port, "POST", "/api/check", headers, body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).error).toMatch(/JSON|malformed/);
    }
    const unknown = await raw(studio.port, "POST", "/api/check", headers, JSON.stringify({ stop: "XX-0000", options, lang: "en", meetings: [] }));
    expect(unknown.status).toBe(422);
    expect(JSON.parse(unknown.text).issues[0].code).toBe("unknown-stop");
  });

  test("a port already taken is a clear error, and nothing is left running", () => {
    const run = spawnSync(process.execPath, [BIN, "studio", studio.dataDir, "--port", String(studio.port), "--no-open"], { encoding: "utf8", timeout: 20_000, env: { ...process.env, CI: "1" } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`port ${studio.port} cannot be used`);
    const missing = spawnSync(process.execPath, [BIN, "studio", `${studio.dataDir}-nope`, "--no-open"], { encoding: "utf8", timeout: 20_000, env: { ...process.env, CI: "1" } });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("missing-folder");
  });

  test("the page's assets fetch nothing from elsewhere", () => {
    const html = readFileSync(path.join(import.meta.dirname, "../../dist/studio-web/index.html"), "utf8");
    const js = readFileSync(path.join(import.meta.dirname, "../../dist/studio-web/app.js"), "utf8");
    expect(html).not.toMatch(/https?:\/\//);
    expect(js).not.toMatch(/(src|href)=["']https?:/);
    expect(js).not.toMatch(/fetch\(["']https?:/);
  });
});
