// The list of `roadshow` commands, each registered by its own file (the studio, standing on them, is added by main.ts).
import { defineChange } from "./change.js";
import { defineStatus } from "./status.js";
import { defineSend } from "./send.js";
import { defineDiff } from "./diff.js";
import { defineExplain } from "./explain.js";
import { defineExport } from "./export.js";
import { defineMail } from "./mail.js";
import { defineReplan } from "./replan.js";
import { defineReport } from "./report.js";
import { defineRefill } from "./refill.js";
import { defineOutcomes } from "./outcomes.js";
import { defineFollowUp } from "./followup.js";
import { defineSchedule } from "./schedule.js";
import { defineScore } from "./score.js";
import { defineSeason } from "./season.js";
import type { DefineCommand } from "./shared.js";
import { defineValidate } from "./validate.js";

/** Every `roadshow` command but the studio, in help order. */
export const COMMANDS: readonly DefineCommand[] = [defineSchedule, defineReplan, defineChange, defineSeason, defineScore, defineExplain, defineValidate, defineExport, defineMail, defineSend, defineStatus, defineDiff, defineRefill, defineOutcomes, defineReport, defineFollowUp];
