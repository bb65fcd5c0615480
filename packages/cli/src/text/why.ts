// The `why` of meetings and the `explain` report in words: score parts as phrases, and why a pair meets or does not, in the user's language.
import { formatTime } from "@roadshow/core";
import type { FirmExplanation, Meeting, PairExplanation, Schedule, ScorePart, Slot } from "@roadshow/core";
import { countryName, formatDate, formatNumber, sectorName, t, type Lang } from "./i18n.js";

/** A sector's label inside a sentence: `Aerospazio` → `aerospazio`. */
function sectorInText(code: string, lang: Lang): string {
  const label = sectorName(code, lang);
  return label === code ? code : label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
}

const points = (x: number, lang: Lang): string => formatNumber(x, lang, 2);

/**
 * One score part as a phrase.
 * @example partText({ code: "target", points: 30, country: "US", rank: 1 }, "en") // "target #1 United States (+30)"
 */
export function partText(part: ScorePart, lang: Lang): string {
  const p = points(part.points, lang);
  const country = countryName(part.country ?? "", lang);
  const sector = sectorInText(part.sector ?? "", lang);
  switch (part.code) {
    case "stop-sector":
      return t(lang, part.primary === false ? "why.stop-sector.secondary" : "why.stop-sector.primary", { sector, points: p });
    case "delegation-sector":
      return t(lang, part.primary === false ? "why.delegation-sector.secondary" : "why.delegation-sector.primary", { sector, points: p });
    case "target":
      return t(lang, "why.target", { rank: part.rank ?? 1, country, points: p });
    case "market":
      return t(lang, "why.market", { country, points: p });
    case "must":
      return t(lang, "why.must", { country, points: p });
    case "external":
      return t(lang, "why.external", { points: p });
    case "season":
      return t(lang, "why.season", { points: p });
  }
}

/**
 * A score's parts as one line, `; `-separated.
 * @example whyText(parts, "it") // "settore: aerospazio = settore della tappa (+40); obiettivo n. 1 Stati Uniti (+30)"
 */
export function whyText(parts: readonly ScorePart[], lang: Lang): string {
  return parts.length === 0 ? t(lang, "why.none") : parts.map((p) => partText(p, lang)).join("; ");
}

/**
 * The `why` of every scheduled meeting, keyed `firmId|delegationId` (what
 * `stopFiles` takes): the score parts each meeting carries, in words.
 */
export function scheduleWhy(schedule: Schedule, lang: Lang): ReadonlyMap<string, string> {
  return new Map(schedule.meetings.map((m) => [`${m.firmId}|${m.delegationId}`, whyText(m.parts, lang)]));
}

/** Why a pair has its meeting or has none, as one sentence. */
export function reasonText(p: PairExplanation, slots: readonly Slot[], maxMeetings: number | null, lang: Lang): string {
  const slot = (n: number) => slots[n - 1];
  switch (p.reason) {
    case "scheduled": {
      const { meeting } = p;
      const s = meeting === null ? undefined : slot(meeting.slot);
      return t(lang, "explain.scheduled", { slot: meeting?.slot ?? 0, start: s ? formatTime(s.start) : "", end: s ? formatTime(s.end) : "", table: meeting?.table ?? 0 });
    }
    case "firm-full":
      return p.capReached ? t(lang, "explain.firm-full.cap", { max: maxMeetings ?? 0 }) : t(lang, "explain.firm-full.busy", { slots: p.commonSlots.length });
    case "delegation-full":
      return t(lang, "explain.delegation-full", { slots: p.commonSlots.length });
    case "lower-score":
      return t(lang, "explain.lower-score", { slots: p.commonSlots.length - p.delegationBusySlots.length });
    case "not-reached": {
      const free = p.commonSlots.find((n) => !p.firmBusySlots.includes(n) && !p.delegationBusySlots.includes(n)) ?? 0;
      const s = slot(free);
      return t(lang, "explain.not-reached", { slot: free, time: s ? formatTime(s.start) : "" });
    }
    default:
      return t(lang, `explain.${p.reason}`);
  }
}

/** The meeting preferred to a pair, as one sentence; `null` when there is none. */
export function preferredText(p: PairExplanation, firmId: string, minMeetings: number, lang: Lang): string | null {
  if (p.preferred === null) return null;
  const { meeting, priority } = p.preferred;
  const who = meeting.firmId === firmId
    ? t(lang, "explain.who.own", { delegation: meeting.delegationId })
    : t(lang, "explain.who.other", { firm: meeting.firmId, delegation: meeting.delegationId });
  const score = points(meeting.score, lang);
  switch (priority) {
    case "must":
      return t(lang, "explain.preferred.must", { score, who });
    case "min-meetings":
      return minMeetings === 1
        ? t(lang, "explain.preferred.min-meetings.one", { score, who })
        : t(lang, "explain.preferred.min-meetings.many", { score, who, k: minMeetings });
    case "higher-score":
      return t(lang, "explain.preferred.higher-score", { score, who, own: points(p.affinity.score, lang) });
    case "total":
      return t(lang, "explain.preferred.total", { score, who });
  }
}

/** An explanation for people: the firm, then each delegation with its score, parts and reason. */
export function explanationText(e: FirmExplanation, slots: readonly Slot[], lang: Lang): string {
  const { firm, stop } = e;
  const lines = [
    t(lang, "explain.title", { firm: firm.name, id: firm.id, city: stop.city, date: formatDate(stop.date, stop.timezone, lang), sector: sectorName(stop.sector, lang) }),
    firm.maxMeetings === null
      ? t(lang, "explain.meetings.noMax", { count: e.meetings.length, representatives: firm.representatives })
      : t(lang, "explain.meetings", { count: e.meetings.length, max: firm.maxMeetings, representatives: firm.representatives }),
  ];
  for (const p of e.pairs) {
    const d = p.delegation;
    lines.push("", t(lang, "explain.delegation", { id: d.id, name: d.name, country: countryName(d.country, lang), score: points(p.affinity.score, lang) }));
    lines.push(`  ${whyText(p.affinity.parts, lang)}`, `  ${reasonText(p, slots, firm.maxMeetings, lang)}`);
    const preferred = preferredText(p, firm.id, e.minMeetings, lang);
    if (preferred !== null) lines.push(`  ${preferred}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A meeting in the explanation's JSON: where, who and the score (its parts are the pair's, given once per delegation). */
const meetingJson = ({ slot, table, delegationId, firmId, score }: Meeting) => ({ slot, table, delegationId, firmId, score });

/** An explanation for programs: ids, codes and numbers, with the sentences alongside. */
export function explanationJson(e: FirmExplanation, slots: readonly Slot[], lang: Lang): string {
  const time = (n: number) => slots[n - 1];
  const json = {
    stop: e.stop.id,
    firm: e.firm.id,
    meetings: e.meetings.length,
    maxMeetings: e.firm.maxMeetings,
    minMeetings: e.minMeetings,
    delegations: e.pairs.map((p) => ({
      delegation: p.delegation.id,
      country: p.delegation.country,
      score: p.affinity.score,
      parts: p.affinity.parts,
      why: whyText(p.affinity.parts, lang),
      reason: p.reason,
      message: reasonText(p, slots, e.firm.maxMeetings, lang),
      meeting: p.meeting && {
        slot: p.meeting.slot,
        start: formatTime(time(p.meeting.slot)?.start ?? 0),
        end: formatTime(time(p.meeting.slot)?.end ?? 0),
        table: p.meeting.table,
      },
      commonSlots: p.commonSlots,
      firmBusySlots: p.firmBusySlots,
      delegationBusySlots: p.delegationBusySlots,
      capReached: p.capReached,
      preferred: p.preferred && { ...meetingJson(p.preferred.meeting), priority: p.preferred.priority, message: preferredText(p, e.firm.id, e.minMeetings, lang) },
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
