/** The mail server named by `--smtp`: its URL read and checked, and a connection that hands it messages. */
import nodemailer from "nodemailer";
import { UsageError } from "../errors.js";
import { maskSmtpUrl, typedUserinfo } from "../secrets.js";
import { said } from "../text/cli-text.js";

/** Where to send and as whom; the password is never printed. */
export interface SmtpTarget {
  readonly host: string;
  readonly port: number;
  /** `smtps://`: TLS from the first byte (port 465), certificate checked; `smtp://`: STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly user: string | undefined;
  readonly password: string | undefined;
  /** `smtp://user@host:port`, for messages. */
  readonly shown: string;
}

const EXAMPLE = "smtps://eventi%40example.it:password@smtp.example.it or smtp://localhost:2525";

/**
 * `smtp://` or `smtps://` with host, optional port, user and password (percent-encoded).
 * User and password missing from the URL come from ROADSHOW_SMTP_USER and ROADSHOW_SMTP_PASSWORD.
 */
export function parseSmtpUrl(value: string, env: Readonly<Record<string, string | undefined>>): SmtpTarget {
  // Every message shows the URL with its password masked, whatever is wrong with it.
  const shownValue = maskSmtpUrl(value);
  // A `/`, `?` or `#` before the last `@` ends the server's part of a URL: the password would be cut (or shown as a path).
  const userinfo = typedUserinfo(value);
  const breaking = userinfo === null ? undefined : [...userinfo].find((c) => "/?#\\".includes(c));
  if (breaking !== undefined) {
    throw new UsageError(said("cli.smtp.breaking", { url: shownValue, char: breaking }));
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(said("cli.smtp.notUrl", { url: shownValue, example: EXAMPLE }));
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new UsageError(said("cli.smtp.protocol", { protocol: url.protocol, example: EXAMPLE }));
  }
  if (url.hostname === "") throw new UsageError(said("cli.smtp.noServer", { url: shownValue, example: EXAMPLE }));
  if ((url.pathname !== "" && url.pathname !== "/") || url.search !== "" || url.hash !== "") {
    throw new UsageError(said("cli.smtp.path", { url: shownValue, example: EXAMPLE }));
  }
  const secure = url.protocol === "smtps:";
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new UsageError(said("cli.smtp.badEscape", { url: shownValue }));
    }
  };
  const user = url.username !== "" ? decode(url.username) : env.ROADSHOW_SMTP_USER || undefined;
  const password = url.password !== "" ? decode(url.password) : env.ROADSHOW_SMTP_PASSWORD || undefined;
  const port = url.port !== "" ? Number(url.port) : secure ? 465 : 587;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const shown = `${url.protocol}//${user !== undefined ? `${encodeURIComponent(user)}@` : ""}${url.host}`;
  return { host, port, secure, user, password, shown };
}

/** Hands one message to the server; rejects with the server's error. */
export interface Outbox {
  send(envelope: { readonly from: string; readonly to: string }, bytes: Buffer): Promise<void>;
  close(): void;
}

/** How long the server may stay silent before a send fails. */
const SOCKET_TIMEOUT_MS = 60_000;

/** How long a Ctrl-C waits for the message in flight: the server's answer or the socket's time-out. */
export const SEND_GRACE_MS = SOCKET_TIMEOUT_MS + 5_000;

/** One connection, reused for every message (reconnected when the server closes it). */
export function smtpOutbox(target: SmtpTarget): Outbox {
  const transport = nodemailer.createTransport({
    host: target.host,
    port: target.port,
    secure: target.secure,
    ...(target.user !== undefined && { auth: { user: target.user, pass: target.password ?? "" } }),
    // smtp://: STARTTLS when offered, as MTAs do opportunistically (Postfix "may"): without
    // checking the certificate, which is no weaker than the plain text smtp:// allows anyway.
    // smtps:// checks it.
    ...(!target.secure && { tls: { rejectUnauthorized: false } }),
    pool: true,
    maxConnections: 1,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  return {
    async send(envelope, bytes) {
      await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw: bytes });
    },
    close() {
      transport.close();
    },
  };
}

/** What the server said, in one line, without the password. */
export function describeFailure(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const said = e.response ?? e.message ?? String(error);
  return `${e.code ? `${e.code}: ` : ""}${said}`.replace(/\s+/g, " ").trim();
}

/**
 * Whether the server refused this message alone (a permanent 5xx on its recipient or content):
 * the others can still go. Anything else (unreachable, login refused, a temporary 4xx, the
 * connection dropped) stops the run.
 */
export function refusedOnlyThis(error: unknown): boolean {
  const e = error as { code?: string; responseCode?: number };
  return (e.code === "EENVELOPE" || e.code === "EMESSAGE") && e.responseCode !== undefined && e.responseCode >= 500;
}
