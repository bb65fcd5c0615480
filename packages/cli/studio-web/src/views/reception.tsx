/**
 * Desk mode, the reception on the day: check-in A–Z, the live board per table
 * (now, next, countdown; a hall view for the big screen), meetings late past N
 * minutes with one tap for a no-show or an absence for the rest of the day, and
 * the standby refill of freed table-slots, confirmed or declined by the
 * organiser, with printable slips for the participants told. Every action is
 * the CLI's: `change` (through /api/workspace/change), `refill`, `outcomes`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { DeskBoard, DeskClosed, DeskDayMeeting, DeskParticipant, DeskRefill } from "../../../src/studio/desk-api.js";
import type { StudioLang } from "../../../src/studio/api.js";
import { ApiError, get } from "../api.js";
import type { Ctx } from "../state.js";
import { deskText, type DeskKey } from "./reception-text.js";

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answer = (await res.json()) as T & { error?: string; issues?: [] };
  if (!res.ok) throw new ApiError({ error: answer.error ?? res.statusText, issues: answer.issues ?? [] });
  return answer;
}

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
};
const hhmm = (seconds: number): string => {
  const m = Math.floor(seconds / 60);
  return `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
const mmss = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

/** Seconds since midnight now at the stop (its time zone). */
function secondsAt(timezone: string, date: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(date);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return n("hour") * 3600 + n("minute") * 60 + n("second");
}

/** The slot under way at `now` (seconds), and the next one to start. */
function slotsAt(board: DeskBoard, now: number): { current: DeskBoard["stop"]["slots"][number] | null; next: DeskBoard["stop"]["slots"][number] | null } {
  const slots = board.stop.slots;
  const current = slots.find((s) => minutes(s.start) * 60 <= now && now < minutes(s.end) * 60) ?? null;
  const next = slots.find((s) => minutes(s.start) * 60 > now) ?? null;
  return { current, next };
}

interface Proposal {
  readonly slot: number;
  readonly refill: DeskRefill;
  readonly applied: boolean;
}

export function ReceptionTab({ ctx }: { ctx: Ctx }) {
  const { lang, stopId, showError } = ctx;
  const t = useCallback((key: DeskKey | `reason.${string}`, params?: Readonly<Record<string, string | number>>) => deskText(lang as StudioLang, key, params), [lang]);
  const [board, setBoard] = useState<DeskBoard | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [offset, setOffset] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const [lateAfter, setLateAfter] = useState(5);
  const [letter, setLetter] = useState("");
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const [hall, setHall] = useState(false);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [declined, setDeclined] = useState<number | null>(null);
  const [closed, setClosed] = useState<DeskClosed | null>(null);
  const [busy, setBusy] = useState(false);

  // One read of the board at a time; a reload asked meanwhile runs once after it (taps come faster than reads).
  const reading = useRef<{ busy: boolean; again: boolean }>({ busy: false, again: false });
  const reload = useCallback(() => {
    if (stopId === "") return;
    if (reading.current.busy) {
      reading.current.again = true;
      return;
    }
    reading.current.busy = true;
    get<DeskBoard>(`/api/desk?stop=${encodeURIComponent(stopId)}&lang=${lang}`)
      .then((b) => {
        setBoard(b);
        setProblem(null);
      })
      .catch((e: unknown) => {
        setBoard(null);
        setProblem(e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        reading.current.busy = false;
        if (reading.current.again) {
          reading.current.again = false;
          reload();
        }
      });
  }, [stopId, lang]);

  useEffect(() => {
    reload();
    // Another desk (a tablet at the door) writes the same log: look again now and then.
    const poll = setInterval(reload, 15_000);
    return () => clearInterval(poll);
  }, [reload]);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!hall) return;
    const key = (e: KeyboardEvent) => e.key === "Escape" && setHall(false);
    addEventListener("keydown", key);
    return () => removeEventListener("keydown", key);
  }, [hall]);

  const real = board === null ? 0 : secondsAt(board.stop.timezone, new Date());
  const now = offset === null ? real : (real + offset + 86_400) % 86_400;
  void tick;

  const names = useMemo(() => new Map((board?.participants ?? []).map((p) => [p.id, p])), [board]);
  const nameOf = (id: string): string => {
    const p = names.get(id);
    return p === undefined ? id : p.kind === "delegation" ? `${p.name} (${p.country})` : p.name;
  };

  /** One log entry through the CLI's `change`. */
  const enter = async (kind: string, participant: string, value?: string): Promise<void> => {
    setBusy(true);
    try {
      await postJson<{ output: string }>(`/api/workspace/change?lang=${lang}`, { stop: stopId, kind, participant, ...(value === undefined ? {} : { value }) });
      // A check-in shows at once; the board read after it confirms it.
      if (kind === "checkin" && value !== undefined) {
        setBoard((b) => b && { ...b, participants: b.participants.map((p) => (p.id === participant ? { ...p, checkedIn: value, noShows: [] } : p)) });
      }
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const propose = async (slot: number, apply: boolean): Promise<void> => {
    setBusy(true);
    try {
      const refill = await postJson<DeskRefill>(`/api/desk/refill?lang=${lang}`, { stop: stopId, slot, apply });
      setProposal({ slot, refill, applied: apply });
      setDeclined(null);
      if (apply) reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const close = async (): Promise<void> => {
    setBusy(true);
    try {
      setClosed(await postJson<DeskClosed>(`/api/desk/close?lang=${lang}`, { stop: stopId }));
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (problem !== null) return <section id="reception"><p class="bad" id="reception-problem">{problem}</p><p>{t("noAgenda")}</p></section>;
  if (board === null) return <section id="reception"><p class="muted">{t("loading")}</p></section>;

  const { current, next } = slotsAt(board, now);
  const slotIndex = current?.index ?? (next === null ? board.stop.slots.length + 1 : next.index);
  const late = current !== null && now - minutes(current.start) * 60 >= lateAfter * 60
    ? board.meetings.filter((m) => m.slot === current.index && m.happens && (names.get(m.firmId)?.checkedIn == null || names.get(m.delegationId)?.checkedIn == null))
    : [];
  const tables = [...new Map(board.meetings.map((m) => [m.table, m.delegationId])).entries()].sort((a, b) => a[0] - b[0]);
  const at = (table: number, slot: number | undefined): DeskDayMeeting | undefined =>
    slot === undefined ? undefined : board.meetings.find((m) => m.table === table && m.slot === slot && m.happens) ?? board.meetings.find((m) => m.table === table && m.slot === slot);
  const nextAt = (table: number): DeskDayMeeting | undefined =>
    board.meetings.filter((m) => m.table === table && m.happens && m.slot > (current?.index ?? slotIndex - 1)).sort((a, b) => a.slot - b.slot)[0];
  const freed = board.meetings.filter((m) => !m.happens && m.slot >= slotIndex && m.reason !== null);
  const freedSlots = [...new Set(freed.map((m) => m.slot))].sort((a, b) => a - b);
  const slotTime = (n: number): string => {
    const s = board.stop.slots[n - 1];
    return s === undefined ? String(n) : `${s.start}–${s.end}`;
  };
  const countdown = next === null ? t("dayOver") : t("nextIn", { time: mmss(minutes(next.start) * 60 - now), slot: next.index, start: next.start });

  const shown = board.participants.filter((p) =>
    (letter === "" || p.name.toUpperCase().startsWith(letter)) && (search === "" || `${p.name} ${p.id}`.toLowerCase().includes(search.toLowerCase())));
  const letters = [...new Set(board.participants.map((p) => p.name.charAt(0).toUpperCase()))].sort();

  const status = (p: DeskParticipant) => {
    const gone = !p.present.some((x, i) => x && i + 1 >= slotIndex);
    return (
      <span class="states">
        {p.checkedIn !== null && <span class="chip-state ok">{t("checkedIn", { at: p.checkedIn })}</span>}
        {p.noShows.map((s) => <span class="chip-state bad" key={s}>{t("noShowIn", { slot: s })}</span>)}
        {gone && <span class="chip-state warn">{t("away")}</span>}
      </span>
    );
  };

  const boardCards = (big: boolean) => (
    <div class={big ? "tables big" : "tables"} id={big ? "hall-tables" : "tables"}>
      {tables.map(([table, delegationId]) => {
        const nowM = at(table, current?.index);
        const nextM = nextAt(table);
        return (
          <div class={`table-card${nowM && !nowM.happens ? " off" : ""}`} key={table} data-table={table}>
            <div class="table-head"><strong>{t("table", { n: table })}</strong> {nameOf(delegationId)}</div>
            <div class="now" data-now={nowM ? nowM.firmId : ""}>
              <span class="muted">{t("now")}</span> {nowM ? <>{nameOf(nowM.firmId)}{!nowM.happens && <em> · {t(`reason.${nowM.reason ?? "absent"}`)}</em>}</> : "—"}
            </div>
            <div class="next" data-next={nextM ? nextM.firmId : ""}>
              <span class="muted">{t("next")}</span> {nextM ? `${board.stop.slots[nextM.slot - 1]?.start ?? ""} ${nameOf(nextM.firmId)}` : "—"}
            </div>
          </div>
        );
      })}
    </div>
  );

  if (hall) {
    return (
      <div class="hall" id="hall">
        <div class="hall-head">
          <span class="hall-stop">{board.stop.label}</span>
          <span class="hall-clock" id="hall-clock">{hhmm(now)}</span>
          <span class="hall-countdown" id="hall-countdown">{countdown}</span>
          <button class="tap" onClick={() => setHall(false)} id="hall-exit">{t("exitHall")}</button>
        </div>
        {boardCards(true)}
      </div>
    );
  }

  return (
    <section id="reception" class="reception">
      <div class="desk-bar">
        <label>{t("clock")} <input type="time" id="desk-clock" value={hhmm(now)} onChange={(e) => {
          const v = (e.target as HTMLInputElement).value;
          if (v !== "") setOffset(minutes(v) * 60 - real);
        }} /></label>
        {offset !== null && <button class="tap" id="desk-clock-live" onClick={() => setOffset(null)}>{t("live")}</button>}
        <label>{t("lateAfter")} <input type="number" id="desk-late" min={1} max={60} value={lateAfter} onChange={(e) => setLateAfter(Math.max(1, Number((e.target as HTMLInputElement).value) || 5))} /></label>
        <span id="desk-countdown" class="countdown">{current !== null ? t("slotNow", { slot: current.index, time: slotTime(current.index) }) : ""} {countdown}</span>
        <button class="tap" id="hall-open" onClick={() => setHall(true)}>{t("hall")}</button>
        <span class="muted">{t("source", { file: board.source, entries: board.entries })}</span>
      </div>

      <div class="desk-grid">
        <div class="desk-col">
          <h2>{t("late")} <small>{t("lateHint", { n: lateAfter })}</small></h2>
          {late.length === 0 ? <p class="muted" id="late-none">{t("noLate")}</p> : (
            <ul class="late" id="late">
              {late.map((m) => (
                <li key={`${m.firmId}|${m.delegationId}`} data-key={`${m.firmId}|${m.delegationId}`}>
                  <div><strong>{t("table", { n: m.table })}</strong> {nameOf(m.firmId)} — {nameOf(m.delegationId)}</div>
                  {[m.firmId, m.delegationId].filter((id) => names.get(id)?.checkedIn == null).map((id) => (
                    <div class="late-who" key={id} data-who={id}>
                      <span>{nameOf(id)} {t("notIn")}</span>
                      <button class="tap danger" data-act="noshow" disabled={busy} onClick={() => void enter("noshow", id, String(m.slot))}>{t("noShow")}</button>
                      <button class="tap" data-act="gone" disabled={busy} onClick={() => {
                        const start = board.stop.slots[m.slot - 1]!.start;
                        void (m.slot === 1 ? enter("absent", id) : enter("leaves", id, start));
                      }}>{t("goneForDay")}</button>
                      <button class="tap" data-act="checkin" disabled={busy} onClick={() => void enter("checkin", id, hhmm(now))}>{t("checkIn")}</button>
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}

          <h2>{t("freed")}</h2>
          {freedSlots.length === 0 ? <p class="muted" id="freed-none">{t("noFreed")}</p> : (
            <ul class="freed" id="freed">
              {freedSlots.map((s) => (
                <li key={s} data-slot={s}>
                  <span>{t("freedIn", { slot: s, time: slotTime(s), n: freed.filter((m) => m.slot === s).length })}</span>{" "}
                  <button class="tap primary" data-act="propose" disabled={busy} onClick={() => void propose(s, false)}>{t("propose")}</button>
                </li>
              ))}
            </ul>
          )}
          {declined !== null && <p class="muted" id="refill-declined">{t("declinedRefill", { slot: declined })}</p>}
          {proposal !== null && (
            <div class="proposal" id="proposal" data-slot={proposal.slot} data-applied={proposal.applied ? "yes" : "no"}>
              <h3>{proposal.applied ? t("entered", { slot: proposal.slot, entries: proposal.refill.entries.join(", ") }) : t("proposal", { slot: proposal.slot, time: slotTime(proposal.slot) })}</h3>
              {proposal.refill.meetings.length === 0 ? <p class="muted">{t("noCandidate")}</p> : (
                <ul>
                  {proposal.refill.meetings.map((m) => (
                    <li key={`${m.firm_id}|${m.delegation_id}`} data-key={`${m.firm_id}|${m.delegation_id}`}>{t("table", { n: m.table })}: {nameOf(m.firm_id)} — {nameOf(m.delegation_id)}</li>
                  ))}
                </ul>
              )}
              {!proposal.applied && proposal.refill.meetings.length > 0 && (
                <p>
                  <button class="tap primary" id="refill-confirm" disabled={busy} onClick={() => void propose(proposal.slot, true)}>{t("confirm")}</button>{" "}
                  <button class="tap" id="refill-decline" disabled={busy} onClick={() => {
                    setDeclined(proposal.slot);
                    setProposal(null);
                  }}>{t("decline")}</button>
                </p>
              )}
              {proposal.applied && proposal.refill.meetings.length > 0 && (
                <>
                  <p><button class="tap" id="slips-print" onClick={() => print()}>{t("printSlips")}</button> <span class="muted">{t("mailHint")}</span></p>
                  <div class="slips" id="slips">
                    {proposal.refill.meetings.flatMap((m) => [[m.firm_id, m.delegation_id], [m.delegation_id, m.firm_id]].map(([who, other]) => (
                      <div class="slip" key={`${who}|${other}`} data-who={who}>
                        <div class="slip-to">{nameOf(who!)}</div>
                        <div>{board.stop.label}</div>
                        <div class="slip-what">{t("slip", { time: slotTime(m.slot), table: m.table, other: nameOf(other!) })}</div>
                      </div>
                    )))}
                  </div>
                </>
              )}
            </div>
          )}

          <h2>{t("board")}</h2>
          {boardCards(false)}

          <h2>{t("close")}</h2>
          <p class="muted">{t("closeHint")}</p>
          <button class="tap" id="desk-close" disabled={busy} onClick={() => void close()}>{t("closeButton")}</button>
          {closed !== null && <pre id="desk-closed">{closed.output}</pre>}
        </div>

        <div class="desk-col">
          <h2>{t("checkInTitle")} <small>{t("counted", { n: board.participants.filter((p) => p.checkedIn !== null).length, of: board.participants.length })}</small></h2>
          <div class="letters" role="group">
            <button class={`tap${letter === "" ? " on" : ""}`} onClick={() => setLetter("")}>{t("all")}</button>
            {letters.map((l) => <button key={l} class={`tap${l === letter ? " on" : ""}`} data-letter={l} onClick={() => setLetter(l)}>{l}</button>)}
          </div>
          <input type="search" id="desk-search" placeholder={t("search")} value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
          <ul class="people" id="people">
            {shown.map((p) => (
              <li key={p.id} data-id={p.id} class={p.checkedIn !== null ? "in" : ""}>
                <div class="person">
                  <button class="name" onClick={() => setOpen(open === p.id ? null : p.id)}>
                    <strong>{p.name}</strong> <span class="muted">{p.id}{p.kind === "delegation" ? ` · ${p.country}` : ""}</span>
                  </button>
                  {status(p)}
                  {p.checkedIn === null || p.noShows.length > 0
                    ? <button class="tap primary" data-act="checkin" disabled={busy} onClick={() => void enter("checkin", p.id, hhmm(now))}>{t("checkIn")}</button>
                    : <span class="ok big-tick" aria-label={t("checkedIn", { at: p.checkedIn })}>✓</span>}
                </div>
                {open === p.id && (
                  <ul class="their-meetings">
                    {board.meetings.filter((m) => m.firmId === p.id || m.delegationId === p.id).map((m) => {
                      const other = m.firmId === p.id ? m.delegationId : m.firmId;
                      return (
                        <li key={`${m.firmId}|${m.delegationId}`} data-other={other} class={m.happens ? "" : "off"}>
                          <span>{slotTime(m.slot)} · {t("table", { n: m.table })} · {nameOf(other)}</span>
                          {!m.happens && <em> · {t(`reason.${m.reason ?? "absent"}`)}</em>}
                          {m.confirmed && <em class="ok"> · {t("confirmed")}</em>}
                          {m.followUp && <em class="ok"> · {t("followedUp")}</em>}
                          {m.happens && !m.followUp && m.slot <= slotIndex && (
                            <button class="tap" data-act="followup" disabled={busy} onClick={() => void enter("followup", p.id, other)}>{t("followUp")}</button>
                          )}
                          {m.happens && m.slot >= slotIndex && (
                            <span class="acts">
                              {!m.confirmed && <button class="tap" data-act="confirm" disabled={busy} onClick={() => void enter("confirm", p.id, other)}>{t("confirm")}</button>}
                              <button class="tap" data-act="decline" disabled={busy} onClick={() => void enter("decline", p.id, other)}>{t("decline")}</button>
                            </span>
                          )}
                        </li>
                      );
                    })}
                    <li>
                      <button class="tap" data-act="gone" disabled={busy || slotIndex > board.stop.slots.length} onClick={() => {
                        const s = board.stop.slots[slotIndex - 1];
                        void (s === undefined || slotIndex === 1 ? enter("absent", p.id) : enter("leaves", p.id, s.start));
                      }}>{t("goneForDay")}</button>
                    </li>
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
