/**
 * The stop's workspace (`<data-dir>/workspace/<stop_id>/`), through the CLI's own functions:
 * "to notify" is `roadshow status`'s not_told, exactly whom Send mails; a change is a log entry
 * as `roadshow change` enters it; Save plans the next version as `schedule`/`replan` without
 * `--out`; Send is `roadshow send`.
 */
import { useEffect, useState } from "preact/hooks";
import type { StopStatus, WorkspaceAnswer } from "../../../src/studio/api.js";
import { get, post } from "../api.js";
import type { Ctx } from "../state.js";

/** The kinds the page offers (every kind of the log can be entered with `roadshow change`). */
const KINDS = ["absent", "present", "arrives", "leaves", "window", "tables", "cancel", "lock", "undo"] as const;

export function WorkspaceTab({ ctx }: { ctx: Ctx }) {
  const { t, stopId, session } = ctx;
  const [status, setStatus] = useState<StopStatus | null>(null);
  const [kind, setKind] = useState<string>("absent");
  const [participant, setParticipant] = useState("");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [organizer, setOrganizer] = useState("");
  const [output, setOutput] = useState("");
  const [busy, setBusy] = useState(false);
  const roster = ctx.data?.stops.find((s) => s.id === stopId);
  // Nothing is entered, planned or sent before the stop's workspace is read (the stop is known then).
  const ready = status !== null && status.stop_id === stopId;

  const refresh = () => {
    if (stopId === "") return;
    get<StopStatus>(`/api/workspace?stop=${encodeURIComponent(stopId)}&lang=${ctx.lang}`).then(setStatus).catch(ctx.showError);
  };
  useEffect(refresh, [stopId]);

  const run = (work: Promise<WorkspaceAnswer>) => {
    setBusy(true);
    work.then((a) => setOutput(a.output)).then(refresh).catch(ctx.showError).finally(() => setBusy(false));
  };
  const enter = () => {
    const v = value.trim();
    run(post("/api/workspace/change", { stop: stopId, kind, participant: participant.trim(), ...(v === "" ? {} : { value: v }), ...(note.trim() === "" ? {} : { note: note.trim() }) }, `?lang=${ctx.lang}`));
  };
  const plan = () => run(post("/api/workspace/plan", { stop: stopId, kind: (status?.current ?? 0) === 0 ? "schedule" : "replan" }, `?lang=${ctx.lang}`));
  const send = (dryRun: boolean) => run(post("/api/workspace/send", { stop: stopId, organizer, dryRun }, `?lang=${ctx.lang}`));
  const nameOf = (id: string) => roster?.firms.find((f) => f.id === id)?.name ?? roster?.delegations.find((d) => d.id === id)?.name ?? "";

  return (
    <section class="save workspace">
      <h2>{t("ws.title")} {stopId}</h2>
      {status && (
        <p id="ws-version">
          {status.current === 0 ? t("ws.noVersion") : t("ws.version", { v: status.current, n: status.versions.length })}{" "}
          {t("ws.log", { n: status.log.entries, pending: status.log.not_replanned.length })}
        </p>
      )}
      <h3>{t("ws.notify", { n: status?.not_told.length ?? 0 })}</h3>
      <ul id="ws-notify" class="files">
        {(status?.not_told ?? []).map((id) => <li key={id}><code>{id}</code> {nameOf(id)}</li>)}
      </ul>

      <h3>{t("ws.change")}</h3>
      <div class="form">
        <label>{t("ws.kind")}{" "}
          <select id="ws-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label>{kind === "undo" ? t("ws.entry") : t("ws.participant")}{" "}
          <input id="ws-participant" type="text" list="ws-ids" value={participant} onInput={(e) => setParticipant((e.target as HTMLInputElement).value)} />
        </label>
        <label>{t("ws.value")}{" "}
          <input id="ws-value" type="text" list={kind === "cancel" || kind === "lock" ? "ws-ids" : undefined} placeholder={t(`ws.value.${kind}` as Parameters<typeof t>[0])} value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
        </label>
        <label class="wide">{t("ws.note")} <input id="ws-note" type="text" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} /></label>
        <datalist id="ws-ids">
          {[...(roster?.firms ?? []), ...(roster?.delegations ?? [])].map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </datalist>
      </div>
      <p class="actions"><button id="ws-add" disabled={busy || !ready || participant.trim() === ""} onClick={enter}>{t("ws.add")}</button></p>
      {status && status.log.not_replanned.length > 0 && (
        <table id="ws-pending">
          <tbody>
            {status.log.not_replanned.map((e) => (
              <tr key={e.entry} class={e.in_effect ? "" : "undone"}><td>{e.entry}</td><td>{e.kind}</td><td>{e.participant_id}</td><td>{e.value}</td></tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t("ws.save")}</h3>
      <p class="hint">{t("ws.save.hint")}</p>
      <p class="actions"><button id="ws-plan" class="primary" disabled={busy || !ready} onClick={plan}>{(status?.current ?? 0) === 0 ? t("ws.schedule") : t("ws.replan")}</button></p>

      <h3>{t("ws.send")}</h3>
      <label class="wide">{t("save.organizer")} <input id="ws-organizer" type="text" value={organizer} onInput={(e) => setOrganizer((e.target as HTMLInputElement).value)} /></label>
      <p class="actions">
        <button id="ws-dry" disabled={busy || !ready || organizer.trim() === ""} onClick={() => send(true)}>{t("ws.dry")}</button>
        <button id="ws-send" class="danger" disabled={busy || !ready || organizer.trim() === ""} onClick={() => send(false)}>{session.smtp ? t("ws.sendNow") : t("ws.write")}</button>
      </p>
      {output !== "" && <pre id="ws-output">{output}</pre>}
    </section>
  );
}
