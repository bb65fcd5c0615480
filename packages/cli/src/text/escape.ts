/**
 * Control characters in printed text are shown escaped (`\x1b`, `\r`, `\u202e`),
 * so a cell holding terminal escape codes or bidi overrides cannot rewrite the
 * terminal. Line feeds, CRLF line ends and tabs stay; so do the colour codes the CLI itself adds.
 */

// C0 controls except tab, line feed and CR before LF (CSV in the Excel dialect), DEL, C1 controls,
// line/paragraph separators, bidi embeddings and isolates.
const CONTROL = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The only escape sequences the CLI writes itself: SGR colour codes (chalk).
const OWN_COLOUR = /\u001b\[[0-9;]*m/g;

const escape = (ch: string): string => {
  const code = ch.charCodeAt(0);
  if (ch === "\r") return "\\r";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** `text` with every control character escaped; with `keepColour`, SGR colour codes pass. */
export function escapeControls(text: string, keepColour: boolean): string {
  if (!keepColour) return text.replace(CONTROL, escape);
  let out = "";
  let last = 0;
  for (const m of text.matchAll(OWN_COLOUR)) {
    out += text.slice(last, m.index).replace(CONTROL, escape) + m[0];
    last = m.index + m[0].length;
  }
  return out + text.slice(last).replace(CONTROL, escape);
}
