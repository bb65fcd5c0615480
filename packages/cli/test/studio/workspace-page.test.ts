// The studio's Workspace tab in headless Chromium: plan, send, a change entered on the page, re-plan and send again; the page lists to notify exactly whom its Send mails, and what the CLI's status names.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { smtpSink } from "../../../../test/mail-fixture.js";
import { readLog } from "../../src/workspace/log.js";
import { stopPaths } from "../../src/workspace/store.js";
import { runCli } from "../run-cli.js";
import { startStudio, type Studio } from "./harness.js";

const CHROMIUM = "/usr/bin/chromium";
const STOP = "BS-2026-02";

let browser: Browser;
let page: Page;
let studio: Studio;
let sink: Awaited<ReturnType<typeof smtpSink>>;

const emailOf = (id: string) => `${id.toLowerCase()}@${/^F\d/.test(id) ? "firms" : "delegations"}.example`;
const cliNotTold = async () => (JSON.parse((await runCli("status", studio.dataDir, "--stop", STOP, "--format", "json")).stdout).stops[0] as { not_told: string[] }).not_told;
const listed = () => page.locator("#ws-notify li code").allTextContents();

/** Clicks a button and waits for the page's answer (the output panel changes). */
async function act(selector: string): Promise<string> {
  const before = (await page.locator("#ws-output").count()) > 0 ? await page.locator("#ws-output").textContent() : null;
  await page.locator(selector).click();
  // The page's answer, or the error it shows instead.
  const shown = async () => ((await page.locator(".error").count()) > 0 ? `error: ${await page.locator(".error").textContent()}` : (await page.locator("#ws-output").count()) > 0 ? await page.locator("#ws-output").textContent() : null);
  await expect.poll(shown, { timeout: 120_000 }).not.toBe(before);
  expect(await shown()).not.toMatch(/^error: /);
  return (await page.locator("#ws-output").textContent()) ?? "";
}

describe.skipIf(process.env.ROADSHOW_SKIP_BROWSER === "1")("the studio's Workspace tab in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run scripts/ensure-chromium.sh (or set ROADSHOW_SKIP_BROWSER=1 to skip)`);
    sink = await smtpSink();
    studio = await startStudio((dir) => {
      for (const file of ["firms.csv", "delegations.csv"]) {
        const lines = readFileSync(path.join(dir, file), "utf8").trimEnd().split("\n");
        writeFileSync(path.join(dir, file), `${lines.map((l, i) => (i === 0 ? `${l},email` : `${l},${emailOf(l.split(",")[0]!)}`)).join("\n")}\n`);
      }
    }, undefined, ["--smtp", sink.url]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on("pageerror", (e) => {
      throw e;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
    await sink?.close();
  });

  test("plans, sends, takes a change, re-plans and sends again: to notify is always whom Send mails", async () => {
    await page.goto(studio.url);
    await expect.poll(() => page.locator("#stop option").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.locator("#stop").selectOption(STOP);
    await page.locator('nav button[data-tab="workspace"]').click();
    await expect.poll(() => page.locator("#ws-plan").isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await act("#ws-plan")).toContain("version 1 planned");
    await expect.poll(async () => (await listed()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const first = await listed();
    expect(first).toEqual(await cliNotTold());

    await page.locator("#ws-organizer").fill("Eventi <eventi@example.it>");
    await act("#ws-send");
    expect(sink.received.map((m) => m.to.join(",")).sort()).toEqual(first.map(emailOf).sort());
    await expect.poll(listed).toEqual([]);

    await page.locator("#ws-kind").selectOption("absent");
    await page.locator("#ws-participant").fill("F0006");
    await page.locator("#ws-note").fill("called at 8:10");
    expect(await act("#ws-add")).toMatch(/^Entry 1 /);
    expect(readLog(stopPaths(studio.dataDir, STOP).log).map((e) => [e.kind, e.participantId, e.note])).toEqual([["absent", "F0006", "called at 8:10"]]);
    expect(await act("#ws-plan")).toContain("version 2 re-planned from version 1");
    await expect.poll(async () => (await listed()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const second = await listed();
    expect(second).toContain("F0006");
    expect(second).toEqual(await cliNotTold());

    const before = sink.received.length;
    await act("#ws-send");
    expect(sink.received.slice(before).map((m) => m.to.join(",")).sort()).toEqual(second.map(emailOf).sort());
    await expect.poll(listed).toEqual([]);
    expect(await cliNotTold()).toEqual([]);
  }, 180_000);
});
