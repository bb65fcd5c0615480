/** The Save view: writes `<out>/<stop_id>/` as `schedule` (or `export`, once edited) would, asking before any file is overwritten. */
import { useState } from "preact/hooks";
import type { MailAnswer, MailBody, SaveAnswer, SaveBody } from "../../../src/studio/api.js";
import { post } from "../api.js";
import type { Ctx } from "../state.js";

export function SaveTab({ ctx }: { ctx: Ctx }) {
  const { t, stop, history, checked, session } = ctx;
  const [excel, setExcel] = useState(false);
  const [previous, setPrevious] = useState(true);
  const [organizer, setOrganizer] = useState("");
  const [answer, setAnswer] = useState<SaveAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [mailed, setMailed] = useState<MailAnswer | null>(null);
  if (!stop || !history) return <p class="empty">{t("save.nothing")}</p>;
  const broken = checked?.violations.length ?? 0;

  const save = (force: boolean) => {
    const body: SaveBody = {
      stop: stop.id, options: ctx.options, lang: ctx.lang, excel, force, previous, organizer: organizer.trim() === "" ? null : organizer,
      meetings: history.present.meetings.map(({ slot, table, firmId, delegationId }) => ({ slot, table, firmId, delegationId })),
    };
    setBusy(true);
    setMailed(null);
    post("/api/save", body).then(setAnswer).catch(ctx.showError).finally(() => setBusy(false));
  };
  const mail = (send: boolean) => {
    const body: MailBody = { stop: stop.id, organizer, send };
    setBusy(true);
    post("/api/mail", body, `?lang=${ctx.lang}`).then(setMailed).catch(ctx.showError).finally(() => setBusy(false));
  };

  return (
    <section class="save">
      <h2>{t("save.title")} {stop.label}</h2>
      <p>{t("save.folder")}: <code id="save-folder">{`${session.outDir}/${stop.id}`}</code></p>
      <div class="form">
        <label class="check"><input id="excel" type="checkbox" checked={excel} onChange={(e) => setExcel((e.target as HTMLInputElement).checked)} /> {t("save.excel")}</label>
        <label class="check"><input id="previous" type="checkbox" checked={previous} onChange={(e) => setPrevious((e.target as HTMLInputElement).checked)} /> {t("save.previous")}</label>
        <label class="wide">{t("save.organizer")} <input id="organizer" type="text" value={organizer} onInput={(e) => setOrganizer((e.target as HTMLInputElement).value)} /></label>
      </div>
      {broken > 0 && <p class="warn" id="save-warning">{t("save.violations", { n: broken })}</p>}
      <p class="actions"><button id="save" class="primary" disabled={busy} onClick={() => save(false)}>{t("save.button")}</button></p>
      {answer && !answer.saved && (
        <div class="confirm" id="confirm">
          <p>{t("save.exists", { n: answer.existing.length, folder: answer.folder })}</p>
          <ul class="files">{answer.existing.slice(0, 8).map((f) => <li key={f}><code>{f}</code></li>)}{answer.existing.length > 8 && <li>…</li>}</ul>
          <p class="actions">
            <button id="overwrite" class="danger" onClick={() => save(true)}>{t("save.overwrite")}</button>
            <button onClick={() => setAnswer(null)}>{t("save.cancel")}</button>
          </p>
        </div>
      )}
      {answer && answer.saved && (
        <div class="done" id="saved">
          <p class="ok">{t("save.saved", { n: answer.files, folder: answer.folder })} {t(`save.as.${answer.as}`)}</p>
          <pre class={answer.violations === 0 ? "ok" : "bad"}>{answer.check}</pre>
          <h3>{t("mail.title")}</h3>
          <p class="hint">{t(answer.as === "replan" ? "mail.changed" : "mail.everyone")}</p>
          {organizer.trim() === "" ? <p class="warn">{t("mail.organizer")}</p> : (
            <p class="actions">
              <button id="mail-write" disabled={busy} onClick={() => mail(false)}>{t("mail.write")}</button>
              {session.smtp && <button id="mail-send" class="danger" disabled={busy} onClick={() => mail(true)}>{t("mail.send")}</button>}
            </p>
          )}
          {mailed && <pre id="mailed">{mailed.output}</pre>}
        </div>
      )}
    </section>
  );
}
