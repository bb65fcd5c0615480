/** "Re-plan around the locks": the core's `replanStop` on the agenda as it is on the desk, the locked meetings kept as they are. */
import { verifyAgenda } from "@roadshow/core";
import { InputError } from "../errors.js";
import { said } from "../text/cli-text.js";
import type { ReplanAnswer, ReplanBody } from "./api.js";
import type { Lang } from "../text/i18n.js";
import { startJob } from "./solver.js";
import { violationText } from "../text/violations.js";
import { deskOfPlan } from "./views.js";
import type { Workspace } from "./workspace.js";

export async function replanDesk(ws: Workspace, body: ReplanBody, lang: Lang): Promise<ReplanAnswer> {
  const { instance, options, job: jobOptions } = await ws.stop(body.stop, body.options);
  // Locks must hold on their own (the core keeps them whatever happens); name the ones that do not.
  const broken = verifyAgenda(instance, body.locked, options);
  if (broken.length > 0) {
    // The rules named in the page's language (the answer's), their codes as they are.
    const named = broken.map((v) => `${v.code}: ${violationText(v, lang)}`).join("; ");
    throw new InputError(said("studio.api.replan.brokenLock", { named }));
  }
  const job = startJob({ kind: "replan", instance, previous: body.meetings, locked: body.locked, allowMoves: body.allowMoves, options: jobOptions }, () => {});
  const result = await job.result;
  if (result.kind !== "replan") throw new Error("the solver answered a re-plan with a plan");
  ws.rememberReplan(instance.stop.id, body.options, body.meetings, result.replan);
  const { schedule, changes, stats } = result.replan;
  return {
    desk: { ...deskOfPlan(instance, schedule, lang), source: "replan" },
    changes,
    unchanged: stats.unchanged,
    previous: stats.previous,
    notified: stats.notifiedFirms.length + stats.notifiedDelegations.length,
  };
}
