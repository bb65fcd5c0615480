/** Parsers of the contact columns of firms.csv and delegations.csv: `lang`, `email`, `website`. */
import type { Contact } from "@roadshow/core";
import { orList, said } from "../text/cli-text.js";
import { TEXT_LANGS } from "../text/i18n.js";
import type { ColumnSpec } from "./columns.js";
import { fail, ok } from "./report.js";
import type { Note, Parser } from "./report.js";
import type { Row } from "./row.js";

/** Language names people type instead of a code (lower case, in Italian and English). */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  italiano: "it", italian: "it", ita: "it",
  inglese: "en", english: "en", eng: "en",
  tedesco: "de", german: "de", deutsch: "de",
  francese: "fr", french: "fr", "français": "fr",
  spagnolo: "es", spanish: "es", "español": "es",
  portoghese: "pt", portuguese: "pt",
  cinese: "zh", chinese: "zh",
  giapponese: "ja", japanese: "ja",
  arabo: "ar", arabic: "ar",
  russo: "ru", russian: "ru",
};

function icuKnows(tag: string): boolean {
  // The bare language must have locale data: `xx` is a well-formed tag that ICU does not know.
  const language = tag.split("-")[0]!;
  return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 && Intl.DisplayNames.supportedLocalesOf([language]).length > 0;
}

/**
 * A BCP 47 language tag ICU has data for, canonical (`IT` → `it`, `pt_br` → `pt-BR`).
 * Languages without texts of their own (other than `it`, `en`) are accepted with a
 * warning: country names and dates in that language, the other texts in English.
 */
export const parseLang: Parser<string> = (raw) => {
  const named = LANGUAGE_NAMES[raw.toLowerCase()];
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(named ?? raw.replaceAll("_", "-"))[0];
  } catch {
    tag = undefined;
  }
  if (tag === undefined || !icuKnows(tag)) {
    return fail("bad-lang", said("input.bad-lang", { value: raw }), said("input.bad-lang.fix", {}));
  }
  const warnings: Note[] = [];
  if (named !== undefined) {
    warnings.push({ code: "lang-alias", message: said("input.lang-alias", { value: raw, tag }), hint: said("input.lang-alias.fix", { tag }) });
  }
  const language = tag.split("-")[0]!;
  if (!(TEXT_LANGS as readonly string[]).includes(language)) {
    warnings.push({
      code: "lang-texts-in-english",
      message: said("input.lang-texts-in-english", { tag }),
      hint: said("input.lang-texts-in-english.fix", { langs: orList(TEXT_LANGS) }),
    });
  }
  return ok(tag, warnings);
};

// RFC 5322 dot-atom local part (no quoted forms), a domain of dot-separated labels with a
// top-level label of letters; Unicode letters are allowed (internationalised addresses).
const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** Why an address is not one (no @, the local part, the domain), or `null` when it is. */
function emailProblem(raw: string): "at" | "local" | "domain" | null {
  const at = raw.lastIndexOf("@");
  if (at < 0) return "at";
  const local = raw.slice(0, at);
  const domain = raw.slice(at + 1);
  if (local === "" || !LOCAL.test(local) || local.length > 64) return "local";
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^\p{L}{2,}$/u.test(labels.at(-1)!)) {
    return "domain";
  }
  return null;
}

/** One email address (`name@example.it`); `mailto:` and `Name <address>` forms are errors with the fix. */
export const parseEmail: Parser<string> = (raw) => {
  const named = /^[^<>]*<([^<>]+)>$/.exec(raw);
  const bare = named ? named[1]!.trim() : raw.replace(/^mailto:/i, "");
  if (/[\s,;]/.test(bare) && bare.split(/[\s,;]+/).filter((x) => x !== "").length > 1) {
    return fail("bad-email", said("input.bad-email.many", { value: raw }), said("input.bad-email.many.fix", {}));
  }
  const problem = emailProblem(bare);
  if (problem !== null) {
    return fail("bad-email", said("input.bad-email", { value: raw, problem }), said("input.bad-email.fix", {}));
  }
  if (bare !== raw) return fail("bad-email", said("input.bad-email.wrapped", { value: raw }), said("input.bad-email.wrapped.fix", { address: bare }));
  return ok(raw);
};

/** A web address: `https://…`, `http://…` or a bare host such as `www.example.it`. */
export const parseWebsite: Parser<string> = (raw) => {
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL | null = null;
  try {
    url = new URL(withScheme);
  } catch {
    url = null;
  }
  const otherScheme = /^[a-z][a-z0-9+.-]*:(?!\/\/)/i.test(raw) || raw.includes("@");
  if (url === null || /\s/.test(raw) || !url.hostname.includes(".") || otherScheme) {
    return fail("bad-website", said("input.bad-website", { value: raw }), said("input.bad-website.fix", {}));
  }
  return ok(raw);
};

/** The link of a website cell: the cell itself when it has a scheme, else `https://` before it. */
export function websiteUrl(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

/** The contact columns firms.csv and delegations.csv share. */
export const CONTACT_COLUMNS: readonly ColumnSpec[] = [
  { name: "lang", required: false },
  { name: "email", required: false },
  { name: "contact_name", required: false },
];

/** A row's contact cells, only those filled in; bad cells are reported on the row. */
export function readContact(row: Row): Contact {
  const lang = row.optional("lang", parseLang, "");
  const email = row.optional("email", parseEmail, "");
  const contactName = row.raw("contact_name").trim();
  return {
    ...(lang && { lang }),
    ...(email && { email }),
    ...(contactName !== "" && { contactName }),
  };
}
