// Input bytes to text: the encodings Excel and other tools write, detected, and files that are not text refused.
import iconv from "iconv-lite";
import { MAX_FILE_BYTES } from "./limits.js";
import type { Reporter } from "./report.js";
import { said } from "../text/cli-text.js";

/** File signatures of formats people export by mistake instead of CSV; `what` is a choice of `input.not-csv`. */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "zip" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "xls" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "pdf" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "rtf" },
];

const HTML_START = /^\s*<(!doctype\s+html|html|head|body|table|\?xml|!--)/i;
// Control characters other than tab, LF and CR: a text file has (almost) none.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", skip: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: "utf-16le", skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: "utf-16be", skip: 2 };
  return null;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodeUtf8OrLegacy(bytes: Uint8Array, report: Reporter): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    report.warning(
      "not-utf8",
      {},
      said("input.not-utf8", {}),
      said("input.not-utf8.fix", {}),
    );
    return iconv.decode(asBuffer(bytes), "windows-1252");
  }
}

/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else
 * Windows-1252. `null` (with an error) for empty, too large, binary or HTML files.
 */
export function decodeBytes(bytes: Uint8Array, report: Reporter): string | null {
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (n: number) => Number((n / 1024 / 1024).toFixed(1));
    report.error(
      "file-too-large",
      {},
      said("input.file-too-large.decoded", { size: mb(bytes.length), limit: mb(MAX_FILE_BYTES) }),
      said("input.file-too-large.fix", {}),
    );
    return null;
  }
  const bom = bomEncoding(bytes);
  if (bom === null) {
    const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
    if (known !== undefined || bytes.includes(0)) {
      report.error("not-csv", {}, said("input.not-csv", { what: known?.what ?? "binary" }), said("input.not-csv.fix", {}));
      return null;
    }
  }
  const body = bom === null ? bytes : bytes.subarray(bom.skip);
  let text =
    bom === null || bom.encoding === "utf-8" ? decodeUtf8OrLegacy(body, report) : iconv.decode(asBuffer(body), bom.encoding);
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "") {
    report.error("empty-file", {}, said("input.empty-file", {}), said("input.empty-file.fix", {}));
    return null;
  }
  if (HTML_START.test(text)) {
    report.error("not-csv", {}, said("input.not-csv", { what: "html" }), said("input.not-csv.html.fix", {}));
    return null;
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > text.length / 100) {
    report.error("not-csv", {}, said("input.not-csv", { what: "content" }), said("input.not-csv.fix", {}));
    return null;
  }
  return text;
}
