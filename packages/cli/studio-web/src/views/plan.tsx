/** The Plan view: the CLI's planning options, a run streamed as it solves, the summary with bound and gap, and who was left short and why. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { OpenBody, PlanEvent, PlanOptions } from "../../../src/studio/api.js";
import { post } from "../api.js";
import type { Ctx } from "../state.js";

function FileSelect({ value, choices, onChange, id, ctx }: { value: string | null; choices: readonly string[]; onChange: (v: string | null) => void; id: string; ctx: Ctx }) {
  return (
    <select id={id} value={value ?? ""} onChange={(e) => onChange((e.target as HTMLSelectElement).value || null)}>
      <option value="">{ctx.t("plan.default")}</option>
      {choices.map((c) => <option key={c} value={c}>{c}</option>)}
    </select>
  );
}

export function PlanTab({ ctx }: { ctx: Ctx }) {
  const { t, options, setOptions, data, stopId, checked, stop } = ctx;
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<string[]>([]);
  const [agenda, setAgenda] = useState("");
  const source = useRef<EventSource | null>(null);
  useEffect(() => () => source.current?.close(), []);
  const set = (patch: Partial<PlanOptions>) => setOptions({ ...options, ...patch });
  const inputs = data?.choices.inputs ?? [];
  const agendas = data?.choices.agendas ?? [];

  const run = () => {
    if (stopId === "") return;
    setRunning(true);
    setProgress([]);
    const url = `/api/plan?stop=${encodeURIComponent(stopId)}&lang=${ctx.lang}&options=${encodeURIComponent(JSON.stringify(options))}`;
    const es = new EventSource(url);
    source.current = es;
    let finished = false;
    es.onmessage = (m: MessageEvent<string>) => {
      const e = JSON.parse(m.data) as PlanEvent;
      if (e.type === "progress") setProgress((p) => [...p, `[${(e.elapsedMs / 1000).toFixed(1)} s] ${e.phase}: ${e.message}`]);
      else {
        finished = true;
        es.close();
        setRunning(false);
        if (e.type === "done") ctx.load(e.desk.stop, e.desk.meetings, e.desk.review, e.desk.source);
        else ctx.showError({ answer: { error: e.message, issues: e.issues } });
      }
    };
    es.onerror = () => {
      if (finished) return;
      es.close();
      setRunning(false);
    };
  };
  const cancel = () => {
    source.current?.close();
    setRunning(false);
  };
  const open = () => {
    if (agenda === "" || stopId === "") return;
    const body: OpenBody = { stop: stopId, options, lang: ctx.lang, meetings: [], file: agenda };
    post("/api/open", body).then((d) => ctx.load(d.stop, d.meetings, d.review, d.source)).catch(ctx.showError);
  };

  const review = checked?.review;
  return (
    <section class="plan">
      <fieldset>
        <legend>{t("plan.options")}</legend>
        <div class="form">
          <label>{t("plan.minMeetings")} <input id="min-meetings" type="number" min={0} value={options.minMeetings} onInput={(e) => set({ minMeetings: Math.max(0, Math.floor(Number((e.target as HTMLInputElement).value) || 0)) })} /></label>
          <label>{t("plan.timeLimit")} <input id="time-limit" type="number" min={1} value={options.timeLimitSeconds ?? ""} onInput={(e) => { const v = Number((e.target as HTMLInputElement).value); set({ timeLimitSeconds: v > 0 ? v : null }); }} /></label>
          <label class="check"><input id="allow-repeats" type="checkbox" checked={options.allowRepeats} onChange={(e) => set({ allowRepeats: (e.target as HTMLInputElement).checked })} /> {t("plan.allowRepeats")}</label>
          <label class="check"><input id="no-balance" type="checkbox" checked={!options.balance} onChange={(e) => set({ balance: !(e.target as HTMLInputElement).checked })} /> {t("plan.noBalance")}</label>
          <label class="check"><input id="no-exact" type="checkbox" checked={!options.exact} onChange={(e) => set({ exact: !(e.target as HTMLInputElement).checked })} /> {t("plan.noExact")}</label>
          <label>{t("plan.scores")} <FileSelect id="scores" ctx={ctx} value={options.scores} choices={inputs} onChange={(v) => set({ scores: v })} /></label>
          <label>{t("plan.requests")} <FileSelect id="requests" ctx={ctx} value={options.requests} choices={inputs} onChange={(v) => set({ requests: v })} /></label>
          <label>{t("plan.weights")} <FileSelect id="weights" ctx={ctx} value={options.weights} choices={inputs} onChange={(v) => set({ weights: v })} /></label>
          <label>{t("plan.changes")} <FileSelect id="changes" ctx={ctx} value={options.changes} choices={inputs} onChange={(v) => set({ changes: v })} /></label>
          <label>{t("plan.outcomes")} <FileSelect id="outcomes" ctx={ctx} value={options.outcomes} choices={inputs} onChange={(v) => set({ outcomes: v })} /></label>
          <label class="wide">{t("plan.history")}
            <select id="history" multiple size={Math.min(5, Math.max(2, agendas.length))} onChange={(e) => set({ history: [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value) })}>
              {agendas.map((a) => <option key={a} value={a} selected={options.history.includes(a)}>{a}</option>)}
            </select>
          </label>
        </div>
        <p class="actions">
          <button id="plan" class="primary" disabled={running || stopId === ""} onClick={run}>{t("plan.run")} {stopId}</button>
          {running && <button id="cancel" onClick={cancel}>{t("plan.cancel")}</button>}
          <span class="sep" />
          <label>{t("plan.open")}{" "}
            <select id="agenda" value={agenda} onChange={(e) => setAgenda((e.target as HTMLSelectElement).value)}>
              <option value="">{agendas.length === 0 ? t("plan.none") : "…"}</option>
              {agendas.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
          <button id="open" disabled={agenda === ""} onClick={open}>{t("plan.openButton")}</button>
        </p>
      </fieldset>
      {(running || progress.length > 0) && (
        <pre class="progress" id="progress">{running ? `${t("plan.running")}\n` : ""}{progress.join("\n")}</pre>
      )}
      {review && stop && (
        <div class="summary" id="summary">
          <h2>{t("plan.summary")} <small>{t("plan.source", { source: ctx.source })}</small></h2>
          <pre>{review.summary.join("\n")}</pre>
          <h3>{t("plan.unmatched")}</h3>
          {review.unmatched.length === 0 ? <p class="ok">{t("plan.noUnmatched")}</p> : (
            <table class="list" id="unmatched">
              <thead><tr><th>{t("col.firm")}</th><th>{t("col.meetings")}</th><th>{t("col.reason")}</th></tr></thead>
              <tbody>
                {review.unmatched.map((u, n) => (
                  <tr key={n}>
                    <td><code>{u.firmId}</code> {u.name}{u.country ? ` · ${t("plan.must", { country: u.country })}` : ""}</td>
                    <td class="num">{u.meetings}</td><td>{u.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p><button id="to-grid" onClick={() => ctx.setTab("grid")}>{t("plan.toGrid")}</button></p>
        </div>
      )}
    </section>
  );
}
