/** changes.html of the example's day-of re-plan, laid out and printed in headless Chromium. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(import.meta.dirname, "../../..");
const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const MM = 96 / 25.4;

describe.skipIf(process.env.ROADSHOW_SKIP_BROWSER === "1")("changes.html printed in Chromium", () => {
  let work = "";
  let context: BrowserContext;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run scripts/ensure-chromium.sh (or set ROADSHOW_SKIP_BROWSER=1 to skip)`);
    work = mkdtempSync(path.join(tmpdir(), "roadshow-changes-html-"));
    const first = path.join(work, "first");
    expect((await runCli("schedule", EXAMPLE, "--stop", "BS-2026-02", "--out", first)).code).toBe(0);
    const day = await runCli("--lang", "it", "replan", EXAMPLE, "--stop", "BS-2026-02", "--previous", path.join(first, "agenda.csv"),
      "--changes", path.join(EXAMPLE, "day-of/changes.csv"), "--out", path.join(work, "day"));
    expect(day.code).toBe(0);
    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  });
  afterAll(async () => {
    await context?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("fits A4 portrait without anything wider than the paper, fetches nothing, runs no script", async () => {
    const file = path.join(work, "day", "changes.html");
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("h1").textContent()).toBe("Modifiche · Brescia · BS-2026-02");
    const rows = readFileSync(path.join(work, "day", "changes.csv"), "utf8").trim().split("\n").length - 1;
    expect(await page.locator("tbody tr").count()).toBe(rows);
    await page.setViewportSize({ width: Math.floor((210 - 20) * MM), height: 1000 });
    await page.emulateMedia({ media: "print" });
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { clientWidth: number }; querySelectorAll(s: string): Iterable<{ tagName: string; textContent: string | null; scrollWidth: number; clientWidth: number; matches(s: string): boolean; getBoundingClientRect(): { right: number } }> } }).document;
      const limit = doc.documentElement.clientWidth;
      return [...doc.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > limit + 0.5 || (el.matches("td,th") && el.scrollWidth > el.clientWidth + 1))
        .map((el) => `${el.tagName}: ${el.textContent?.slice(0, 40)}`);
    });
    expect(overflow).toEqual([]);
    const pdf = (await page.pdf({ format: "A4", preferCSSPageSize: true })).toString("latin1");
    expect(/\/MediaBox\s*\[\s*([\d.\s]+)\]/.exec(pdf)?.[1]?.trim().split(/\s+/).map((x) => Math.round(Number(x)))).toEqual([0, 0, 595, 842]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.screenshot({ path: path.join(ARTIFACTS, "changes.png") });
  });
});
