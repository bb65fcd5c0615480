/** The People view: one firm's or one delegation's day, its scores with their parts, and why a pair did not meet. */
import { explainFirm, scorePairs } from "@roadshow/core";
import type { Schedule, ScheduleOptions, StopInstance } from "@roadshow/core";
import { InputError } from "../errors.js";
import { said } from "../text/cli-text.js";
import { countryName, formatDate, sectorName, t, type Lang } from "../text/i18n.js";
import { preferredText, reasonText, whyText } from "../text/why.js";
import type { DeskMeeting, PeopleAnswer } from "./api.js";
import { delegationsAt, firmsAt } from "./views.js";

type Agenda = readonly Omit<DeskMeeting, "score">[];

/** A firm's explanation (`explainFirm`, as `roadshow explain`) on the agenda as it is on the desk (its reviewed schedule). */
export function firmPeople(instance: StopInstance, schedule: Schedule, options: ScheduleOptions, firmId: string, lang: Lang): PeopleAnswer {
  const { stop } = instance;
  if (!firmsAt(instance.firms, stop).some((f) => f.id === firmId)) throw new InputError(said("studio.api.people.noFirm", { firm: firmId, stop: stop.id }));
  const e = explainFirm(instance, schedule, firmId, options);
  const { firm } = e;
  const headline = firm.maxMeetings === null
    ? t(lang, "explain.meetings.noMax", { count: e.meetings.length, representatives: firm.representatives })
    : t(lang, "explain.meetings", { count: e.meetings.length, max: firm.maxMeetings, representatives: firm.representatives });
  return {
    kind: "firm",
    id: firm.id,
    name: firm.name,
    title: t(lang, "explain.title", { firm: firm.name, id: firm.id, city: stop.city, date: formatDate(stop.date, stop.timezone, lang), sector: sectorName(stop.sector, lang) }),
    headline,
    pairs: e.pairs.map((p) => ({
      delegationId: p.delegation.id,
      name: p.delegation.name,
      country: countryName(p.delegation.country, lang),
      score: p.affinity.score,
      parts: p.affinity.parts,
      why: whyText(p.affinity.parts, lang),
      reason: p.reason,
      reasonText: reasonText(p, schedule.slots, firm.maxMeetings, lang),
      preferredText: preferredText(p, firm.id, e.minMeetings, lang),
      meeting: p.meeting && { slot: p.meeting.slot, table: p.meeting.table },
      eligible: !["avoided", "met-before", "zero-score", "not-present-together"].includes(p.reason),
    })),
  };
}

/** A delegation's firms: each firm's score, parts and block, and its meeting on the desk. */
export function delegationPeople(instance: StopInstance, agenda: Agenda, options: ScheduleOptions, delegationId: string, lang: Lang): PeopleAnswer {
  const { stop } = instance;
  const delegation = delegationsAt(instance.delegations, stop).find((d) => d.id === delegationId);
  if (delegation === undefined) throw new InputError(said("studio.api.people.noDelegation", { delegation: delegationId, stop: stop.id }));
  const mine = new Map(agenda.filter((m) => m.delegationId === delegationId).map((m) => [m.firmId, m]));
  const pairs = scorePairs(instance, options)
    .filter((p) => p.delegation.id === delegationId)
    .map((p) => {
      const m = mine.get(p.firm.id);
      return {
        firmId: p.firm.id,
        name: p.firm.name,
        score: p.affinity.score,
        why: whyText(p.affinity.parts, lang),
        block: p.block,
        meeting: m ? { slot: m.slot, table: m.table } : null,
      };
    })
    .sort((a, b) => b.score - a.score || (a.firmId < b.firmId ? -1 : 1));
  return {
    kind: "delegation",
    id: delegation.id,
    name: delegation.name,
    title: `${delegation.name} (${delegation.id}) · ${countryName(delegation.country, lang)}`,
    headline: `${t(lang, "agenda.count", { count: mine.size })} · ${t(lang, "col.table")}: ${delegation.tables}`,
    pairs,
  };
}
