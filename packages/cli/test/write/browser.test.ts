// The HTML pages rendered in headless Chromium: page breaks, text-only names, night clock changes, the largest stop.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { planStop } from "@roadshow/core";
import { gridSheets, renderExports } from "../../src/write/exports.js";
import type { ExportInput } from "../../src/write/exports.js";
import { readDataDir } from "../../src/read/index.js";
import { bergamo, dstNight, seventyFiveTables, twentyTables } from "./fixture.js";

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

interface GridLayout extends Layout {
  /** Cells where a word is wider than the cell's content box (the browser would break it mid-word). */
  readonly brokenWords: readonly string[];
  /** Width in CSS px of every table column but the time column, on every sheet. */
  readonly columnWidths: readonly number[];
}

/** The words of the cells `selector` picks that are wider than their cell's content box (the browser breaks them mid-word), measured in their own font. */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const canvas = document.createElement("canvas").getContext("2d");
    const broken = [];
    for (const cell of document.querySelectorAll(${JSON.stringify(selector)})) {
      const style = getComputedStyle(cell);
      const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      for (const el of [cell, ...cell.querySelectorAll("*")]) {
        const s = getComputedStyle(el);
        canvas.font = s.fontStyle + " " + s.fontWeight + " " + s.fontSize + " " + s.fontFamily;
        const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(" ");
        for (const word of own.split(/\\s+/).filter((w) => w)) {
          if (canvas.measureText(word).width > inner + 0.5) broken.push(word + " in " + Math.round(inner) + "px");
        }
      }
    }
    return broken;
  })()`)) as string[];
}

/** The grid laid out at the landscape printable width, with each word of each cell measured in the cell's font. */
async function gridLayout(page: Page): Promise<GridLayout> {
  const layout = await printLayout(page, AREA.landscape.width);
  const widths = (await page.evaluate(`[...document.querySelectorAll(".grid thead th:not(:first-child)")].map((th) => th.getBoundingClientRect().width)`)) as number[];
  return { ...layout, brokenWords: await brokenWords(page, ".grid td, .grid th"), columnWidths: widths };
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
    const sheets = gridSheets([...new Set(input.schedule.tables.flatMap((a) => a.tables))]).length;
    expect(await grid.locator(".sheet").count()).toBe(sheets);
    expect(await printed(grid)).toEqual({ pages: sheets, mediaBox: [0, 0, 842, 595] });
    await grid.close();
  });

  test("agendas with contacts: a delegation's page lists each firm's city, sectors, website and contact, still one A4 page", async () => {
    const { data } = await readDataDir(path.join(ROOT, "examples/lombardia-2026"));
    const firms = data!.firms.map((f, i) => ({
      ...f,
      lang: "it",
      city: ["Brescia", "Bergamo", "Sesto San Giovanni", "Cernusco sul Naviglio"][i % 4]!,
      website: `www.${f.id.toLowerCase()}-${f.name.toLowerCase().replace(/[^a-z]+/g, "")}.example.it`,
      email: `amministrazione.commerciale@${f.id.toLowerCase()}.example.it`,
      contactName: "Maria Giovanna Bianchi-Rossini",
    }));
    const delegations = data!.delegations.map((d) => ({ ...d, lang: "en", email: `trade@${d.id.toLowerCase()}.example.org`, contactName: "Jane Doe" }));
    const stop = { ...data!.stops.find((s) => s.id === "BS-2026-02")!, venue: "Museo Mille Miglia", address: "Viale della Rimembranza 3, 25121 Brescia" };
    const instance = { stop, delegations, firms, requests: data!.requests, scores: data!.scores, history: [] };
    const input = { schedule: planStop(instance, { timeLimitMs: 2000 }), firms, delegations };
    const page = await expectOnePagePerParticipant(input, "contacts.html");
    const busiest = [...input.schedule.tables].sort((a, b) => b.tables.length - a.tables.length)[0]!.delegationId;
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.locator(`[data-participant="delegation:${busiest}"]`).screenshot({ path: path.join(ARTIFACTS, "agenda-delegation-contacts.png") });
    await page.close();
  });

  test("grid: 20 tables with long names on two landscape sheets of 10, the time column on each", async () => {
    const input = twentyTables();
    const page = await open(file(input, "grid.html"), "grid.html");
    expect(await page.locator(".sheet").count()).toBe(2);
    expect(await page.locator("thead th").count()).toBe(22);
    const rowsPerSheet = input.schedule.slots.length + input.schedule.stop.breaks.length;
    expect(await page.locator("tbody tr").count()).toBe(2 * rowsPerSheet);
    const layout = await gridLayout(page);
    expect(layout.overflow).toEqual([]);
    expect(layout.brokenWords).toEqual([]);
    // A sheet taller than the paper continues on the next page, its header row repeated.
    const pdf = await printed(page);
    expect(pdf.mediaBox).toEqual([0, 0, 842, 595]);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.locator(".sheet").first().screenshot({ path: path.join(ARTIFACTS, "grid.png") });
    await page.close();
  });

  test("grid: 75 tables on 8 landscape sheets, every column wide enough that no word breaks", async () => {
    const input = seventyFiveTables();
    const page = await open(file(input, "grid.html"), "grid75.html");
    const sheets = await page.locator(".sheet").count();
    expect(sheets).toBe(8);
    // Every table exactly once, each sheet starting with the time column.
    const heads = await page.locator(".sheet thead tr").evaluateAll((rows) =>
      rows.map((r) => [...(r as unknown as Doc).querySelectorAll("th")].map((th) => th.textContent ?? "")),
    );
    expect(heads.every((h) => h[0] === "Orario")).toBe(true);
    expect(heads.flatMap((h) => h.slice(1).map((x) => Number(/^Tavolo (\d+)/.exec(x)![1])))).toEqual(Array.from({ length: 75 }, (_, i) => i + 1));
    const layout = await gridLayout(page);
    expect(layout.overflow).toEqual([]);
    expect(layout.brokenWords).toEqual([]);
    expect(Math.min(...layout.columnWidths)).toBeGreaterThan(20 * MM);
    const pdf = await printed(page);
    expect(pdf.mediaBox).toEqual([0, 0, 842, 595]);
    expect(pdf.pages).toBeGreaterThanOrEqual(8);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.locator(".sheet").nth(3).screenshot({ path: path.join(ARTIFACTS, "grid-75.png") });
    await page.close();
  });

  test("checkin: firms A–Z with their times and tables, delegations with their tables, on A4 portrait", async () => {
    const input = seventyFiveTables();
    const page = await open(file(input, "checkin.html"), "checkin.html");
    const names = await page.locator("table.firms tbody tr:not(.letter) td:nth-child(2)").allTextContents();
    expect(names).toHaveLength(300);
    const collator = new Intl.Collator("it-IT", { sensitivity: "base", numeric: true });
    expect([...names].sort(collator.compare)).toEqual(names);
    const letters = await page.locator("table.firms tr.letter").allTextContents();
    expect(letters).toEqual(["A", "B", "E", "O", "Z"]);
    const first = await page.locator("table.firms tbody tr:not(.letter)").first().textContent();
    expect(first).toMatch(/\d\d:\d\d tavolo \d+/);
    expect(await page.locator("table.delegations tbody tr").count()).toBe(50);
    expect(await page.locator("table.delegations tbody tr").first().textContent()).toMatch(/Camera di Commercio.*1, 2/);
    expect((await printLayout(page, AREA.portrait.width)).overflow).toEqual([]);
    expect((await printed(page)).mediaBox).toEqual([0, 0, 595, 842]);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.screenshot({ path: path.join(ARTIFACTS, "checkin.png") });
    await page.close();
  });

  test("no header of any page breaks a word (Ar/riv/ed), nor any cell of the check-in list, in Italian and English", async () => {
    const broken: string[] = [];
    for (const lang of ["it", "en"] as const) {
      for (const input of [bergamo(), seventyFiveTables()]) {
        for (const [name, area, cells] of [
          ["checkin.html", AREA.portrait, "table th, table td"],
          ["agendas.html", AREA.portrait, "table th"],
          ["summary.html", AREA.portrait, "table th"],
          ["grid.html", AREA.landscape, "table th"],
        ] as const) {
          const page = await open(file(input, name, lang), `words-${lang}-${name}`);
          await printLayout(page, area.width);
          broken.push(...(await brokenWords(page, cells)).map((w) => `${lang} ${name}: ${w}`));
          await page.close();
        }
      }
    }
    expect(broken).toEqual([]);
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
