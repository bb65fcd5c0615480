/**
 * Passwords never printed: the SMTP password of an `--smtp` URL (even one that is not a
 * valid URL) is masked in every message that shows the URL, and whatever the program
 * prints or answers is scrubbed of the passwords it was given, as a last guard.
 */

/** Where the password of an `--smtp` value sits as typed: after the user's `:`, up to the last `@`. */
function passwordSpan(value: string): { readonly from: number; readonly to: number } | null {
  const scheme = value.indexOf("://");
  if (scheme < 0) return null;
  const start = scheme + 3;
  const at = value.lastIndexOf("@");
  const colon = value.indexOf(":", start);
  if (at < start || colon < 0 || colon > at) return null;
  return { from: colon + 1, to: at };
}

/** The user and password part of an `--smtp` value as typed (before its last `@`), or `null`. */
export function typedUserinfo(value: string): string | null {
  const scheme = value.indexOf("://");
  const at = value.lastIndexOf("@");
  return scheme < 0 || at < scheme + 3 ? null : value.slice(scheme + 3, at);
}

/**
 * The `--smtp` value with its password shown as `***`.
 * @example maskSmtpUrl("smtp://user:Pa/ssW0rd@host:587") // "smtp://user:***@host:587"
 */
export function maskSmtpUrl(value: string): string {
  const span = passwordSpan(value);
  return span === null || span.from === span.to ? value : `${value.slice(0, span.from)}***${value.slice(span.to)}`;
}

// Shorter passwords are not scrubbed from output (they would mangle ordinary text); they are still never printed by a message.
const MIN_SCRUBBED = 4;

/** The password of an `--smtp` value, as typed and percent-decoded (both may appear in a message). */
function passwordForms(value: string): string[] {
  const span = passwordSpan(value);
  if (span === null) return [];
  const typed = value.slice(span.from, span.to);
  let decoded = typed;
  try {
    decoded = decodeURIComponent(typed);
  } catch {
    // A bad %-escape: the typed form is all there is.
  }
  return [typed, decoded];
}

/** The passwords a run was given: in `--smtp` values of `argv` and in ROADSHOW_SMTP_PASSWORD. */
export function givenSecrets(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const values: string[] = [];
  argv.forEach((token, i) => {
    if (token === "--smtp" && i + 1 < argv.length) values.push(argv[i + 1]!);
    else if (token.startsWith("--smtp=")) values.push(token.slice("--smtp=".length));
  });
  return secretsOf(values, env);
}

/** The passwords in these `--smtp` values and in ROADSHOW_SMTP_PASSWORD, longest first, each once. */
export function secretsOf(smtpValues: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const all = [...smtpValues.flatMap(passwordForms), env.ROADSHOW_SMTP_PASSWORD ?? ""];
  return [...new Set(all.filter((s) => s.length >= MIN_SCRUBBED))].sort((a, b) => b.length - a.length);
}

/** `text` with every secret replaced by `***`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.replaceAll(secret, "***");
  return out;
}
