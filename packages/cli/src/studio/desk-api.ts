/** What the desk mode's routes answer (studio/desk-mode.ts), shared with the page: types only. */

/** A participant as the desk lists it. */
export interface DeskParticipant {
  readonly id: string;
  readonly kind: "firm" | "delegation";
  readonly name: string;
  /** A delegation's country; empty for a firm. */
  readonly country: string;
  /** The latest check-in (`13:52`), or null. */
  readonly checkedIn: string | null;
  /** Slots it was recorded a no-show in (after its latest check-in). */
  readonly noShows: readonly number[];
  /** Whether it is present in each slot (index 0 = slot 1) on the day, after the log's absences and windows. */
  readonly present: readonly boolean[];
}

/** A meeting of the day and whether it happens. */
export interface DeskDayMeeting {
  readonly slot: number;
  readonly table: number;
  readonly firmId: string;
  readonly delegationId: string;
  readonly happens: boolean;
  /** Why it does not happen: a no-show, a participant absent or gone, the meeting cancelled or declined. */
  readonly reason: "noshow" | "absent" | "cancelled" | null;
  /** Added on the day by a refill entry. */
  readonly refill: boolean;
  /** Confirmed by a participant (a `confirm` entry). */
  readonly confirmed: boolean;
  /** The pair asked to meet again (a `followup` entry): outcomes.csv's follow_up. */
  readonly followUp: boolean;
}

/** What GET /api/desk answers. */
export interface DeskBoard {
  readonly stop: {
    readonly id: string;
    readonly label: string;
    readonly date: string;
    readonly timezone: string;
    readonly slots: readonly { readonly index: number; readonly start: string; readonly end: string }[];
  };
  /** The agenda file the day starts from. */
  readonly source: string;
  /** Every participant of the stop, firms and delegations, A–Z by name. */
  readonly participants: readonly DeskParticipant[];
  readonly meetings: readonly DeskDayMeeting[];
  /** Entries in the stop's log. */
  readonly entries: number;
}

/** What POST /api/desk/refill answers: `refill --format json`. */
export interface DeskRefill {
  readonly meetings: readonly { readonly firm_id: string; readonly delegation_id: string; readonly slot: number; readonly table: number }[];
  readonly freed: readonly { readonly delegation_id: string; readonly table: number; readonly slot: number }[];
  readonly entries: readonly number[];
}

/** What POST /api/desk/close answers. */
export interface DeskClosed {
  readonly output: string;
  readonly outcomes: string;
  readonly heldAgenda: string;
}
