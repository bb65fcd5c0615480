/** Who a stop's mailing goes to: the participants with an email and something to tell, each in its language. */
import type { Delegation, Firm } from "@roadshow/core";
import type { Lang } from "../i18n.js";
import type { ExportContext, Participant } from "../export/index.js";

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
  readonly language: string;
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
  readonly reason: "no-email" | "nothing-to-send";
}

/** The contact columns of firms.csv and delegations.csv (all optional). */
interface ContactFields {
  readonly email?: string;
  readonly lang?: string;
  readonly contactName?: string;
}

const TEXT_LANGS: readonly Lang[] = ["it", "en"];

/** The language of the texts for a BCP 47 tag: `it-CH` → `it`, `de` → `en`. */
export function textLangOf(language: string): Lang {
  const primary = language.split("-")[0]!.toLowerCase();
  return (TEXT_LANGS as readonly string[]).includes(primary) ? (primary as Lang) : "en";
}

/**
 * `Content-Language` of a mail: the participant's tag when the texts are in its language
 * (`it`, `it-CH`), else the language the texts are actually written in (`de` → `en`).
 */
export function contentLanguage(r: Pick<Recipient, "language" | "textLang">): string {
  return r.language.split("-")[0]!.toLowerCase() === r.textLang ? r.language : r.textLang;
}

export interface RecipientOptions {
  /** `--lang`: the language of participants without their own. */
  readonly lang: Lang;
  /** Only these participants (`firm:<id>`, `delegation:<id>`); every one when absent. */
  readonly only?: ReadonlySet<string> | undefined;
  /** Participants with something to send (meetings or cancellations), by the same key. */
  readonly hasNews: (key: string) => boolean;
}

/** Splits the stop's participants into recipients and skipped ones, firms then delegations, by id. */
export function recipients(ctx: ExportContext, opts: RecipientOptions): { recipients: Recipient[]; skipped: Skipped[] } {
  const out: Recipient[] = [];
  const skipped: Skipped[] = [];
  const sides = [
    ["firm", ctx.firms, ctx.allFirms],
    ["delegation", ctx.delegations, ctx.allDelegations],
  ] as const;
  for (const [kind, participants, all] of sides) {
    for (const p of participants as readonly Participant[]) {
      const key = `${kind}:${p.id}`;
      if (opts.only && !opts.only.has(key)) continue;
      const data = (all as ReadonlyMap<string, Firm | Delegation>).get(p.id) as (Firm & ContactFields) | (Delegation & ContactFields) | undefined;
      const email = data?.email?.trim() ?? "";
      if (email === "") {
        skipped.push({ kind, id: p.id, name: p.name, reason: "no-email" });
        continue;
      }
      if (!opts.hasNews(key)) {
        skipped.push({ kind, id: p.id, name: p.name, reason: "nothing-to-send" });
        continue;
      }
      const language = data?.lang?.trim() || opts.lang;
      const contact = data?.contactName?.trim();
      out.push({
        kind, id: p.id, name: p.name, contactName: contact === "" ? undefined : contact, email, language,
        textLang: textLangOf(language), file: p.file,
      });
    }
  }
  return { recipients: out, skipped };
}
