// A scripted day at the studio's desk in Chromium: check-ins, two no-shows, one absent for the afternoon, a refill accepted and one declined, a meeting declined, a follow-up; then the held agenda validates, nothing else moved, and outcomes.csv reads back into season with the same held shares.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT, runBin, startStudio, type Studio } from "./harness.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const STOP = "BS-2026-02";
type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(readFileSync(file), { columns: true, bom: true }) as Row[];
const pair = (r: { firm_id?: string; delegation_id?: string }) => `${r.firm_id}|${r.delegation_id}`;
const cell = (r: Row) => `${r.slot}|${r.table}|${r.firm_id}|${r.delegation_id}`;

let browser: Browser;
let page: Page;
let studio: Studio;
let planned: Row[];

const log = (): Row[] => {
  const file = path.join(studio.dataDir, "workspace", STOP, "log.csv");
  return existsSync(file) ? csv(file) : [];
};
const setClock = async (hhmm: string) => {
  await page.fill("#desk-clock", hhmm);
  await page.locator("#desk-clock").dispatchEvent("change");
  await expect.poll(() => page.inputValue("#desk-clock")).toBe(hhmm);
};
const entries = async (n: number) => expect.poll(() => log().length, { timeout: 10_000 }).toBe(n);

describe.skipIf(process.env.ROADSHOW_SKIP_BROWSER === "1")("a day at the desk in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run scripts/ensure-chromium.sh (or set ROADSHOW_SKIP_BROWSER=1 to skip)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    // A firm's name carrying markup: the desk shows it as text.
    studio = await startStudio((dir) => {
      const file = path.join(dir, "firms.csv");
      const text = readFileSync(file, "utf8");
      const first = text.split("\n").find((l) => l.includes(STOP))!.split(",");
      writeFileSync(file, text.replace(`${first[0]},${first[1]},`, `${first[0]},"<img src=x onerror=""window.__xss=1"">${first[1]}",`));
    });
    // The evening before: the stop planned into its workspace (version 1), as `roadshow schedule` does.
    const plan = await runBin(["--lang", "en", "schedule", studio.dataDir, "--stop", STOP, "--no-exact"]);
    expect(plan.status, plan.stderr).toBe(0);
    planned = csv(path.join(studio.dataDir, "workspace", STOP, "versions/1/agenda.csv"));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    // A tablet in landscape: the desk is used standing at the door.
    page = await browser.newPage({ viewport: { width: 1180, height: 820 }, hasTouch: true });
    page.on("pageerror", (e) => {
      throw e;
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
  });

  test("check-in, no-shows, an absence, refills confirmed and declined, a meeting declined; the saved day validates and reads back into season", async () => {
    await page.goto(studio.url);
    await page.locator("#stop").selectOption(STOP);
    await page.click('[data-tab="reception"]');
    await page.locator("#people").waitFor();
    await setClock("13:45");

    // Two firms with a meeting in slot 2 will not come; a third leaves at 15:00; a fourth declines a late meeting.
    const slot2 = planned.filter((r) => r.slot === "2");
    const x = slot2[0]!.firm_id!;
    const y = slot2.find((r) => r.firm_id !== x && r.delegation_id !== slot2[0]!.delegation_id)!.firm_id!;
    const z = planned.find((r) => Number(r.slot) >= 6 && ![x, y].includes(r.firm_id!) && planned.some((q) => q.firm_id === r.firm_id && Number(q.slot) < 4))!.firm_id!;
    const declined = planned.find((r) => Number(r.slot) >= 8 && ![x, y, z].includes(r.firm_id!))!;
    expect(await page.locator("#people").textContent()).toContain("<img src=x onerror=");
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const ids = await page.locator("#people > li").evaluateAll((li) => li.map((l) => (l as unknown as { dataset: Record<string, string> }).dataset.id!));
    expect(ids.length).toBeGreaterThan(60);
    const arriving = ids.filter((id) => id !== x && id !== y);

    // Check-ins, tapped one by one.
    for (const id of arriving) {
      await page.locator(`#people li[data-id="${id}"] button[data-act="checkin"]:not([disabled])`).tap();
      await page.locator(`#people li[data-id="${id}"].in`).waitFor();
    }
    await entries(arriving.length);
    await expect.poll(() => page.locator("#people li.in").count(), { timeout: 20_000 }).toBe(arriving.length);
    expect(log().every((e) => e.kind === "checkin" && e.value === "13:45")).toBe(true);

    // 14:26, six minutes into slot 2: the meetings of x and y are flagged; one tap each records the no-show.
    await setClock("14:26");
    for (const who of [x, y]) {
      const late = page.locator(`#late li .late-who[data-who="${who}"]`);
      await late.waitFor();
      await late.locator('button[data-act="noshow"]').tap();
      await late.waitFor({ state: "detached" });
    }
    await entries(arriving.length + 2);
    expect(log().slice(-2).map((e) => `${e.kind} ${e.participant_id} ${e.value}`)).toEqual([`noshow ${x} 2`, `noshow ${y} 2`]);

    // The refill of slot 2: the desk's proposal is the CLI's, the organiser confirms, it is in the log, the slips are there.
    await page.locator('#freed li[data-slot="2"] button[data-act="propose"]').tap();
    await page.locator('#proposal[data-applied="no"]').waitFor();
    const cli = await runBin(["refill", studio.dataDir, "--stop", STOP, "--slot", "2", "--format", "json"]);
    expect(cli.status, cli.stderr).toBe(0);
    const proposed = (JSON.parse(cli.stdout) as { meetings: { firm_id: string; delegation_id: string; slot: number; table: number }[] }).meetings;
    expect(proposed.length).toBeGreaterThan(0);
    const shown = await page.locator("#proposal li").evaluateAll((li) => li.map((l) => (l as unknown as { dataset: Record<string, string> }).dataset.key!));
    expect(shown.sort()).toEqual(proposed.map(pair).sort());
    await page.locator("#refill-confirm").tap();
    await page.locator('#proposal[data-applied="yes"]').waitFor();
    await entries(arriving.length + 2 + proposed.length);
    const refills = log().filter((e) => e.kind === "refill");
    expect(refills.map((e) => `${e.participant_id}|${e.value}`).sort()).toEqual(proposed.map((m) => `${m.firm_id}|${m.delegation_id}|${m.slot}|${m.table}`).sort());
    expect(await page.locator("#slips .slip").count()).toBe(2 * proposed.length);
    await page.screenshot({ path: path.join(ARTIFACTS, "desk-refill.png"), fullPage: true });

    // 15:05: z leaves for the afternoon (from slot 4 on); the refill then proposed for slot 5 is declined: nothing entered.
    await setClock("15:05");
    await page.locator(`#people li[data-id="${z}"] button.name`).click();
    await page.locator(`#people li[data-id="${z}"] button[data-act="gone"]`).tap();
    await entries(arriving.length + 3 + proposed.length);
    expect(log().at(-1)).toMatchObject({ kind: "leaves", participant_id: z, value: "15:00" });
    const before = log().length;
    await page.locator('#freed li[data-slot="5"] button[data-act="propose"], #freed li button[data-act="propose"]').first().tap();
    await page.locator('#proposal[data-applied="no"]').waitFor();
    if (await page.locator("#refill-decline").count() > 0) {
      await page.locator("#refill-decline").tap();
      await page.locator("#refill-declined").waitFor();
    }
    expect(log().length).toBe(before);

    // A participant declines a later meeting: a decline entry, the meeting no longer happens.
    await page.locator(`#people li[data-id="${declined.firm_id}"] button.name`).click();
    await page.locator(`#people li[data-id="${declined.firm_id}"] li[data-other="${declined.delegation_id}"] button[data-act="decline"]`).tap();
    await entries(before + 1);
    expect(log().at(-1)).toMatchObject({ kind: "decline", participant_id: declined.firm_id, value: declined.delegation_id });
    await page.locator(`#people li[data-id="${declined.firm_id}"] li.off[data-other="${declined.delegation_id}"]`).waitFor();

    // A pair met in slot 1 wants to meet again: a followup entry, outcomes.csv's follow_up.
    const again = planned.find((r) => r.slot === "1" && ![x, y, z, declined.firm_id].includes(r.firm_id!))!;
    await page.locator(`#people li[data-id="${again.firm_id}"] button.name`).click();
    await page.locator(`#people li[data-id="${again.firm_id}"] li[data-other="${again.delegation_id}"] button[data-act="followup"]`).tap();
    await entries(before + 2);
    expect(log().at(-1)).toMatchObject({ kind: "followup", participant_id: again.firm_id, value: again.delegation_id });

    // The hall view: every table with now and next, and the countdown.
    await page.locator("#hall-open").tap();
    await page.locator("#hall .table-card").first().waitFor();
    expect(await page.locator("#hall-countdown").textContent()).toMatch(/Next slot \(5, 15:20\) in 1[45]:\d\d/);
    await page.screenshot({ path: path.join(ARTIFACTS, "desk-hall.png") });
    await page.locator("#hall-exit").tap();

    // End of the day: outcomes.csv and the agenda as held.
    await page.locator("#desk-close").tap();
    await page.locator("#desk-closed").waitFor();
    const heldFile = path.join(studio.outDir, STOP, "held-agenda.csv");
    const held = csv(heldFile);

    // Independently: which planned meetings did not happen, by the script above.
    const notHeld = new Set(planned.filter((r) =>
      (r.slot === "2" && (r.firm_id === x || r.firm_id === y)) || (r.firm_id === z && Number(r.slot) >= 4) || pair(r) === pair(declined)).map(pair));
    const outcomes = csv(path.join(studio.dataDir, "outcomes.csv"));
    expect(outcomes.filter((o) => o.held === "no").map(pair).sort()).toEqual([...notHeld].sort());
    expect(outcomes.filter((o) => o.follow_up === "yes").map((o) => [pair(o), o.held])).toEqual([[pair(again), "yes"]]);

    // The saved agenda validates; nobody moved: each meeting held is the planned one in its cell, or a refill.
    const validate = await runBin(["validate", studio.dataDir, "--agenda", heldFile]);
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    const plannedCells = new Set(planned.map(cell));
    const refillCells = new Set(proposed.map((m) => `${m.slot}|${m.table}|${m.firm_id}|${m.delegation_id}`));
    expect(held.filter((r) => !plannedCells.has(cell(r))).map(cell).sort()).toEqual([...refillCells].sort());
    expect(planned.filter((r) => !held.some((h) => cell(h) === cell(r))).map(pair).sort()).toEqual([...notHeld].sort());

    // The board's report counts the day from the workspace: booked = planned + refills, not held = the desk's.
    const report = await runBin(["--lang", "en", "report", studio.dataDir, "--stop", STOP, "--out", path.join(studio.outDir, "report")]);
    expect(report.status, report.stderr).toBe(0);
    const figure = (group: string, measure: string) => csv(path.join(studio.outDir, "report", "report.csv")).find((r) => r.section === "total" && r.group === group && r.measure === measure)?.value;
    expect([figure("all", "booked"), figure("all", "not_held")]).toEqual([String(planned.length + proposed.length), String(notHeld.size)]);

    // The day as booked (planned + refills) with outcomes.csv reads back into season: held shares per firm and country match.
    const lines = readFileSync(path.join(studio.dataDir, "workspace", STOP, "versions/1/agenda.csv"), "utf8").trimEnd().split("\n");
    const heldLines = readFileSync(heldFile, "utf8").trimEnd().split("\n");
    expect(heldLines[0]).toBe(lines[0]);
    const refillLines = heldLines.slice(1).filter((_, i) => refillCells.has(cell(held[i]!)));
    const booked = path.join(studio.outDir, "booked.csv");
    writeFileSync(booked, `${[...lines, ...refillLines].join("\n")}\n`);
    const season = await runBin(["--lang", "en", "season", studio.dataDir, "--out", path.join(studio.outDir, "season"), "--frozen", booked, "--no-exact", "--no-compare"]);
    expect(season.status, season.stderr).toBe(0);
    const shares = csv(path.join(studio.outDir, "season", "season-held.csv"));
    const bookedRows = [...planned, ...held.filter((r) => refillCells.has(cell(r)))];
    const country = new Map(csv(path.join(studio.dataDir, "delegations.csv")).map((d) => [d.delegation_id!, d.country!]));
    const tally = (key: (r: Row) => string) => {
      const m = new Map<string, { meetings: number; held: number }>();
      for (const r of bookedRows) {
        const t = m.get(key(r)) ?? { meetings: 0, held: 0 };
        t.meetings++;
        if (!notHeld.has(pair(r))) t.held++;
        m.set(key(r), t);
      }
      return m;
    };
    for (const [kind, expected] of [["firm", tally((r) => r.firm_id!)], ["country", tally((r) => country.get(r.delegation_id!)!)]] as const) {
      const rows = shares.filter((s) => s.kind === kind);
      expect(rows.length).toBe(expected.size);
      for (const s of rows) {
        const e = expected.get(s.id!)!;
        expect([s.id, Number(s.meetings), Number(s.held), Number(s.held_percent)]).toEqual([s.id, e.meetings, e.held, Math.round((1000 * e.held) / e.meetings) / 10]);
      }
    }
  }, 120_000);
});
