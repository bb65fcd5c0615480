/**
 * The Grid view: slots × tables as on grid.html. Drag a meeting to a cell or
 * to the waiting list (or click it, then a cell); the server checks every hard
 * rule after each edit and the broken ones are listed with the people named;
 * green cells are free for both participants of the meeting picked; locks,
 * re-plan around the locks, undo and redo.
 */
import { memo } from "preact/compat";
import { useEffect, useRef, useState } from "preact/hooks";
import type { MutableRef } from "preact/hooks";
import type { SlotInfo } from "../../../src/studio/api.js";
import type { DeskMeeting, ReplanAnswer, ReplanBody, StopInfo } from "../../../src/studio/api.js";
import { post } from "../api.js";
import { freeCells, lastMoved, moveTo, orderViolations, pairKey, toggleLock, toWaiting } from "../desk.js";
import { ruleName } from "../i18n.js";
import type { Ctx } from "../state.js";

const LOCK = (
  <svg class="lock" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
    <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
  </svg>
);

/** `F0115 Stampi del Po × AE-CG, 14:00, T1`. */
export function meetingText(stop: StopInfo, m: Pick<DeskMeeting, "firmId" | "delegationId" | "slot" | "table">): string {
  const firm = stop.firms.find((f) => f.id === m.firmId);
  const delegation = stop.delegations.find((d) => d.id === m.delegationId);
  const time = stop.slots[m.slot - 1]?.start ?? `#${m.slot}`;
  return `${m.firmId} ${firm?.name ?? ""} × ${m.delegationId}${delegation ? ` (${delegation.name})` : ""}, ${time}, T${m.table}`;
}

function Chip({ ctx, m, locked, bad, selected, changed, onPick, onDrag }: {
  ctx: Ctx; m: DeskMeeting; locked: boolean; bad: boolean; selected: boolean; changed: boolean;
  onPick: (key: string) => void; onDrag: (key: string | null) => void;
}) {
  const key = pairKey(m);
  const firm = ctx.stop?.firms.find((f) => f.id === m.firmId);
  const why = ctx.checked?.review.why[key] ?? "";
  return (
    <div
      class={`chip${bad ? " bad" : ""}${locked ? " locked" : ""}${selected ? " selected" : ""}${changed ? " changed" : ""}`}
      draggable={!locked}
      data-key={key}
      title={`${firm?.name ?? m.firmId} × ${m.delegationId} (${m.score}): ${why}`}
      onDragStart={(e) => {
        e.dataTransfer?.setData("text/plain", key);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
        onDrag(key);
      }}
      onDragEnd={() => onDrag(null)}
      onClick={(e) => {
        e.stopPropagation();
        onPick(key);
      }}
    >
      <span class="who"><b>{m.firmId}</b> {firm?.name ?? ""}</span>
      <span class="meta">{locked && LOCK}{m.delegationId} · {m.score}</span>
    </div>
  );
}

/** What a row of the grid asks of the grid. */
interface Actions {
  drop: (e: DragEvent, slot: number, table: number) => void;
  click: (slot: number, table: number, empty: boolean) => void;
  pick: (key: string) => void;
  drag: (key: string | null) => void;
}

interface CellView {
  readonly table: number;
  readonly free: boolean;
  readonly absent: boolean;
  readonly chips: readonly { m: DeskMeeting; locked: boolean; bad: boolean; selected: boolean; changed: boolean }[];
}

interface RowProps {
  readonly slot: SlotInfo;
  readonly cells: readonly CellView[];
  readonly ctx: Ctx;
  readonly act: MutableRef<Actions>;
}

/** What a row shows, as text: equal signatures draw the same row. */
const signature = (p: RowProps): string =>
  `${p.ctx.lang}|${p.slot.index}|${p.cells.map((c) => `${c.table}${c.free ? "f" : ""}${c.absent ? "a" : ""}:${c.chips.map((x) => `${pairKey(x.m)}/${x.m.score}${x.locked ? "L" : ""}${x.bad ? "B" : ""}${x.selected ? "S" : ""}${x.changed ? "C" : ""}`).join(",")}`).join(";")}`;

const SlotRow = memo(function SlotRow({ slot, cells, ctx, act }: RowProps) {
  return (
    <tr>
      <th>{slot.start}<br /><small>{slot.end}</small></th>
      {cells.map((c) => (
        <td
          key={c.table}
          class={`cell${c.free ? " free" : ""}${c.absent ? " absent" : ""}${c.chips.length > 1 ? " clash" : ""}`}
          data-slot={slot.index}
          data-table={c.table}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => act.current.drop(e, slot.index, c.table)}
          onClick={(e) => {
            e.stopPropagation();
            act.current.click(slot.index, c.table, c.chips.length === 0);
          }}
        >
          {c.chips.map((x) => (
            <Chip key={pairKey(x.m)} ctx={ctx} m={x.m} locked={x.locked} bad={x.bad} selected={x.selected} changed={x.changed}
              onPick={(k) => act.current.pick(k)} onDrag={(k) => act.current.drag(k)} />
          ))}
        </td>
      ))}
    </tr>
  );
}, (a, b) => signature(a) === signature(b));

export function GridTab({ ctx }: { ctx: Ctx }) {
  const { t, stop, history, checked } = ctx;
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [allowMoves, setAllowMoves] = useState(false);
  const [replanning, setReplanning] = useState(false);
  const act = useRef<Actions>({ drop: () => {}, click: () => {}, pick: () => {}, drag: () => {} });
  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key === "z" && !e.shiftKey) ctx.undo();
      else if (e.key === "y" || (e.key === "z" && e.shiftKey)) ctx.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", keys);
    return () => window.removeEventListener("keydown", keys);
  });
  if (!stop || !history) return <p class="empty">{t("grid.empty")}</p>;

  const edit = history.present;
  const locks = new Set(edit.locks);
  const active = dragging ?? selected;
  const onGrid = edit.meetings.find((m) => pairKey(m) === active);
  const waiting = edit.waiting.find((m) => pairKey(m) === active);
  const activeMeeting = onGrid ?? waiting;
  const free = activeMeeting ? freeCells(stop, edit.meetings, activeMeeting, onGrid === undefined) : new Set<string>();
  const fresh = checked !== null && checked.checked === edit.meetings;
  const violations = checked ? orderViolations(checked.violations, checked.checked, lastMoved(history)) : [];
  const bad = new Set(fresh ? violations.flatMap((v) => v.meetings.map((i) => pairKey(checked.checked[i]!))) : []);
  const changed = new Set((ctx.changes?.changes ?? []).filter((c) => c.after !== null).map((c) => `${c.firmId}|${c.delegationId}`));
  const byCell = new Map<string, DeskMeeting[]>();
  for (const m of edit.meetings) {
    const k = `${m.slot}|${m.table}`;
    byCell.set(k, [...(byCell.get(k) ?? []), m]);
  }
  const owner = new Map(stop.tables.map((x) => [x.table, x.delegationId]));
  const tables = [...new Set([...stop.tables.map((x) => x.table), ...edit.meetings.map((m) => m.table)])].sort((a, b) => a - b);

  const move = (key: string, slot: number, table: number) => {
    if (locks.has(key)) return;
    ctx.apply(moveTo(edit, key, slot, table));
    ctx.setChanges(null);
    setSelected(key);
  };
  const drop = (e: DragEvent, slot: number, table: number) => {
    e.preventDefault();
    const key = e.dataTransfer?.getData("text/plain") || dragging;
    setDragging(null);
    if (key) move(key, slot, table);
  };
  const replan = () => {
    const lockedMeetings = edit.meetings.filter((m) => locks.has(pairKey(m)));
    const strip = ({ slot, table, firmId, delegationId }: DeskMeeting) => ({ slot, table, firmId, delegationId });
    const body: ReplanBody = { stop: stop.id, options: ctx.options, lang: ctx.lang, meetings: edit.meetings.map(strip), locked: lockedMeetings.map(strip), allowMoves };
    setReplanning(true);
    post("/api/replan", body)
      .then((answer) => {
        const placed = new Set(answer.desk.meetings.map(pairKey));
        ctx.apply({ meetings: answer.desk.meetings, waiting: edit.waiting.filter((m) => !placed.has(pairKey(m))), locks: edit.locks.filter((k) => placed.has(k)) });
        ctx.setChanges(answer);
      })
      .catch(ctx.showError)
      .finally(() => setReplanning(false));
  };

  // Rows are redrawn only when their own cells change (a stop may have hundreds of tables); the handlers they call are always the current ones.
  act.current = {
    drop,
    click: (slot: number, table: number, empty: boolean) => {
      if (selected && empty) move(selected, slot, table);
      else setSelected(null);
    },
    pick: setSelected,
    drag: setDragging,
  };

  const rows = stop.slots.flatMap((slot) => {
    const after = stop.breaks.filter((b) => b.after === slot.index - 1 && slot.index > 1);
    return [...after.map((b) => ({ kind: "break" as const, b })), { kind: "slot" as const, slot }];
  });
  const picked = edit.meetings.find((m) => pairKey(m) === selected) ?? edit.waiting.find((m) => pairKey(m) === selected);
  const pickedOnGrid = picked !== undefined && edit.meetings.includes(picked);
  const levels = checked?.review.levels;

  return (
    <section class="grid-view" onClick={() => setSelected(null)}>
      <div class="toolbar" onClick={(e) => e.stopPropagation()}>
        <button id="undo" disabled={history.past.length === 0} onClick={ctx.undo}>↶ {t("grid.undo")}</button>
        <button id="redo" disabled={history.future.length === 0} onClick={ctx.redo}>↷ {t("grid.redo")}</button>
        <span class="sep" />
        <button id="replan" class="primary" disabled={replanning} onClick={replan}>{replanning ? t("grid.replanning") : t("grid.replan")}</button>
        <label class="check"><input id="allow-moves" type="checkbox" checked={allowMoves} onChange={(e) => setAllowMoves((e.target as HTMLInputElement).checked)} /> {t("grid.allowMoves")}</label>
        <span class="sep" />
        <span id="rule-status" class={ctx.checking || !fresh ? "pending" : violations.length === 0 ? "ok" : "bad"}>
          {ctx.checking || !fresh ? t("grid.checking") : violations.length === 0 ? `✓ ${t("grid.ok")}` : `✗ ${t("grid.broken", { n: violations.length })}`}
        </span>
        {levels && <span class="levels" id="levels">{edit.meetings.length} · {checked.reviewed ? checked.review.summary[4] ?? "" : "…"}</span>}
        <span class="levels">{t("grid.locks", { n: edit.locks.length })}</span>
      </div>
      <div class="grid-body">
        <div class="grid-wrap">
          <table class="grid" id="grid">
            <thead>
              <tr>
                <th>{t("col.time")}</th>
                {tables.map((n) => <th key={n} data-table={n}>T{n}<br /><small>{owner.get(n) ?? "?"}</small></th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) =>
                r.kind === "break" ? (
                  <tr key={`b${r.b.start}`} class="break"><th>{r.b.start}–{r.b.end}</th><td colSpan={tables.length}>{t("grid.break")}</td></tr>
                ) : (
                  <SlotRow
                    key={r.slot.index}
                    slot={r.slot}
                    cells={tables.map((n) => {
                      const k = `${r.slot.index}|${n}`;
                      const delegation = stop.delegations.find((d) => d.id === owner.get(n));
                      return {
                        table: n,
                        free: free.has(k),
                        absent: delegation !== undefined && !delegation.present[r.slot.index - 1],
                        chips: (byCell.get(k) ?? []).map((m) => {
                          const key = pairKey(m);
                          return { m, locked: locks.has(key), bad: bad.has(key), selected: key === selected, changed: changed.has(key) };
                        }),
                      };
                    })}
                    ctx={ctx}
                    act={act}
                  />
                ),
              )}
            </tbody>
          </table>
          <p class="hint">{t("grid.selectHint")} {t("grid.free")}</p>
        </div>
        <aside onClick={(e) => e.stopPropagation()}>
          <div
            class={`panel waiting${dragging && onGrid ? " target" : ""}`}
            id="waiting"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const key = e.dataTransfer?.getData("text/plain") || dragging;
              setDragging(null);
              if (key && !locks.has(key)) ctx.apply(toWaiting(edit, key));
            }}
          >
            <h3>{t("grid.waiting")} ({edit.waiting.length})</h3>
            <p class="hint">{t("grid.waitingHint")}</p>
            {edit.waiting.length === 0 ? <p class="muted">{t("grid.waitingEmpty")}</p> : edit.waiting.map((m) => (
              <Chip key={pairKey(m)} ctx={ctx} m={m} locked={false} bad={false} selected={pairKey(m) === selected} changed={false} onPick={setSelected} onDrag={setDragging} />
            ))}
          </div>
          {picked && (
            <div class="panel" id="selection">
              <p><strong>{meetingText(stop, picked)}</strong></p>
              <p class="why">{picked.score} · {checked?.review.why[pairKey(picked)] ?? ""}</p>
              {pickedOnGrid && (
                <p class="actions">
                  <button id="lock" onClick={() => ctx.apply(toggleLock(edit, pairKey(picked)))}>{locks.has(pairKey(picked)) ? t("grid.unlock") : t("grid.lock")}</button>
                  {!locks.has(pairKey(picked)) && <button id="to-waiting" onClick={() => { ctx.apply(toWaiting(edit, pairKey(picked))); setSelected(null); }}>{t("grid.toWaiting")}</button>}
                  <button onClick={() => { ctx.setPerson({ kind: "firm", id: picked.firmId }); ctx.setTab("people"); }}>{t("grid.explain")}</button>
                </p>
              )}
            </div>
          )}
          <div class="panel" id="violations">
            <h3>{t("grid.rules")}</h3>
            {!fresh ? <p class="pending">{t("grid.checking")}</p> : violations.length === 0 ? <p class="ok">{t("grid.ok")}</p> : (
              <ul>
                {violations.map((v, n) => (
                  <li key={n} data-code={v.code}>
                    <strong>{ruleName(ctx.lang, v.code)}</strong> <code>{v.code}</code>
                    <ul>
                      {v.meetings.slice(0, 4).map((i) => <li key={i}><a href="#" onClick={(e) => { e.preventDefault(); setSelected(pairKey(checked!.checked[i]!)); }}>{meetingText(stop, checked!.checked[i]!)}</a></li>)}
                      {v.meetings.length > 4 && <li class="muted">{t("grid.more", { n: v.meetings.length - 4 })}</li>}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {ctx.changes && <Changes ctx={ctx} answer={ctx.changes} />}
        </aside>
      </div>
    </section>
  );
}

function Changes({ ctx, answer }: { ctx: Ctx; answer: ReplanAnswer }) {
  const { t, stop } = ctx;
  const where = (x: { slot: number; table: number } | null) => (x === null ? "—" : `${stop!.slots[x.slot - 1]?.start ?? x.slot} T${x.table}`);
  return (
    <div class="panel" id="changes">
      <h3>{t("grid.changes")}</h3>
      <p>{t("grid.unchanged", { u: answer.unchanged, p: answer.previous, n: answer.notified })}</p>
      {answer.changes.length === 0 ? <p class="muted">{t("grid.noChanges")}</p> : (
        <ul class="changes">
          {answer.changes.map((c, n) => (
            <li key={n} data-kind={c.kind}>
              <strong>{t(`change.${c.kind}`)}</strong> <code>{c.firmId}</code> × <code>{c.delegationId}</code>: {where(c.before)} → {where(c.after)}
              <br /><small class="muted">{t(`why.${c.reason}`)}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
