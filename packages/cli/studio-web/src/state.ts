/** What every view of the page shares: the session, the data, the stop on the desk, its edit history and its latest review. */
import type { Violation } from "@roadshow/core";
import type { DataView, DeskMeeting, ErrorAnswer, PlanOptions, ReplanAnswer, Review, SessionInfo, StopInfo, StudioLang } from "../../src/studio/api.js";
import type { Edit, History } from "./desk.js";
import type { Key } from "./i18n.js";

export type Tab = "data" | "plan" | "grid" | "people" | "save" | "reception";

/**
 * The agenda last sent to be checked: its broken rules (`violations` index into
 * `checked`, answered first) and its review (levels, bound, unmatched), which
 * may still be that of the agenda before while `reviewed` is false.
 */
export interface Checked {
  readonly review: Review;
  readonly checked: readonly DeskMeeting[];
  readonly violations: readonly Violation[];
  readonly reviewed: boolean;
}

export interface Ctx {
  readonly session: SessionInfo;
  readonly lang: StudioLang;
  readonly t: (key: Key, params?: Readonly<Record<string, string | number>>) => string;
  readonly data: DataView | null;
  readonly stopId: string;
  readonly setStopId: (id: string) => void;
  readonly options: PlanOptions;
  readonly setOptions: (o: PlanOptions) => void;
  /** The stop on the desk, with where its agenda came from. */
  readonly stop: StopInfo | null;
  readonly source: string;
  readonly history: History | null;
  readonly checked: Checked | null;
  readonly checking: boolean;
  readonly changes: ReplanAnswer | null;
  /** Puts a new agenda on the desk (a plan, an opened file or a re-plan). */
  readonly load: (stop: StopInfo, meetings: readonly DeskMeeting[], review: Review, source: string) => void;
  /** Applies an edit (undoable) and has it checked. */
  readonly apply: (next: Edit) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly setChanges: (c: ReplanAnswer | null) => void;
  readonly setTab: (t: Tab) => void;
  readonly showError: (e: unknown) => void;
  /** The People view's subject, set from the grid. */
  readonly person: { readonly kind: "firm" | "delegation"; readonly id: string } | null;
  readonly setPerson: (p: { kind: "firm" | "delegation"; id: string } | null) => void;
}

/** An error for the banner: the server's answer, or a sentence. */
export function errorAnswer(e: unknown): ErrorAnswer {
  if (typeof e === "object" && e !== null && "answer" in e) return (e as { answer: ErrorAnswer }).answer;
  return { error: e instanceof Error ? e.message : String(e), issues: [] };
}
