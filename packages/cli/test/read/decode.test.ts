// decodeBytes: the encodings Excel writes read to the same text, and files that are not text refused.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/read/decode.js";
import type { InputIssue } from "../../src/issues.js";
import { Reporter } from "../../src/read/report.js";
import { parseDataSet } from "../../src/read/index.js";
import { csv, dataFiles, file, validRows } from "./builders.js";

function decode(bytes: Uint8Array) {
  const issues: InputIssue[] = [];
  const text = decodeBytes(bytes, new Reporter("x.csv", issues));
  return { text, codes: issues.map((i) => `${i.severity}:${i.code}`), issues };
}

const SAMPLE = "firm_id,name\nF1,Società Città Perù — «Gruppo» €\n";
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (readonly number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe("decodeBytes", () => {
  it.each([
    ["UTF-8", utf8(SAMPLE)],
    ["UTF-8 with BOM", concat([0xef, 0xbb, 0xbf], utf8(SAMPLE))],
    ["UTF-16 LE with BOM", concat([0xff, 0xfe], iconv.encode(SAMPLE, "utf-16le"))],
    ["UTF-16 BE with BOM", concat([0xfe, 0xff], iconv.encode(SAMPLE, "utf-16be"))],
  ])("%s → the same text, silently", (_, bytes) => {
    expect(decode(bytes)).toMatchObject({ text: SAMPLE, codes: [] });
  });

  it("reads Windows-1252 (not valid UTF-8) with a warning", () => {
    expect(decode(iconv.encode(SAMPLE, "win1252"))).toMatchObject({ text: SAMPLE, codes: ["warning:not-utf8"] });
  });

  it.each([
    ["an xlsx workbook", concat([0x50, 0x4b, 0x03, 0x04], utf8("[Content_Types].xml")), "spreadsheet workbook"],
    ["an old xls", concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "old Excel"],
    ["a PDF", utf8("%PDF-1.7\n..."), "PDF"],
    ["binary with NUL bytes", concat(utf8("a,b\n"), [0, 1, 2, 3]), "binary"],
    ["an HTML page", utf8("\n<!DOCTYPE html><html><body>Sign in</body></html>"), "HTML"],
    ["an HTML table", utf8("<table><tr><td>1</td></tr></table>"), "HTML"],
    ["control characters", utf8("\u0001\u0002\u0003\u0004a,b\n"), "binary"],
  ])("rejects %s as not-csv", (_, bytes, what) => {
    const { text, codes, issues } = decode(bytes);
    expect(text).toBeNull();
    expect(codes).toEqual(["error:not-csv"]);
    expect(issues[0]!.message).toContain(what);
    expect(issues[0]!).toMatchObject({ file: "x.csv", line: null, column: null });
  });

  it.each([
    ["no bytes", new Uint8Array()],
    ["only a BOM", new Uint8Array([0xef, 0xbb, 0xbf])],
    ["only blanks", utf8(" \r\n\n")],
  ])("reports %s as empty-file", (_, bytes) => {
    expect(decode(bytes)).toMatchObject({ text: null, codes: ["error:empty-file"] });
  });
});

describe("encodings through parseDataSet", () => {
  it("Windows-1252 and UTF-16 files give the same strings as UTF-8", () => {
    const rows = validRows();
    const firms = rows.firms.map((f, i) => ({ ...f, name: ["Città Alta S.p.A.", "Società Perù S.r.l.", "Éclat & Çà"][i]! }));
    const text = csv(firms, { delimiter: ";", eol: "\r\n" });
    const base = parseDataSet(dataFiles({ firms }));
    expect(base.data?.firms.map((f) => f.name)).toEqual(["Città Alta S.p.A.", "Società Perù S.r.l.", "Éclat & Çà"]);
    for (const bytes of [
      iconv.encode(text, "win1252"),
      concat([0xff, 0xfe], iconv.encode(text, "utf-16le")),
      concat([0xef, 0xbb, 0xbf], utf8(text)),
    ]) {
      const other = parseDataSet({ ...dataFiles(), firms: file("firms.csv", bytes) });
      expect(other.data).toEqual(base.data);
    }
  });
});
