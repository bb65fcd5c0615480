import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { planStop } from "@roadshow/core";
import { renderExports } from "../../src/export/index.js";
import type { ExportInput } from "../../src/export/index.js";
import { readDataDir } from "../../src/input/index.js";
import { bergamo, dstNight, twentyTables } from "./fixture.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(import.meta.dirname, "../../../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const MM = 96 / 25.4;
/** Printable area in CSS px: A4 minus the @page margins of agendas.html (12 mm) and grid.html (8 mm). */
const AREA = {
  portrait: { width: (210 - 24) * MM, height: (297 - 24) * MM },
  landscape: { width: (297 - 16) * MM, height: (210 - 16) * MM },
};

let context: BrowserContext;
let profile = "";
let pages = "";

function file(input: ExportInput, name: string, lang: "it" | "en" = "it"): string {
  return renderExports(input, { lang, excel: false }).find((f) => f.path === name)!.content;
}

/** Open a page from disk, failing on any request but the page itself (no external assets) and on any dialog. */
async function open(content: string, name: string): Promise<Page> {
  const target = path.join(pages, name);
  writeFileSync(target, content);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", (d) => {
    throw new Error(`page opened a dialog: ${d.message()}`);
  });
  await page.goto(pathToFileURL(target).href);
  expect(requests).toEqual([pathToFileURL(target).href]);
  return page;
}

/** The little of the DOM the checks use (the project type-checks without the DOM library). */
interface El {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly dataset: Readonly<Record<string, string | undefined>>;
  matches(selector: string): boolean;
  getBoundingClientRect(): { readonly right: number; readonly height: number };
}
interface Doc {
  readonly documentElement: El;
  querySelectorAll(selector: string): Iterable<El>;
}

interface Layout {
  /** Elements sticking out of the printable width, or cells whose content overflows them. */
  readonly overflow: readonly string[];
  /** Height of each participant page, keyed by `data-participant`. */
  readonly heights: Readonly<Record<string, number>>;
}

/** Lay the page out as print media at the printable width and measure it. */
async function printLayout(page: Page, width: number): Promise<Layout> {
  await page.setViewportSize({ width: Math.floor(width), height: 1000 });
  await page.emulateMedia({ media: "print" });
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: Doc }).document;
    const limit = doc.documentElement.clientWidth;
    const overflow = [...doc.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5 || (el.matches("td,th") && el.scrollWidth > el.clientWidth + 1))
      .map((el) => `${el.tagName} ${Math.round(el.getBoundingClientRect().right)}px > ${limit}px: ${el.textContent?.slice(0, 40)}`);
    const heights = Object.fromEntries(
      [...doc.querySelectorAll(".page")].map((p) => [p.dataset.participant, p.getBoundingClientRect().height]),
    );
    return { overflow, heights };
  });
}

/** Print to PDF with the page's own @page size; the number of pages and the first page's size in points. */
async function printed(page: Page): Promise<{ pages: number; mediaBox: number[] }> {
  const pdf = (await page.pdf({ format: "A4", preferCSSPageSize: true })).toString("latin1");
  const box = /\/MediaBox\s*\[\s*([\d.\s]+)\]/.exec(pdf)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  return { pages: pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0, mediaBox: box.map(Math.round) };
}

/** Every participant renders on exactly one A4 portrait page, nothing wider than the paper. */
async function expectOnePagePerParticipant(input: ExportInput, name: string, lang: "it" | "en" = "it"): Promise<Page> {
  const page = await open(file(input, "agendas.html", lang), name);
  const ids = await page.locator(".page").evaluateAll((els) => els.map((e) => (e as unknown as El).dataset.participant));
  const expected = [
    ...input.firms.filter((f) => f.stops.includes(input.schedule.stop.id)).map((f) => `firm:${f.id}`),
    ...input.delegations.filter((d) => d.stops === null || d.stops.includes(input.schedule.stop.id)).map((d) => `delegation:${d.id}`),
  ];
  expect([...ids].sort()).toEqual(expected.sort());
  const titles = await page.locator(".page h1").allTextContents();
  const names = new Map([...input.firms, ...input.delegations].map((p) => [p.id, p.name]));
  expect(titles).toEqual(ids.map((id) => names.get(id!.split(":")[1]!)));
  expect(await page.locator("script").count()).toBe(0);
  const layout = await printLayout(page, AREA.portrait.width);
  expect(layout.overflow).toEqual([]);
  const tall = Object.entries(layout.heights).filter(([, h]) => h > AREA.portrait.height);
  expect(tall, "participant pages taller than A4").toEqual([]);
  const pdf = await printed(page);
  expect(pdf.mediaBox).toEqual([0, 0, 595, 842]);
  expect(pdf.pages).toBe(ids.length);
  return page;
}

describe.skipIf(process.env.ROADSHOW_SKIP_BROWSER === "1")("printed in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: run scripts/ensure-chromium.sh (or set ROADSHOW_SKIP_BROWSER=1 to skip)`);
    }
    profile = mkdtempSync(path.join(tmpdir(), "roadshow-chromium-"));
    pages = mkdtempSync(path.join(tmpdir(), "roadshow-pages-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    for (const dir of [profile, pages]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("agendas: one A4 page per participant, names with <script> and & shown as text", async () => {
    const page = await expectOnePagePerParticipant(bergamo(), "bergamo.html");
    expect(await page.locator('[data-participant="firm:F0002"] h1').textContent()).toBe("<script>alert(1)</script>");
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.locator('[data-participant="firm:F0004"]').screenshot({ path: path.join(ARTIFACTS, "agenda-page.png") });
    await page.locator('[data-participant="delegation:US-CG"]').screenshot({ path: path.join(ARTIFACTS, "agenda-delegation.png") });
    await page.close();
  });

  test("agendas on the night clocks go back, in English", async () => {
    await (await expectOnePagePerParticipant(dstNight(), "dst.html", "en")).close();
  });

  test("agendas of the example's largest stop, as planned by the core", async () => {
    const { data, issues } = await readDataDir(path.join(ROOT, "examples/lombardia-2026"));
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const size = (id: string) =>
      data!.firms.filter((f) => f.stops.includes(id)).length + data!.delegations.filter((d) => d.stops?.includes(id) ?? true).length;
    const stop = [...data!.stops].sort((a, b) => size(b.id) - size(a.id) || (a.id < b.id ? -1 : 1))[0]!;
    const instance = { stop, delegations: data!.delegations, firms: data!.firms, requests: data!.requests, scores: data!.scores, history: [] };
    const input = { schedule: planStop(instance, { timeLimitMs: 2000 }), firms: data!.firms, delegations: data!.delegations };
    await (await expectOnePagePerParticipant(input, "example.html")).close();
    const grid = await open(file(input, "grid.html"), "example-grid.html");
    expect((await printLayout(grid, AREA.landscape.width)).overflow).toEqual([]);
    expect(await printed(grid)).toEqual({ pages: 1, mediaBox: [0, 0, 842, 595] });
    await grid.close();
  });

  test("grid: 20 tables with long names fit one landscape A4 page", async () => {
    const input = twentyTables();
    const page = await open(file(input, "grid.html"), "grid.html");
    expect(await page.locator("thead th").count()).toBe(21);
    expect(await page.locator("tbody tr").count()).toBe(input.schedule.slots.length + input.schedule.stop.breaks.length);
    expect((await printLayout(page, AREA.landscape.width)).overflow).toEqual([]);
    expect(await printed(page)).toEqual({ pages: 1, mediaBox: [0, 0, 842, 595] });
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.locator("main").screenshot({ path: path.join(ARTIFACTS, "grid.png") });
    await page.close();
  });

  test("summary: three charts drawn, nothing wider than A4 portrait", async () => {
    const page = await open(file(twentyTables(), "summary.html"), "summary.html");
    const boxes = await page.locator("svg").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(boxes).toHaveLength(3);
    expect(boxes.every((h) => h > 50)).toBe(true);
    expect((await printLayout(page, AREA.portrait.width)).overflow).toEqual([]);
    await page.close();
  });
});
