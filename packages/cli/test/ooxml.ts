// Workbooks written as raw SpreadsheetML, the way Excel and LibreOffice save them (shared strings, rich text, inline strings, numFmtId 14/20/21/22, cached formula results, <dimension>, styled empty cells), for the .xlsx reading tests.
import { writeFileSync } from "node:fs";
import { ZipWriter } from "../src/write/zip.js";

/**
 * A cell as a spreadsheet program stores it:
 * - a string: a shared string (`t="s"`);
 * - `{ rich }`: a shared string in formatted runs (`<r><rPr>…</rPr><t>…</t></r>`), with a phonetic run a reader must skip;
 * - `{ inline }`: an inline string (`t="inlineStr"`), as form tools and some exporters write;
 * - `{ n, fmt }`: a number with a built-in (14 date, 20 h:mm, 21 h:mm:ss, 22 date time, 4 `#,##0.00`)
 *   or custom number format (`dd/mm/yyyy;@`, `[$-410]hh.mm`, LibreOffice's `DD/MM/YYYY`, `HH:MM`);
 * - `{ formula, result }`: a formula with its cached result (a number, or text with `t="str"`);
 * - `{ bool }`, `{ error }` (`#N/A`), and `{ styled }`: an empty cell that only carries a style.
 */
export type RawCell =
  | null
  | string
  | { readonly rich: readonly string[] }
  | { readonly inline: string }
  | { readonly n: number; readonly fmt?: number | string }
  | { readonly formula: string; readonly result: number | string }
  | { readonly bool: boolean }
  | { readonly error: string }
  | { readonly styled: true };

export interface RawSheet {
  readonly name: string;
  readonly state?: "hidden" | "veryHidden";
  readonly rows: readonly (readonly RawCell[])[];
  readonly merges?: readonly string[];
  /** The range `<dimension>` claims (Excel's includes formatted empty cells); default: the rows given. */
  readonly dimension?: string;
  /** Write `t="n"` on numbers and `s="0"` on plain cells, as LibreOffice does. */
  readonly libreOffice?: boolean;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
const BUILT_IN = new Set([0, 1, 2, 3, 4, 9, 10, 14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 49]);

/** Writes the workbook `sheets` to `file` as Excel would (LibreOffice's habits where a sheet asks for them). */
export function writeRawWorkbook(file: string, sheets: readonly RawSheet[], options: { readonly date1904?: boolean } = {}): void {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (si: string) => {
    let i = stringIndex.get(si);
    if (i === undefined) {
      i = strings.length;
      strings.push(si);
      stringIndex.set(si, i);
    }
    return i;
  };
  // Styles: xf 0 is General; each number format used gets its own xf, custom ones an id from 164.
  const formats: { id: number; code?: string }[] = [{ id: 0 }];
  const custom = new Map<string, number>();
  const styleOf = (fmt: number | string | undefined): number => {
    if (fmt === undefined || fmt === 0) return 0;
    let id: number;
    if (typeof fmt === "number") {
      if (!BUILT_IN.has(fmt)) throw new Error(`numFmtId ${fmt} is not built in`);
      id = fmt;
    } else {
      id = custom.get(fmt) ?? 164 + custom.size;
      custom.set(fmt, id);
    }
    let xf = formats.findIndex((f) => f.id === id);
    if (xf < 0) xf = formats.push(typeof fmt === "string" ? { id, code: fmt } : { id }) - 1;
    return xf;
  };

  const sheetXml = (sheet: RawSheet, index: number): string => {
    let maxCol = 1;
    const rows = sheet.rows.map((row, r) => {
      const cells = row.map((cell, c) => {
        if (cell === null) return "";
        maxCol = Math.max(maxCol, c + 1);
        const ref = `${letter(c + 1)}${r + 1}`;
        const plain = sheet.libreOffice ? ' s="0"' : "";
        if (typeof cell === "string") return `<c r="${ref}"${plain} t="s"><v>${shared(`<t xml:space="preserve">${xml(cell)}</t>`)}</v></c>`;
        if ("rich" in cell) {
          const runs = cell.rich.map((run, i) => `<r>${i % 2 === 0 ? '<rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr>' : ""}<t xml:space="preserve">${xml(run)}</t></r>`);
          return `<c r="${ref}"${plain} t="s"><v>${shared(`${runs.join("")}<rPh sb="0" eb="1"><t>フリガナ</t></rPh><phoneticPr fontId="1" type="noConversion"/>`)}</v></c>`;
        }
        if ("inline" in cell) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(cell.inline)}</t></is></c>`;
        if ("n" in cell) {
          const s = styleOf(cell.fmt);
          return `<c r="${ref}"${s === 0 ? plain : ` s="${s}"`}${sheet.libreOffice ? ' t="n"' : ""}><v>${cell.n}</v></c>`;
        }
        if ("formula" in cell) {
          return typeof cell.result === "number"
            ? `<c r="${ref}"><f>${xml(cell.formula)}</f><v>${cell.result}</v></c>`
            : `<c r="${ref}" t="str"><f>${xml(cell.formula)}</f><v>${xml(cell.result)}</v></c>`;
        }
        if ("bool" in cell) return `<c r="${ref}" t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
        if ("error" in cell) return `<c r="${ref}" t="e"><f>NA()</f><v>${xml(cell.error)}</v></c>`;
        return `<c r="${ref}" s="${styleOf(14)}"/>`;
      });
      return cells.every((c) => c === "") ? "" : `<row r="${r + 1}" spans="1:${row.length}" x14ac:dyDescent="0.25">${cells.join("")}</row>`;
    });
    const dimension = sheet.dimension ?? `A1:${letter(maxCol)}${Math.max(1, sheet.rows.length)}`;
    const merges = sheet.merges ?? [];
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">',
      `<dimension ref="${dimension}"/>`,
      `<sheetViews><sheetView ${index === 0 ? 'tabSelected="1" ' : ""}workbookViewId="0"/></sheetViews>`,
      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>',
      `<sheetData>${rows.join("")}</sheetData>`,
      merges.length === 0 ? "" : `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      "</worksheet>",
    ].join("");
  };

  const sheetParts = sheets.map(sheetXml);
  const ct = "application/vnd.openxmlformats-officedocument";
  const numFmts = [...custom].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xml(code)}"/>`);
  const styles = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    numFmts.length === 0 ? "" : `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>`,
    '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>',
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    `<cellXfs count="${formats.length}">${formats.map((f) => `<xf numFmtId="${f.id}" fontId="0" fillId="0" borderId="0" xfId="0"${f.id === 0 ? "" : ' applyNumberFormat="1"'}/>`).join("")}</cellXfs>`,
    '<cellStyles count="1"><cellStyle name="Normale" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  ].join("");
  const zip = new ZipWriter();
  const add = (path: string, text: string) => zip.add({ path, data: Buffer.from(text, "utf8") });
  add(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
      sheetParts.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`).join("") +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/></Types>`,
  );
  add(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  add("docProps/app.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>');
  add(
    "docProps/core.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Ufficio eventi</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-12T09:00:00Z</dcterms:created></cp:coreProperties>',
  );
  add(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheetParts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  add(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<workbookPr${options.date1904 ? ' date1904="1"' : ""} defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("") +
      '</sheets><calcPr calcId="191029"/></workbook>',
  );
  add("xl/styles.xml", styles);
  sheetParts.forEach((part, i) => add(`xl/worksheets/sheet${i + 1}.xml`, part));
  add(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join("")}</sst>`,
  );
  writeFileSync(file, zip.bytes());
}
