/** The People view: find a firm or a delegation; its day on the desk, its scores with their parts, and why a pair did not meet (as `roadshow explain`). */
import { useEffect, useState } from "preact/hooks";
import type { DeskMeeting, PeopleAnswer, PeopleBody } from "../../../src/studio/api.js";
import { post } from "../api.js";
import { addWaiting, pairKey } from "../desk.js";
import type { Ctx } from "../state.js";

function Day({ ctx, kind, id }: { ctx: Ctx; kind: "firm" | "delegation"; id: string }) {
  const { stop, history, t } = ctx;
  const who = kind === "firm" ? stop!.firms.find((f) => f.id === id) : stop!.delegations.find((d) => d.id === id);
  const mine = history!.present.meetings.filter((m) => (kind === "firm" ? m.firmId : m.delegationId) === id);
  return (
    <table class="list day" id="day">
      <thead><tr><th>{t("col.time")}</th><th>{kind === "firm" ? t("col.delegation") : t("col.firm")}</th><th>{t("col.table")}</th></tr></thead>
      <tbody>
        {stop!.slots.map((s) => {
          const here = mine.filter((m) => m.slot === s.index);
          const present = who?.present[s.index - 1] ?? false;
          return (
            <tr key={s.index} class={here.length > 0 ? "busy" : present ? "" : "muted"}>
              <td>{s.start}–{s.end}</td>
              <td>{here.length > 0 ? here.map((m) => (kind === "firm" ? m.delegationId : `${m.firmId} ${stop!.firms.find((f) => f.id === m.firmId)?.name ?? ""}`)).join(", ") : present ? t("people.free") : t("people.absent")}</td>
              <td>{here.map((m) => `T${m.table}`).join(", ")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function PeopleTab({ ctx }: { ctx: Ctx }) {
  const { t, stop, history, person, setPerson } = ctx;
  const [query, setQuery] = useState(person?.id ?? "");
  const [answer, setAnswer] = useState<PeopleAnswer | null>(null);
  const meetings = history?.present.meetings;
  useEffect(() => {
    if (!person || !stop || !meetings) return setAnswer(null);
    const body: PeopleBody = {
      stop: stop.id, options: ctx.options, lang: ctx.lang, kind: person.kind, id: person.id,
      meetings: meetings.map(({ slot, table, firmId, delegationId }) => ({ slot, table, firmId, delegationId })),
    };
    post("/api/people", body).then(setAnswer).catch(ctx.showError);
  }, [person, stop?.id, meetings, ctx.lang]);
  if (!stop || !history) return <p class="empty">{t("people.noDesk")}</p>;

  const q = query.trim().toLowerCase();
  const matches = q === "" ? [] : [
    ...stop.firms.filter((f) => f.id.toLowerCase().includes(q) || f.name.toLowerCase().includes(q)).map((f) => ({ kind: "firm" as const, id: f.id, name: f.name })),
    ...stop.delegations.filter((d) => d.id.toLowerCase().includes(q) || d.name.toLowerCase().includes(q)).map((d) => ({ kind: "delegation" as const, id: d.id, name: d.name })),
  ].slice(0, 12);
  const waiting = new Set(history.present.waiting.map(pairKey));
  const put = (m: DeskMeeting) => ctx.apply(addWaiting(history.present, m));

  return (
    <section class="people">
      <label class="search">{t("people.search")} <input id="people-search" type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} /></label>
      {matches.length > 0 && (
        <ul class="matches" id="matches">
          {matches.map((m) => (
            <li key={`${m.kind}:${m.id}`}><a href="#" data-person={`${m.kind}:${m.id}`} onClick={(e) => { e.preventDefault(); setPerson({ kind: m.kind, id: m.id }); setQuery(""); }}><code>{m.id}</code> {m.name}</a></li>
          ))}
        </ul>
      )}
      {answer && person && (
        <div class="person" id="person" data-person={`${answer.kind}:${answer.id}`}>
          <h2>{answer.title}</h2>
          <p>{answer.headline}</p>
          <div class="columns">
            <div><h3>{t("people.day")}</h3><Day ctx={ctx} kind={answer.kind} id={answer.id} /></div>
            <div class="grow">
              {answer.kind === "firm" ? (
                <>
                  <h3>{t("people.scores")}</h3>
                  <table class="list pairs" id="pairs">
                    <thead><tr><th>{t("col.delegation")}</th><th>{t("col.score")}</th><th>{t("col.parts")}</th><th>{t("col.status")}</th></tr></thead>
                    <tbody>
                      {answer.pairs.map((p) => (
                        <tr key={p.delegationId} data-delegation={p.delegationId} data-reason={p.reason}>
                          <td><code>{p.delegationId}</code> {p.name}<br /><small>{p.country}</small></td>
                          <td class="num">{p.score}</td>
                          <td>{p.why}</td>
                          <td>
                            {p.reasonText}
                            {p.preferredText && <><br /><small>{p.preferredText}</small></>}
                            {p.meeting === null && p.eligible && (
                              waiting.has(`${answer.id}|${p.delegationId}`) ? <><br /><em>{t("people.onWaiting")}</em></> :
                                <><br /><button class="small" onClick={() => put({ firmId: answer.id, delegationId: p.delegationId, slot: 1, table: 0, score: p.score })}>{t("people.toWaiting")}</button></>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ) : (
                <>
                  <h3>{t("people.firms")}</h3>
                  <table class="list pairs" id="pairs">
                    <thead><tr><th>{t("col.firm")}</th><th>{t("col.score")}</th><th>{t("col.parts")}</th><th>{t("col.status")}</th></tr></thead>
                    <tbody>
                      {answer.pairs.map((p) => (
                        <tr key={p.firmId} data-firm={p.firmId}>
                          <td><code>{p.firmId}</code> {p.name}</td>
                          <td class="num">{p.score}</td>
                          <td>{p.why}</td>
                          <td>
                            {p.meeting ? `${stop.slots[p.meeting.slot - 1]?.start ?? p.meeting.slot}, T${p.meeting.table}` : p.block ? t("people.blocked", { block: p.block }) : ""}
                            {" "}<a href="#" onClick={(e) => { e.preventDefault(); setPerson({ kind: "firm", id: p.firmId }); }}>{t("people.open")}</a>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
