/**
 * Who may talk to the studio: the session token (query, cookie or header), and
 * Host/Origin checks that refuse cross-site requests and DNS rebinding.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Said } from "../issues.js";
import { said } from "../text/cli-text.js";

/** What the guard knows of the running server. */
export interface GuardConfig {
  readonly token: string;
  readonly port: number;
}

export type Verdict =
  | { readonly ok: true; /** The token came in the URL: the answer sets the cookie. */ readonly setCookie: boolean }
  | { readonly ok: false; readonly reason: Said };

/** A fresh session token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The cookie name carries the port: cookies are shared by every port of 127.0.0.1. */
export function cookieName(port: number): string {
  return `roadshow_studio_${port}`;
}

/** The `Set-Cookie` header that keeps the token for the page's later requests. */
export function sessionCookie(config: GuardConfig): string {
  return `${cookieName(config.port)}=${config.token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The header the page may send the token in. */
export const TOKEN_HEADER = "x-roadshow-token";

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Judges one request. Host must name this server as 127.0.0.1 or localhost
 * with its port (a rebinding attacker's name fails); Origin, when sent, must be
 * this server; `Sec-Fetch-Site` must not be cross-site or same-site; and the
 * token must come in the URL (`?token=`), the cookie or the header.
 */
export function judge(req: IncomingMessage, url: URL, config: GuardConfig): Verdict {
  const hosts = [`127.0.0.1:${config.port}`, `localhost:${config.port}`];
  const host = (req.headers.host ?? "").toLowerCase();
  if (!hosts.includes(host)) return { ok: false, reason: said("studio.guard.host", { host: req.headers.host ?? "" }) };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { ok: false, reason: said("studio.guard.origin", { origin }) };
  }
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return { ok: false, reason: said("studio.guard.site", { site }) };
  const inUrl = url.searchParams.get("token") ?? undefined;
  if (sameToken(inUrl, config.token)) return { ok: true, setCookie: true };
  const header = req.headers[TOKEN_HEADER];
  if (sameToken(typeof header === "string" ? header : undefined, config.token)) return { ok: true, setCookie: false };
  if (sameToken(cookie(req.headers.cookie, cookieName(config.port)), config.token)) return { ok: true, setCookie: false };
  return { ok: false, reason: said("studio.guard.token", {}) };
}
