/** The Data view: the files of the data folder, every input problem located as the CLI reports it, and who takes part in each stop. */
import type { RosterEntry } from "../../../src/studio/api.js";
import type { Ctx } from "../state.js";

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

function Roster({ ctx, rows, kind }: { ctx: Ctx; rows: readonly RosterEntry[]; kind: "firm" | "delegation" }) {
  const { t } = ctx;
  return (
    <table class="list">
      <thead>
        <tr>
          <th>{t("col.id")}</th><th>{t("col.name")}</th>
          {kind === "delegation" && <th>{t("col.country")}</th>}
          <th>{t("col.windows")}</th><th>{kind === "firm" ? t("col.reps") : t("col.tables")}</th>
          {kind === "firm" && <th>{t("col.max")}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td><code>{r.id}</code></td><td>{r.name}</td>
            {kind === "delegation" && <td>{r.country}</td>}
            <td>{r.windows ?? t("data.whole")}</td><td class="num">{r.capacity}</td>
            {kind === "firm" && <td class="num">{r.maxMeetings ?? "–"}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DataTab({ ctx }: { ctx: Ctx }) {
  const { t, data, lang } = ctx;
  if (data === null) return <p>…</p>;
  const errors = data.issues.filter((i) => i.severity === "error").length;
  return (
    <section class="data">
      <h2>{t("data.files")} <small><code>{data.dataDir}</code></small></h2>
      <table class="list files">
        <thead><tr><th>{t("data.file")}</th><th>{t("data.size")}</th><th>{t("data.modified")}</th><th>{t("data.problems")}</th></tr></thead>
        <tbody>
          {data.files.map((f) => (
            <tr key={f.name} data-file={f.name}>
              <td><code>{f.name}</code></td><td class="num">{kb(f.bytes)}</td>
              <td>{new Date(f.modified).toLocaleString(lang === "it" ? "it-IT" : "en-GB")}</td>
              <td class={f.errors > 0 ? "bad" : f.warnings > 0 ? "warn" : ""}>{f.errors + f.warnings === 0 ? "✓" : t("data.errors", { n: f.errors, w: f.warnings })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="issues">{t("data.issues")} <small>{t("data.errors", { n: errors, w: data.issues.length - errors })}</small></h2>
      {!data.ok && <p class="bad">{t("data.blocked")}</p>}
      {data.issues.length === 0 ? (
        <p class="ok">{t("data.noIssues")}</p>
      ) : (
        <table class="list issues">
          <thead><tr><th>{t("col.severity")}</th><th>{t("col.where")}</th><th>{t("col.column")}</th><th>{t("col.value")}</th><th>{t("col.message")}</th><th>{t("col.hint")}</th></tr></thead>
          <tbody>
            {data.issues.map((i, n) => (
              <tr key={n} class={i.severity} data-code={i.code}>
                <td>{t(`sev.${i.severity}`)} <code>{i.code}</code></td>
                <td><code>{i.file}{i.line !== null ? `:${i.line}` : ""}</code></td>
                <td>{i.column ?? ""}</td><td><code>{i.value ?? ""}</code></td><td>{i.message}</td><td>{i.hint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.ok && <h2>{t("data.stops")}</h2>}
      {data.stops.map((s) => (
        <details key={s.id} class="stop" data-stop={s.id} open={s.id === ctx.stopId}>
          <summary><strong>{s.label}</strong> · {t("data.firms", { n: s.firms.length })} · {t("data.delegations", { n: s.delegations.length })}</summary>
          <div class="roster">
            <div><h3>{t("data.delegations", { n: s.delegations.length })}</h3><Roster ctx={ctx} rows={s.delegations} kind="delegation" /></div>
            <div><h3>{t("data.firms", { n: s.firms.length })}</h3><Roster ctx={ctx} rows={s.firms} kind="firm" /></div>
          </div>
        </details>
      ))}
    </section>
  );
}
