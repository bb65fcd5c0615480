/**
 * Tables → an .xlsx workbook's bytes (SpreadsheetML in a zip). Cells are typed
 * from their column: numbers as numbers, dates as dates, times as times; every
 * sheet has its header bold, frozen and filtered, widths fitted to its content
 * and an A4 print setup that repeats the header on each page. The same tables
 * give the same bytes.
 *
 * Written here rather than through exceljs (which reads workbooks, see
 * `read/workbook.ts`): a sheet is one pass over its rows into XML text, a row
 * at a time, with four fixed cell styles and a shared-strings table; exceljs
 * builds a cell model and a style lookup per cell, which made the XL stop's
 * workbook (12,000 meetings) cost more than twice its CSVs (bench/xlsx.md).
 * What is written is the small subset of SpreadsheetML every reader knows
 * (ECMA-376 part 1, §18); the tests read it back with openpyxl and exceljs.
 */
import type { Lang } from "../text/i18n.js";
import type { CsvCell } from "./csv.js";
import { ZipWriter, type ZipPart } from "./zip.js";

/** How a column's cells are written. `integer` and `number` cells that are not numbers (`1|2`, `—`) stay text. */
export type XlsxType = "text" | "integer" | "number" | "date" | "time";

export interface XlsxColumn {
  readonly header: string;
  readonly type: XlsxType;
}

/**
 * One sheet: its columns and rows (cells as the CSV writers make them: `2026-02-25`
 * for a date, `14:00` for a time). Rows are read once, in order, as they are written.
 * @example { name: "Agenda", columns: [{ header: "Start", type: "time" }], rows: [["14:00"]] }
 */
export interface XlsxSheet {
  readonly name: string;
  readonly columns: readonly XlsxColumn[];
  readonly rows: Iterable<readonly CsvCell[]>;
}

const DATE_FORMAT: Readonly<Record<Lang, string>> = { it: "dd/mm/yyyy", en: "yyyy-mm-dd" };
const TIME = /^(\d{1,2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Serial day 0 of the 1900 date system, as Excel counts it (its 1900 leap-year bug included). */
const EPOCH = Date.UTC(1899, 11, 30);

/** The cell styles of styles.xml, by index: every cell of a kind shares one. */
const enum Style {
  Plain = 0,
  Header = 1,
  Integer = 2,
  Time = 3,
  Date = 4,
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// XML 1.0 forbids these control characters even escaped; `_xHHHH_` is how SpreadsheetML escapes, so a literal one is escaped too.
const INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"]|_(?=x[0-9A-Fa-f]{4}_)/g;
const ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", _: "_x005F_" };

function xml(text: string): string {
  return text.replace(INVALID, "").replace(SPECIAL, (c) => ENTITY[c]!);
}

/** 1 → `A`, 27 → `AA`. */
function letter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The workbook's strings, each stored once and referred to by index (`t="s"`). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  ref(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  part(): string {
    const items = this.list.map((s) => (s.trim() === s ? `<si><t>${xml(s)}</t></si>` : `<si><t xml:space="preserve">${xml(s)}</t></si>`));
    return `${HEAD}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.list.length}">${items.join("")}</sst>`;
  }
}

const textCell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const numberCell = (ref: string, n: number, style: Style) => (style === Style.Plain ? `<c r="${ref}"><v>${n}</v></c>` : `<c r="${ref}" s="${style}"><v>${n}</v></c>`);

/** One non-empty cell's XML for its column's type. */
function cellXml(ref: string, cell: CsvCell, type: XlsxType, strings: SharedStrings): string {
  if (type === "text") return textCell(ref, strings.ref(String(cell)));
  if (type === "integer" || type === "number") {
    const n = typeof cell === "number" ? cell : NUMBER.test(cell) ? Number(cell) : null;
    if (n === null || !Number.isFinite(n)) return textCell(ref, strings.ref(String(cell)));
    return numberCell(ref, n, type === "integer" && Number.isInteger(n) ? Style.Integer : Style.Plain);
  }
  const value = String(cell);
  if (type === "time") {
    const m = TIME.exec(value);
    // A time is a fraction of a day.
    return m === null ? textCell(ref, strings.ref(value)) : numberCell(ref, (Number(m[1]) * 60 + Number(m[2])) / 1440, Style.Time);
  }
  const m = DATE.exec(value);
  return m === null ? textCell(ref, strings.ref(value)) : numberCell(ref, (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH) / 86_400_000, Style.Date);
}

/** XML text gathered into buffers of about 64 kB, so no huge string is ever built. */
class XmlBuffer {
  private readonly chunks: Buffer[] = [];
  private text = "";

  write(s: string): void {
    this.text += s;
    if (this.text.length > 65_536) this.flush();
  }

  private flush(): void {
    this.chunks.push(Buffer.from(this.text, "utf8"));
    this.text = "";
  }

  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}

/** The width a cell needs, in characters. */
function shown(cell: CsvCell, type: XlsxType): number {
  if (type === "date") return 10;
  if (type === "time") return 5;
  const text = String(cell);
  const line = text.indexOf("\n");
  return line < 0 ? text.length : line;
}

/** A sheet name as a formula refers to it: `'Firm × stop'!`. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

interface SheetPart {
  readonly xml: Uint8Array;
  /** The filtered range, `A1:O10175`. */
  readonly range: string;
}

/**
 * One worksheet's XML: the rows are written first (they decide the widths and
 * the filter range), then the head that names them.
 */
function sheetXml(sheet: XlsxSheet, index: number, strings: SharedStrings): SheetPart {
  const columns = sheet.columns;
  const refs = columns.map((_, i) => letter(i + 1));
  const widths = columns.map((c) => c.header.length + 3);
  const data = new XmlBuffer();
  data.write(`<row r="1">${columns.map((c, i) => `<c r="${refs[i]}1" t="s" s="${Style.Header}"><v>${strings.ref(c.header)}</v></c>`).join("")}</row>`);
  let r = 1;
  for (const cells of sheet.rows) {
    r++;
    let row = `<row r="${r}">`;
    for (let i = 0; i < columns.length; i++) {
      const cell = cells[i] ?? "";
      if (cell === "") continue;
      const type = columns[i]!.type;
      row += cellXml(refs[i]! + r, cell, type, strings);
      const width = shown(cell, type) + 2;
      if (width > widths[i]!) widths[i] = width;
    }
    data.write(`${row}</row>`);
  }
  const last = letter(Math.max(1, columns.length));
  const range = `A1:${last}${r}`;
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(6, w))}" customWidth="1"/>`).join("");
  const head = [
    HEAD,
    `<worksheet xmlns="${NS}" xmlns:r="${REL}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="${range}"/>`,
    `<sheetViews><sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ""}>`,
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>',
    "</sheetView></sheetViews>",
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols === "" ? "" : `<cols>${cols}</cols>`,
    "<sheetData>",
  ].join("");
  const tail = [
    "</sheetData>",
    `<autoFilter ref="${range}"/>`,
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
    `<pageSetup paperSize="9" orientation="${columns.length > 6 ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`,
    "</worksheet>",
  ].join("");
  return { xml: Buffer.concat([Buffer.from(head, "utf8"), data.bytes(), Buffer.from(tail, "utf8")]), range };
}

function stylesXml(lang: Lang): string {
  const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
  const xf = (numFmt: number, font: number) =>
    `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${numFmt === 0 ? "" : ' applyNumberFormat="1"'}${font === 0 ? "" : ' applyFont="1"'}/>`;
  return [
    HEAD,
    `<styleSheet xmlns="${NS}">`,
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="hh:mm"/><numFmt numFmtId="165" formatCode="${DATE_FORMAT[lang]}"/></numFmts>`,
    `<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>`,
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    // In the order of `Style`: plain, header (bold), integer (`0`), time, date.
    `<cellXfs count="5">${xf(0, 0)}${xf(0, 1)}${xf(1, 0)}${xf(164, 0)}${xf(165, 0)}</cellXfs>`,
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    "</styleSheet>",
  ].join("");
}

function workbookXml(sheets: readonly XlsxSheet[], ranges: readonly string[]): string {
  const names = sheets.flatMap((s, i) => [
    `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xml(quoted(s.name))}!${ranges[i]!.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}</definedName>`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xml(quoted(s.name))}!$1:$1</definedName>`,
  ]);
  return [
    HEAD,
    `<workbook xmlns="${NS}" xmlns:r="${REL}">`,
    '<bookViews><workbookView activeTab="0"/></bookViews>',
    `<sheets>${sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>`,
    `<definedNames>${names.join("")}</definedNames>`,
    "</workbook>",
  ].join("");
}

function packageParts(count: number): ZipPart[] {
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const sheets = Array.from({ length: count }, (_, i) => i + 1);
  const text = (path: string, body: string): ZipPart => ({ path, data: Buffer.from(body, "utf8") });
  return [
    text(
      "[Content_Types].xml",
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
        sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${ct}.worksheet+xml"/>`).join("") +
        `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/></Types>`,
    ),
    text("_rels/.rels", `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`),
    text(
      "xl/_rels/workbook.xml.rels",
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((n) => rel(`rId${n}`, "worksheet", `worksheets/sheet${n}.xml`)).join("") +
        rel(`rId${count + 1}`, "styles", "styles.xml") +
        rel(`rId${count + 2}`, "sharedStrings", "sharedStrings.xml") +
        "</Relationships>",
    ),
  ];
}

/**
 * Sheets → the bytes of an .xlsx workbook (sheets in the order given). Each
 * sheet is rendered and compressed in turn, so one sheet's XML at most is held
 * uncompressed; the workbook part, written last, names their filter ranges.
 */
export async function xlsxBytes(sheets: readonly XlsxSheet[], lang: Lang): Promise<Uint8Array> {
  const zip = new ZipWriter();
  const utf8 = (path: string, text: string) => zip.add({ path, data: Buffer.from(text, "utf8") });
  for (const part of packageParts(sheets.length)) zip.add(part);
  utf8("xl/styles.xml", stylesXml(lang));
  const strings = new SharedStrings();
  const ranges = sheets.map((sheet, i) => {
    const part = sheetXml(sheet, i, strings);
    zip.add({ path: `xl/worksheets/sheet${i + 1}.xml`, data: part.xml });
    return part.range;
  });
  utf8("xl/sharedStrings.xml", strings.part());
  utf8("xl/workbook.xml", workbookXml(sheets, ranges));
  return zip.bytes();
}
