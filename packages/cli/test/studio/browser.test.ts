// The studio in headless Chromium: data view, located CSV issues, planning with progress, bound and gap.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BIN, ROOT, startStudio, type Studio } from "./harness.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const STOP = "BS-2026-02";

let browser: Browser;
let page: Page;
let studio: Studio;
const requests: string[] = [];
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `studio-${name}.png`) });

/** The grid's meetings as `firm|delegation` → `slot|table`, read from the page. */
async function cells(): Promise<Map<string, string>> {
  const list = await page.locator("#grid td.cell .chip").evaluateAll((chips) =>
    chips.map((c) => {
      const cell = (c as unknown as { closest(s: string): { dataset: Record<string, string> } }).closest("td");
      return [(c as unknown as { dataset: Record<string, string> }).dataset.key!, `${cell.dataset.slot}|${cell.dataset.table}`] as const;
    }));
  return new Map(list);
}

/** The first meeting on the grid (not locked) with a cell free for both its participants, and that cell. */
async function meetingWithFreeCell(skip: ReadonlySet<string>): Promise<{ key: string; cell: string }> {
  for (const key of (await cells()).keys()) {
    if (skip.has(key)) continue;
    await page.locator(`.chip[data-key="${key}"]`).click();
    const free = page.locator("#grid td.cell.free");
    if ((await free.count()) > 0) {
      const first = free.first();
      return { key, cell: `${await first.getAttribute("data-slot")}|${await first.getAttribute("data-table")}` };
    }
  }
  throw new Error("no meeting has a free cell");
}

const cell = (slotTable: string) => {
  const [slot, table] = slotTable.split("|");
  return page.locator(`#grid td.cell[data-slot="${slot}"][data-table="${table}"]`);
};

async function ruleStatus(): Promise<string> {
  await expect.poll(() => page.locator("#rule-status").textContent(), { timeout: 10_000 }).not.toContain("checking");
  return (await page.locator("#rule-status").textContent()) ?? "";
}

describe.skipIf(process.env.ROADSHOW_SKIP_BROWSER === "1")("roadshow studio in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run scripts/ensure-chromium.sh (or set ROADSHOW_SKIP_BROWSER=1 to skip)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    studio = await startStudio();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => {
      throw e;
    });
    page.on("dialog", (d) => {
      throw new Error(`the page opened a dialog: ${d.message()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
  });

  test("opens on the Data view; the token leaves the address bar", async () => {
    await page.goto(studio.url);
    await page.locator('table.files tr[data-file="firms.csv"]').waitFor();
    expect(page.url()).toBe(`${studio.base}/`);
    expect(await page.locator("#issues").textContent()).toContain("0 errors, 0 warnings");
    expect(await page.locator(`details[data-stop="${STOP}"] summary`).textContent()).toContain("Firms (68)");
    await shot("data");
  });

  test("a CSV changed on disk shows up located, and goes away when fixed", async () => {
    const file = path.join(studio.dataDir, "delegations.csv");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("US-CG,US,Consolato Generale degli Stati Uniti,,2,", "US-CG,US,Consolato Generale degli Stati Uniti,,two,"));
    const row = page.locator('table.issues tr[data-code="bad-number"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain("delegations.csv:2");
    expect(await row.textContent()).toContain("tables");
    expect(await page.locator(".notice").textContent()).toContain("changed on disk");
    writeFileSync(file, good);
    await row.waitFor({ state: "detached", timeout: 10_000 });
    await page.click(".notice button");
  });

  test("plans BS-2026-02 with progress, summary, bound and gap", async () => {
    await page.locator("#stop").selectOption(STOP);
    await page.click('[data-tab="plan"]');
    await page.click("#plan");
    const summary = page.locator("#summary pre");
    await summary.waitFor({ timeout: 60_000 });
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("Meetings scheduled: 150");
    expect(text).toContain("Upper bound on the score: 11,068.24");
    expect(text).toContain("Gap to the bound: 0%");
    expect(await page.locator("#progress").textContent()).toContain("score: scoring pairs");
    await shot("plan");
  });

  test("grid: drag to a free cell keeps every rule; drag onto an occupied cell names the rule and the people; undo", async () => {
    await page.click('[data-tab="grid"]');
    await page.locator("#grid").waitFor();
    expect(await ruleStatus()).toContain("Every hard rule holds");
    const before = await cells();
    expect(before.size).toBe(150);

    // A meeting dropped on another delegation's table, freed first: that meeting and the table rule are named first, nobody else.
    const [freed, freedAt] = [...before].find(([, c]) => c.startsWith("2|"))!;
    const [dropped] = [...before].find(([k, c]) => c.startsWith("2|") && k.split("|")[1] !== freed.split("|")[1])!;
    await page.locator(`.chip[data-key="${freed}"]`).dragTo(page.locator("#waiting"));
    await page.locator(`.chip[data-key="${dropped}"]`).dragTo(cell(freedAt));
    expect(await ruleStatus()).toMatch(/1 rule broken/);
    const first = page.locator("#violations > ul > li").first();
    expect(await first.getAttribute("data-code")).toBe("wrong-table");
    expect(await first.locator("a").allTextContents()).toEqual([expect.stringContaining(`${dropped.split("|")[0]} `)]);
    expect(await page.locator("#violations li.muted").count()).toBe(0);
    expect(await page.locator("#grid .chip.bad").count()).toBe(1);
    await page.click("#undo");
    await page.click("#undo");
    expect(await ruleStatus()).toContain("Every hard rule holds");
    expect(await cells()).toEqual(before);

    // The example's grid is full: a meeting dragged to the waiting list frees a cell.
    const [parked, parkedAt] = [...before][0]!;
    await page.locator(`.chip[data-key="${parked}"]`).dragTo(page.locator("#waiting"));
    await page.locator(`#waiting .chip[data-key="${parked}"]`).waitFor();
    expect((await cells()).has(parked)).toBe(false);
    expect(await ruleStatus()).toContain("Every hard rule holds");

    const { key, cell: target } = await meetingWithFreeCell(new Set([parked]));
    await page.locator(`.chip[data-key="${key}"]`).dragTo(cell(target));
    expect((await cells()).get(key)).toBe(target);
    expect(await ruleStatus()).toContain("Every hard rule holds");
    expect(parkedAt).not.toBe("");

    // Another meeting of another delegation onto an occupied cell: two meetings at one table, and a table not its own.
    const victim = [...(await cells())].find(([k, c]) => k !== key && c !== target && !k.endsWith(key.split("|")[1]!))!;
    await page.locator(`.chip[data-key="${victim[0]}"]`).dragTo(cell(target));
    expect(await ruleStatus()).toMatch(/\d+ rules? broken/);
    // The meeting dropped last is named first.
    expect(await page.locator("#violations > ul > li").first().locator("a").first().textContent()).toContain(`${victim[0].split("|")[0]} `);
    const listed = (await page.locator("#violations").textContent()) ?? "";
    expect(listed).toContain("two meetings at one table at once");
    expect(listed).toContain(key.split("|")[0]!);
    expect(listed).toContain(victim[0].split("|")[0]!);
    expect(await cell(target).locator(".chip.bad").count()).toBe(2);
    await shot("grid-violation");

    await page.click("#undo");
    expect((await cells()).get(victim[0])).toBe(victim[1]);
    expect(await ruleStatus()).toContain("Every hard rule holds");
    await page.click("#redo");
    expect(await ruleStatus()).toMatch(/\d+ rules? broken/);
  });

  test("lock two meetings, re-plan around the locks: the locks stay, every rule holds, the changes are listed", async () => {
    const now = await cells();
    const bad = new Set(await page.locator("#grid .chip.bad").evaluateAll((chips) => chips.map((c) => (c as unknown as { dataset: Record<string, string> }).dataset.key!)));
    expect(bad.size).toBeGreaterThan(1);
    const locked = [...now].filter(([k, c]) => !bad.has(k) && (c.startsWith("1|") || c.startsWith("2|"))).slice(0, 2);
    expect(locked).toHaveLength(2);
    for (const [key] of locked) {
      await page.locator(`.chip[data-key="${key}"]`).click();
      await page.click("#lock");
      await page.locator(`.chip.locked[data-key="${key}"]`).waitFor();
    }
    await page.click("#replan");
    await page.locator("#changes, .error").first().waitFor({ timeout: 60_000 });
    expect(await page.locator(".error").count(), (await page.locator(".error").allTextContents()).join()).toBe(0);
    expect(await ruleStatus()).toContain("Every hard rule holds");
    const after = await cells();
    for (const [key, at] of locked) expect(after.get(key)).toBe(at);
    expect(await page.locator("#changes").textContent()).toMatch(/meetings unchanged/);
    expect(await page.locator(".chip.locked").count()).toBe(2);
    await shot("grid");
  });

  test("people: a firm's day, its scores with their parts, and why a pair did not meet", async () => {
    await page.click('[data-tab="people"]');
    await page.fill("#people-search", "F0045");
    await page.click('[data-person="firm:F0045"]');
    const row = page.locator('#pairs tr[data-delegation="US-CG"]');
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("target #2 United States (+24)");
    expect(text).toMatch(/scheduled|not scheduled/);
    expect(await page.locator("#day tr").count()).toBeGreaterThan(5);
    await shot("people");

    // In Italian, the page's words and the CLI's texts alike.
    await page.click('[data-lang="it"]');
    await expect.poll(() => page.locator("#person h2").textContent()).toContain("alla tappa di Brescia");
    expect(await page.locator('[data-tab="grid"]').textContent()).toBe("Griglia");
    expect(await page.locator('#pairs tr[data-delegation="US-CG"]').textContent()).toContain("obiettivo n. 2 Stati Uniti (+24)");
    await page.click('[data-lang="en"]');
    await expect.poll(() => page.locator("#person h2").textContent()).toContain("at Brescia");
  });

  test("save writes the folder as the CLI does, asks before overwriting, and the saved agenda validates", async () => {
    await page.click('[data-tab="grid"]');
    const onGrid = (await cells()).size;
    await page.click('[data-tab="save"]');
    await page.click("#save");
    await page.locator("#saved").waitFor();
    expect(await page.locator("#saved").textContent()).toContain("obey every hard rule");
    const agenda = path.join(studio.outDir, STOP, "agenda.csv");
    for (const f of ["agenda.csv", "unmatched.csv", "grid.html", "agendas.html", "summary.html"]) expect(existsSync(path.join(studio.outDir, STOP, f)), f).toBe(true);
    const validate = spawnSync(process.execPath, [BIN, "validate", studio.dataDir, "--agenda", agenda], { encoding: "utf8" });
    expect(validate.stdout).toContain("obey every hard rule");
    expect(validate.status).toBe(0);
    const saved = readFileSync(agenda, "utf8");
    expect(saved.trim().split("\n").length - 1).toBe(onGrid);

    // A second save must ask first; nothing changes until the organiser confirms.
    await page.click("#save");
    await page.locator("#confirm").waitFor();
    expect(await page.locator("#confirm").textContent()).toContain("already exist");
    await page.click("#overwrite");
    await page.locator("#saved").waitFor();
    await shot("save");
  });

  test("the page fetched nothing but its own server", () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith(studio.base))).toEqual([]);
  });
});

describe("roadshow studio: an unchanged plan is saved byte for byte as `schedule` writes it", () => {
  test("agenda.csv and unmatched.csv equal the CLI's", async () => {
    const own = await startStudio();
    const cli = mkdtempSync(path.join(tmpdir(), "roadshow-cli-"));
    try {
      const headers = { "x-roadshow-token": own.token, "content-type": "application/json" };
      const options = { minMeetings: 1, allowRepeats: false, timeLimitSeconds: null, history: [], scores: null, requests: null, weights: null, changes: null, outcomes: null };
      const events = await (await fetch(`${own.base}/api/plan?stop=${STOP}&lang=en&options=${encodeURIComponent(JSON.stringify(options))}`, { headers })).text();
      const done: { desk: { meetings: Record<string, unknown>[] } } = events.split("\n\n").map((e) => e.replace(/^data: /, "")).filter((e) => e.startsWith("{")).map((e) => JSON.parse(e)).find((e) => e.type === "done");
      const meetings = done.desk.meetings.map(({ slot, table, firmId, delegationId }: Record<string, unknown>) => ({ slot, table, firmId, delegationId }));
      const res = await fetch(`${own.base}/api/save`, { method: "POST", headers, body: JSON.stringify({ stop: STOP, options, lang: "en", meetings, excel: false, force: false, previous: false, organizer: null }) });
      expect(((await res.json()) as { saved: boolean }).saved).toBe(true);
      const run = spawnSync(process.execPath, [BIN, "--lang", "en", "schedule", own.dataDir, "--stop", STOP, "--out", cli], { encoding: "utf8" });
      expect(run.status).toBe(0);
      for (const f of ["agenda.csv", "unmatched.csv", "grid.html", "summary.html"]) {
        expect(readFileSync(path.join(own.outDir, STOP, f), "utf8"), f).toBe(readFileSync(path.join(cli, f), "utf8"));
      }
    } finally {
      await own.stop();
      rmSync(cli, { recursive: true, force: true });
    }
  });
});
