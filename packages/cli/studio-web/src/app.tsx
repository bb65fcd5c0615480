/** The studio's page: header, tabs, and the state every view shares (the agenda on the desk is checked by the server after each edit). */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { DEFAULT_PLAN_OPTIONS } from "../../src/studio/api.js";
import type { AgendaBody, DataView, DeskMeeting, ErrorAnswer, PlanOptions, ReplanAnswer, Review, SessionInfo, StopInfo, StudioLang } from "../../src/studio/api.js";
import { get, post } from "./api.js";
import { push, redo as redoHistory, start, undo as undoHistory, type Edit, type History } from "./desk.js";
import { tr, type Key } from "./i18n.js";
import { TEXT_LANGS } from "../../src/text/messages.js";
import { errorAnswer, type Checked, type Ctx, type Tab } from "./state.js";
import { DataTab } from "./views/data.js";
import { GridTab } from "./views/grid.js";
import { PeopleTab } from "./views/people.js";
import { PlanTab } from "./views/plan.js";
import { SaveTab } from "./views/save.js";
import { ReceptionTab } from "./views/reception.js";
import { WorkspaceTab } from "./views/workspace.js";

const TABS: readonly Tab[] = ["data", "plan", "grid", "people", "save", "workspace", "reception"];

export function App({ session }: { session: SessionInfo }) {
  const [lang, setLang] = useState<StudioLang>(session.lang);
  const [tab, setTab] = useState<Tab>("data");
  const [data, setData] = useState<DataView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ErrorAnswer | null>(null);
  const [stopId, setStopId] = useState("");
  const [options, setOptions] = useState<PlanOptions>(DEFAULT_PLAN_OPTIONS);
  const [stop, setStop] = useState<StopInfo | null>(null);
  const [source, setSource] = useState("");
  const [history, setHistory] = useState<History | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checking, setChecking] = useState(false);
  const [changes, setChanges] = useState<ReplanAnswer | null>(null);
  const [person, setPerson] = useState<{ kind: "firm" | "delegation"; id: string } | null>(null);
  const seq = useRef(0);
  const t = useCallback((key: Key, params?: Readonly<Record<string, string | number>>) => tr(lang, key, params), [lang]);
  const showError = useCallback((e: unknown) => setError(errorAnswer(e)), []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const check = useCallback(
    (meetings: readonly DeskMeeting[], stopNow: string, optionsNow: PlanOptions, langNow: StudioLang) => {
      const mine = ++seq.current;
      setChecking(true);
      const body: AgendaBody = { stop: stopNow, options: optionsNow, lang: langNow, meetings: meetings.map(({ slot, table, firmId, delegationId }) => ({ slot, table, firmId, delegationId })) };
      // The rules first (fast), then the levels and the bound (a flow over the whole stop).
      post("/api/verify", body)
        .then((v) => {
          if (mine !== seq.current) return;
          setChecked((c) => (c === null ? c : { review: c.review, checked: meetings, violations: v.violations, reviewed: false }));
          setChecking(false);
        })
        .catch(showError);
      post("/api/check", body)
        .then((desk) => {
          if (mine !== seq.current) return;
          setChecked({ review: desk.review, checked: meetings, violations: desk.review.violations, reviewed: true });
          setStop(desk.stop);
        })
        .catch(showError)
        .finally(() => mine === seq.current && setChecking(false));
    },
    [showError],
  );

  const reloadData = useCallback(
    (l: StudioLang) =>
      get<DataView>(`/api/data?lang=${l}`)
        .then((d) => {
          setData(d);
          setStopId((s) => (s === "" && d.stops.length > 0 ? d.stops[0]!.id : s));
        })
        .catch(showError),
    [showError],
  );

  // Live reload: the server tells when a file of the data folder changes.
  const state = useRef({ lang, history, stop, options, data });
  state.current = { lang, history, stop, options, data };
  useEffect(() => {
    const events = new EventSource("/api/events");
    events.addEventListener("data", (e) => {
      const version = Number((e as MessageEvent<string>).data);
      const s = state.current;
      if (s.data !== null && s.data.version === version) return;
      void reloadData(s.lang);
      if (s.data !== null) setNotice(tr(s.lang, "data.changed"));
      if (s.history && s.stop) check(s.history.present.meetings, s.stop.id, s.options, s.lang);
    });
    return () => events.close();
  }, [reloadData, check]);

  useEffect(() => {
    void reloadData(lang);
    const s = state.current;
    if (s.history && s.stop) check(s.history.present.meetings, s.stop.id, s.options, lang);
  }, [lang, reloadData, check]);

  const ctx: Ctx = {
    session, lang, t, data, stopId, setStopId, options, setOptions, stop, source, history, checked, checking, changes,
    load: (s: StopInfo, meetings: readonly DeskMeeting[], review: Review, from: string) => {
      seq.current += 1;
      setStop(s);
      setSource(from);
      setHistory(start(meetings));
      setChecked({ review, checked: meetings, violations: review.violations, reviewed: true });
      setChanges(null);
      setChecking(false);
    },
    apply: (next: Edit) => {
      if (!history || !stop) return;
      setHistory(push(history, next));
      if (next.meetings !== history.present.meetings) check(next.meetings, stop.id, options, lang);
    },
    undo: () => {
      if (!history || !stop || history.past.length === 0) return;
      const h = undoHistory(history);
      setHistory(h);
      check(h.present.meetings, stop.id, options, lang);
    },
    redo: () => {
      if (!history || !stop || history.future.length === 0) return;
      const h = redoHistory(history);
      setHistory(h);
      check(h.present.meetings, stop.id, options, lang);
    },
    setChanges,
    setTab,
    showError,
    person,
    setPerson,
  };

  return (
    <div class="app">
      <header>
        <h1>{t("app.title")}</h1>
        <span class="folders">
          {t("app.data")}: <code>{session.dataDir}</code> · {t("app.out")}: <code>{session.outDir}</code>
        </span>
        <label class="stop-pick">
          {t("app.stop")}{" "}
          <select id="stop" value={stopId} onChange={(e) => setStopId((e.target as HTMLSelectElement).value)}>
            {(data?.stops ?? []).map((s) => (
              <option value={s.id} key={s.id}>{s.label}</option>
            ))}
          </select>
        </label>
        <span class="lang" role="group" aria-label={t("app.lang")}>
          {TEXT_LANGS.map((l) => (
            <button key={l} class={l === lang ? "on" : ""} onClick={() => setLang(l)} data-lang={l}>{l.toUpperCase()}</button>
          ))}
        </span>
      </header>
      <nav>
        {TABS.map((x) => (
          <button key={x} class={x === tab ? "on" : ""} data-tab={x} onClick={() => setTab(x)}>{t(`tab.${x}`)}</button>
        ))}
      </nav>
      {notice && (
        <div class="notice" role="status">{notice} <button onClick={() => setNotice(null)}>{t("dismiss")}</button></div>
      )}
      {error && (
        <div class="error" role="alert">
          <strong>{t("error.title")}:</strong> {error.error}
          {error.issues.length > 0 && (
            <ul>{error.issues.map((i, n) => <li key={n}>{i.file}{i.line !== null ? `:${i.line}` : ""}{i.column ? ` [${i.column}]` : ""} {i.code}: {i.message} → {i.hint}</li>)}</ul>
          )}
          <button onClick={() => setError(null)}>{t("dismiss")}</button>
        </div>
      )}
      <main>
        {tab === "data" && <DataTab ctx={ctx} />}
        {tab === "plan" && <PlanTab ctx={ctx} />}
        {tab === "grid" && <GridTab ctx={ctx} />}
        {tab === "people" && <PeopleTab ctx={ctx} />}
        {tab === "save" && <SaveTab ctx={ctx} />}
        {tab === "workspace" && <WorkspaceTab ctx={ctx} />}
        {tab === "reception" && <ReceptionTab ctx={ctx} />}
      </main>
    </div>
  );
}
