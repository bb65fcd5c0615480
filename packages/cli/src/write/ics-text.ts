/** RFC 5545 content lines: text escaping, parameter quoting, date-time forms and folding. */

const CRLF = "\r\n";

/** A TEXT value: `\`, `;`, `,` and newlines escaped; other control characters dropped (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  // One pass: this runs for every line of every calendar.
  return text.replace(/[\\;,]|\r\n|\r|\n|[\u0000-\u0008\u000B-\u001F\u007F]/g, (c) =>
    c === "\\" || c === ";" || c === "," ? `\\${c}` : c === "\r\n" || c === "\r" || c === "\n" ? "\\n" : "",
  );
}

/** A parameter value (e.g. `TZID`, `CN`): quoted when it holds `:;,`; `"` and controls cannot appear at all. */
export function paramValue(value: string): string {
  const clean = value.replace(/["\u0000-\u001F\u007F]/g, "");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Fold a content line into lines of at most 75 octets, never splitting a UTF-8 character (§3.1). */
export function fold(line: string): string {
  // Most lines are short ASCII: nothing to fold.
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // a continuation line starts with one space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Content lines to an iCalendar stream: folded, CRLF-terminated. */
export function serialize(lines: readonly string[]): string {
  return lines.map((l) => fold(l) + CRLF).join("");
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `YYYYMMDDTHHMMSS` of the UTC fields of `ms` (shift `ms` by an offset first for a local form). */
function stamp(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/** UTC form: `20261025T012000Z`. */
export function utcDateTime(ms: number): string {
  return `${stamp(ms)}Z`;
}

/** Local (floating) form of an instant at a UTC offset in minutes: `20261025T022000`. */
export function localDateTime(ms: number, offsetMinutes: number): string {
  return stamp(ms + offsetMinutes * 60_000);
}

/** A UTC offset as `+0100` / `-0430`. */
export function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}
