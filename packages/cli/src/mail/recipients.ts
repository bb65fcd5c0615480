/** Who a stop's mailing goes to: the participants with an email and something to tell, each in its language. */
import { textLang, type Lang, type Language } from "../text/i18n.js";
import type { ExportContext, Participant } from "../write/exports.js";

/** A firm or a delegation as the mail addresses it. */
export interface Recipient {
  readonly kind: "firm" | "delegation";
  readonly id: string;
  /** The firm's or delegation's name. */
  readonly name: string;
  /** The person written to (`contact_name`), when known. */
  readonly contactName: string | undefined;
  readonly email: string;
  /** BCP 47 tag: the participant's `lang`, else the run's `--lang`. */
  readonly language: Language;
  /** The language of the texts: `language` when roadshow has texts in it, else English. */
  readonly textLang: Lang;
  /** The participant's file name in the outputs (`firms/<file>.eml`). */
  readonly file: string;
}

/** A participant that gets no mail, and why. */
export interface Skipped {
  readonly kind: "firm" | "delegation";
  readonly id: string;
  readonly name: string;
  /** `not-at-stop`: named by `--changes` but neither registered for the stop nor in its agenda. */
  readonly reason: "no-email" | "nothing-to-send" | "not-at-stop";
}

/**
 * `Content-Language` of a mail: the participant's tag when the texts are in its language
 * (`it`, `it-CH`), else the language the texts are actually written in (`de` → `en`, with
 * dates and country names in German).
 */
export function contentLanguage(r: Pick<Recipient, "language" | "textLang">): string {
  return r.language.split("-")[0]!.toLowerCase() === r.textLang ? r.language : r.textLang;
}

export interface RecipientOptions {
  /** Only these participants (`firm:<id>`, `delegation:<id>`); every one when absent. */
  readonly only?: ReadonlySet<string> | undefined;
  /** Participants with something to send (meetings or cancellations), by the same key. */
  readonly hasNews: (key: string) => boolean;
}

/** The recipient of a participant with an email. */
export function recipientOf(p: Participant & { readonly email: string }): Recipient {
  return {
    kind: p.kind, id: p.id, name: p.name, contactName: p.contactName ?? undefined, email: p.email,
    language: p.language, textLang: textLang(p.language), file: p.file,
  };
}

/** Splits the stop's participants into recipients and skipped ones, firms then delegations, by id. */
export function recipients(ctx: ExportContext, opts: RecipientOptions): { recipients: Recipient[]; skipped: Skipped[] } {
  const out: Recipient[] = [];
  const skipped: Skipped[] = [];
  for (const p of [...ctx.firms, ...ctx.delegations]) {
    const key = `${p.kind}:${p.id}`;
    if (opts.only && !opts.only.has(key)) continue;
    const email = p.email?.trim() ?? "";
    if (email === "") skipped.push({ kind: p.kind, id: p.id, name: p.name, reason: "no-email" });
    else if (!opts.hasNews(key)) skipped.push({ kind: p.kind, id: p.id, name: p.name, reason: "nothing-to-send" });
    else out.push(recipientOf({ ...p, email }));
  }
  const seen = new Set([...ctx.firms, ...ctx.delegations].map((p) => `${p.kind}:${p.id}`));
  for (const key of [...(opts.only ?? [])].sort()) {
    if (seen.has(key)) continue;
    const [kind, id] = key.split(/:(.*)/s) as ["firm" | "delegation", string];
    const name = (kind === "firm" ? ctx.allFirms.get(id)?.name : ctx.allDelegations.get(id)?.name) ?? id;
    skipped.push({ kind, id, name, reason: "not-at-stop" });
  }
  return { recipients: out, skipped };
}
