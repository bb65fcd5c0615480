/**
 * Domain types of the roadshow core. Everything the pipeline reads or returns
 * is declared here, immutable, and documented once.
 *
 * Times of day are minutes after local midnight (`14:30` → `870`), local to
 * the stop's IANA time zone; `slots.ts` turns them into real instants.
 */

/** ISO 3166-1 alpha-2 code, upper case. @example "US" */
export type CountryCode = string;

/** Sector slug, lower case. @example "aerospace" */
export type SectorCode = string;

/** Minutes after local midnight. @example 870 // 14:30 */
export type TimeOfDay = number;

/**
 * A half-open local time window `[start, end)`.
 * @example { start: 940, end: 960 } // 15:40-16:00
 */
export interface TimeWindow {
  readonly start: TimeOfDay;
  readonly end: TimeOfDay;
}

/**
 * One roadshow stop: a city, a day, a sector and a meeting session.
 * @example
 * { id: "BG-2026-03", city: "Bergamo", date: "2026-03-18", sector: "mechanics",
 *   start: 840, end: 1080, slotMinutes: 20, gapMinutes: 0,
 *   breaks: [{ start: 940, end: 960 }], timezone: "Europe/Rome" }
 */
export interface Stop {
  readonly id: string;
  readonly city: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly sector: SectorCode;
  readonly start: TimeOfDay;
  readonly end: TimeOfDay;
  readonly slotMinutes: number;
  readonly gapMinutes: number;
  readonly breaks: readonly TimeWindow[];
  /** IANA zone. @example "Europe/Rome" */
  readonly timezone: string;
  /** The event's name on agendas and calendars. @example "Roadshow Lombardia: meccanica" */
  readonly title?: string;
  /** Where the meetings are held. @example "Kilometro Rosso" */
  readonly venue?: string;
  /** The venue's street address. @example "Via Stezzano 87, 24126 Bergamo" */
  readonly address?: string;
}

/**
 * How to reach a participant and in which language to write to it: optional
 * columns of firms.csv and delegations.csv, used only by the outputs people read.
 * @example { lang: "en", email: "trade@usconsulate.example", contactName: "Jane Doe" }
 */
export interface Contact {
  /** BCP 47 language tag (`it`, `en`, `de`, `pt-BR`); absent means the run's `--lang`. */
  readonly lang?: string;
  readonly email?: string;
  readonly contactName?: string;
}

/**
 * A foreign delegation (consulate, trade office) holding meetings.
 * @example
 * { id: "US-CG", country: "US", name: "Consolato Generale degli Stati Uniti",
 *   stops: null, tables: 2, sectors: ["aerospace"], available: null }
 */
export interface Delegation extends Contact {
  readonly id: string;
  readonly country: CountryCode;
  readonly name: string;
  /** Stop ids attended; `null` means every stop. */
  readonly stops: readonly string[] | null;
  /** Meetings it can hold in parallel; its tables for the whole session. */
  readonly tables: number;
  /** Priority sectors. */
  readonly sectors: readonly SectorCode[];
  /** Windows it is present; `null` means the whole session. */
  readonly available: readonly TimeWindow[] | null;
}

/**
 * A registered firm.
 * @example
 * { id: "F0001", name: "Meccanica Orobica S.r.l.", sectors: ["mechanics"],
 *   stops: ["BG-2026-03"], targets: ["US", "DE"], markets: ["FR"],
 *   available: null, maxMeetings: 4, representatives: 1 }
 */
export interface Firm extends Contact {
  readonly id: string;
  readonly name: string;
  /** Its sectors, primary first (after merging `ateco`, see `firmSectors`). */
  readonly sectors: readonly SectorCode[];
  /** ATECO 2025 activity codes, e.g. `28.41` or `C28`; mapped to sectors by the core. */
  readonly ateco?: readonly string[];
  readonly stops: readonly string[];
  /** Countries it wants to enter, highest priority first. */
  readonly targets: readonly CountryCode[];
  /** Countries it already exports to. */
  readonly markets: readonly CountryCode[];
  /** Windows it is present; `null` means the whole session. */
  readonly available: readonly TimeWindow[] | null;
  /** Cap on meetings per stop; `null` means no cap. */
  readonly maxMeetings: number | null;
  /** People who can hold meetings in parallel. */
  readonly representatives: number;
  /** Where the firm is based, shown to the delegations it meets. @example "Bergamo" */
  readonly city?: string;
  /** Its web site. @example "https://www.orobica.example" */
  readonly website?: string;
}

/** `must`: meet that country if at all possible; `avoid`: never. */
export type RequestKind = "must" | "avoid";

/**
 * An organiser override for a firm and every delegation of a country.
 * @example { firmId: "F0001", country: "US", kind: "must" }
 */
export interface MeetingRequest {
  readonly firmId: string;
  readonly country: CountryCode;
  readonly kind: RequestKind;
}

/**
 * An affinity supplied from outside (`scores.csv`); replaces the built-in one.
 * @example { firmId: "F0001", delegationId: "US-CG", score: 42.5 }
 */
export interface ScoreEntry {
  readonly firmId: string;
  readonly delegationId: string;
  readonly score: number;
}

/**
 * A firm and a delegation that already met (from an earlier agenda).
 * @example { firmId: "F0001", delegationId: "US-CG", stopId: "MI-2026-01" }
 */
export interface PastMeeting {
  readonly firmId: string;
  readonly delegationId: string;
  readonly stopId: string;
}

// Re-planning: stop-specific changes (changes.csv)

/** `absent`: not at the stop (registered or not); `present`: at the stop (registered or not). */
export type ChangeStatus = "absent" | "present";

/**
 * An override of one participant's master data for one stop only (a row of
 * `changes.csv`), applied by `applyChanges`. `null` fields keep the master value.
 * @example { stopId: "BS-2026-02", participantId: "US-CG", status: null,
 *   available: [{ start: 900, end: 1080 }], tables: null, representatives: null, note: "arrives at 15:00" }
 */
export interface StopChange {
  readonly stopId: string;
  /** A firm id or a delegation id. */
  readonly participantId: string;
  /** `null`: only the overrides below. */
  readonly status: ChangeStatus | null;
  /** Replaces the participant's `available` windows at this stop. */
  readonly available: readonly TimeWindow[] | null;
  /** Delegations only: its tables at this stop. */
  readonly tables: number | null;
  /** Firms only: its representatives at this stop. */
  readonly representatives: number | null;
  readonly note: string;
}

/**
 * What happened to one meeting after the day (a row of `outcomes.csv`).
 * @example { stopId: "BS-2026-02", firmId: "F0001", delegationId: "US-CG", held: false, followUp: false }
 */
export interface MeetingOutcome {
  readonly stopId: string;
  readonly firmId: string;
  readonly delegationId: string;
  /** `false`: a no-show; the pair does not count as met. */
  readonly held: boolean;
  /** The pair asked to meet again: allowed despite the no-repeat rule. */
  readonly followUp: boolean;
}

/**
 * One meeting slot of a stop, 1-based, with its real instants.
 * @example { index: 1, start: 840, end: 860, startIso: "2026-03-18T14:00:00.000+01:00",
 *   endIso: "2026-03-18T14:20:00.000+01:00", startMs: 1773838800000, endMs: 1773840000000 }
 */
export interface Slot {
  readonly index: number;
  /** Local wall-clock start, minutes after midnight. */
  readonly start: TimeOfDay;
  readonly end: TimeOfDay;
  /** ISO 8601 instants with the zone's offset (DST-correct). */
  readonly startIso: string;
  readonly endIso: string;
  /** The same instants as epoch milliseconds. */
  readonly startMs: number;
  readonly endMs: number;
}

/** What made up an affinity score. */
export type ScorePartCode =
  | "stop-sector"
  | "delegation-sector"
  | "target"
  | "market"
  | "must"
  | "external"
  | "season";

/**
 * One additive part of a score, with what triggered it.
 * @example { code: "target", points: 30, country: "US", rank: 1 }
 */
export interface ScorePart {
  readonly code: ScorePartCode;
  readonly points: number;
  readonly sector?: SectorCode;
  /** Whether `sector` is the firm's primary sector. */
  readonly primary?: boolean;
  readonly country?: CountryCode;
  /** 1-based rank in the firm's targets. */
  readonly rank?: number;
}

/**
 * A firm × delegation affinity: the score is the sum of its parts.
 * @example { firmId: "F0001", delegationId: "US-CG", score: 70,
 *   parts: [{ code: "stop-sector", points: 40, sector: "mechanics", primary: true },
 *           { code: "target", points: 30, country: "US", rank: 1 }] }
 */
export interface Affinity {
  readonly firmId: string;
  readonly delegationId: string;
  readonly score: number;
  readonly parts: readonly ScorePart[];
}

/**
 * Named weights of the built-in affinity (see `affinity.ts` for the formula).
 * @example DEFAULT_WEIGHTS
 */
export interface AffinityWeights {
  /** Firm's primary sector is the stop's sector. */
  readonly stopSectorPrimary: number;
  /** A secondary sector is the stop's sector. */
  readonly stopSectorSecondary: number;
  /** Firm's primary sector is a delegation priority sector. */
  readonly delegationSectorPrimary: number;
  /** A secondary sector is a delegation priority sector. */
  readonly delegationSectorSecondary: number;
  /** Country is the firm's first target. */
  readonly target: number;
  /** Each lower target rank multiplies the target points by this (0..1]. */
  readonly targetDecay: number;
  /** Country already among the firm's markets (expansion value). */
  readonly market: number;
  /** Added to a pair the organiser marked `must`. */
  readonly must: number;
}

/**
 * Everything needed to plan one stop.
 * @example { stop, delegations, firms, requests: [], scores: null, history: [] }
 */
export interface StopInstance {
  readonly stop: Stop;
  /** All delegations; those not attending the stop are ignored. */
  readonly delegations: readonly Delegation[];
  /** All firms; those not registered for the stop are ignored. */
  readonly firms: readonly Firm[];
  readonly requests: readonly MeetingRequest[];
  /** External affinity; `null` uses the built-in one. */
  readonly scores: readonly ScoreEntry[] | null;
  /** Meetings already held at earlier stops. */
  readonly history: readonly PastMeeting[];
}

/** The stage of the search a progress report comes from: its local search (with its round), a rebuild, re-optimisation, or large neighbourhoods. */
export type SearchStage = "local-search" | "rebuild" | "reoptimise" | "lns";

/** An objective level the exact solver works on (`replaced` only when re-planning). */
export type ExactLevel = "replaced" | "musts" | "served" | "balance" | "score";

/**
 * What a progress report says, as typed data for a caller to word in its own
 * language: a `step` and the values that step names.
 * @example { step: "selecting", pairs: 812 }
 */
export type ProgressEvent =
  | { readonly step: "scoring" }
  | { readonly step: "selecting"; readonly pairs: number }
  | { readonly step: "kept"; readonly kept: number; readonly lost: number }
  | { readonly step: "placing"; readonly meetings: number; readonly slots: number }
  | { readonly step: "placing-around"; readonly meetings: number; readonly kept: number }
  | { readonly step: "moving"; readonly kept: number }
  | { readonly step: "searching"; readonly stage: SearchStage; readonly round?: number; readonly levels: ObjectiveLevels }
  | { readonly step: "searching-toward"; readonly stage: SearchStage; readonly round?: number; readonly levels: ObjectiveLevels; readonly target: ObjectiveLevels }
  | { readonly step: "bounding"; readonly candidates: number }
  | { readonly step: "bounding-reached"; readonly levels: ObjectiveLevels }
  | { readonly step: "solving-core" }
  | { readonly step: "compacting"; readonly meetings: number }
  | { readonly step: "compacting-exact"; readonly solver: string; readonly value: number; readonly columns: number }
  | {
      readonly step: "compacted-exact";
      readonly solver: string;
      readonly from: number;
      readonly to: number;
      readonly status: ExactOutcome["status"];
      readonly proven: boolean;
      readonly nodes?: number;
      readonly note?: string;
    }
  | { readonly step: "checking"; readonly meetings: number }
  | { readonly step: "exact-solving"; readonly solver: string; readonly level: ExactLevel; readonly value: number; readonly bound: number; readonly columns: number }
  | {
      readonly step: "exact-solved";
      readonly solver: string;
      readonly level: ExactLevel;
      readonly status: ExactOutcome["status"];
      /** The solver's own word on its outcome (`node limit`). */
      readonly note?: string;
      /** The level before and after the solve. */
      readonly from: number;
      readonly to: number;
      readonly bound?: number;
      readonly nodes?: number;
      /** The solver's agenda broke a rule and was dropped; the search's is kept. */
      readonly dropped?: true;
    }
  | { readonly step: "exact-fallback"; readonly solver: string; readonly reason: "failed" | "distrusted" }
  | {
      readonly step: "done";
      readonly status: ScheduleStatus;
      readonly levels: ObjectiveLevels;
      readonly bounds: ObjectiveLevels;
      /** How far the score is below its bound, in per cent. */
      readonly gap: number;
    };

/** The code of a progress report's step. */
export type ProgressStep = ProgressEvent["step"];

/**
 * Progress of a long solve, for a CLI to show: what happened as data (no prose),
 * in which phase and when.
 * @example { phase: "select", step: "selecting", pairs: 812, elapsedMs: 40 }
 */
export type Progress = ProgressEvent & {
  readonly phase: "score" | "select" | "timetable" | "bound" | "improve" | "exact" | "compact" | "verify" | "done";
  readonly elapsedMs: number;
  /** Set when something fell back that the user should hear about at once (the exact solver failed: the search's agenda is kept). */
  readonly warning?: true;
};

/**
 * Options of the stop scheduler.
 * @example { minMeetings: 1, allowRepeats: false }
 */
export interface ScheduleOptions {
  /** `K` of the objective's second level. Default 1. */
  readonly minMeetings?: number;
  /**
   * Balance meetings across firms (the objective's third level, before the
   * score): no firm gets a (j+1)-th meeting that a firm with fewer than j
   * could have in its place. Default true; false maximises the score alone
   * after levels 1–2 (the balance level is then 0).
   */
  readonly balance?: boolean;
  /** Allow pairs from `history` to meet again. Default false. */
  readonly allowRepeats?: boolean;
  /** Built-in affinity weights. Default `DEFAULT_WEIGHTS`. */
  readonly weights?: AffinityWeights;
  /**
   * Extra points for a pair on top of its affinity (e.g. a season fairness
   * bonus); shown as a `season` part. Never makes a zero-score pair eligible.
   */
  readonly bonus?: (firm: Firm, delegation: Delegation) => number;
  /**
   * Pairs that may not meet at this stop, whatever their score (a meeting the
   * organiser cancelled on the day): blocked as `avoided`.
   * @example [{ firmId: "F0017", delegationId: "US-CG" }]
   */
  readonly excluded?: readonly { readonly firmId: string; readonly delegationId: string }[];
  /**
   * Under windows, stop improving once levels 1–2 reach their bound and the
   * score is within this fraction of its bound; 0 searches to the end.
   * Default 0.0001 (0.01 %), or 0.001 (0.1 %) on days with more than 250,000
   * (pair, common slot) candidates, where the last hundredths of a percent
   * cost seconds (a 2,000-firm day with narrow windows: 10.6 s against 1.6 s).
   */
  readonly gapTolerance?: number;
  /** Wall-clock budget for improvement; the best agenda so far is returned. */
  readonly timeLimitMs?: number;
  /** Called now and then during long solves. */
  readonly onProgress?: (progress: Progress) => void;
  /** Clock used for elapsed times (injected to keep the core pure). Default `performance.now`. */
  readonly now?: () => number;
  /**
   * An exact MILP solver (the CLI passes HiGHS). Under windows, when the search
   * leaves a level short of its bound on a model small enough, the stop's
   * time-indexed integer model is solved level by level from the search's
   * agenda; a better agenda is kept and the solver's proven bounds tighten
   * the reported ones. Absent: the search's agenda as it is.
   */
  readonly exact?: ExactSolver;
}

/**
 * A maximisation MILP in compressed sparse rows, every column with lower bound 0.
 * @example { columns: 2, cost: [3, 2], upper: [1, 1], integer: [1, 1], rowStarts: [0, 2], rowIndex: [0, 1], rowValue: [1, 1], rowLower: [-Infinity], rowUpper: [1] }
 */
export interface ExactProgram {
  readonly columns: number;
  /** Objective coefficient of each column (maximised). */
  readonly cost: Float64Array;
  readonly upper: Float64Array;
  /** 1 where the column is integer. */
  readonly integer: Uint8Array;
  /** Row r's entries are `rowIndex[k]`, `rowValue[k]` for k in `rowStarts[r]` … `rowStarts[r + 1] − 1`. */
  readonly rowStarts: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
  /** Row activity bounds; ±Infinity where open. */
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
}

/**
 * Limits of one exact solve. `nodes` is the work budget (branch-and-bound
 * nodes), so a solve that stops there gives the same answer on any machine;
 * `timeLimitMs` is what is left of the run's time limit.
 * @example { nodes: 2000, timeLimitMs: 41000, relativeGap: 0.0001, absoluteGap: 0.999 }
 */
export interface ExactLimits {
  readonly nodes: number;
  readonly timeLimitMs: number;
  /** Stop once the incumbent is within this fraction of the bound… */
  readonly relativeGap: number;
  /** …or within this much (0.999 on integer levels: the bound rounded down is then met). */
  readonly absoluteGap: number;
  /** A second work budget, when set: the solver's LP iterations (simplex), which bound the root's cuts too. */
  readonly lpIterations?: number;
}

/**
 * What an exact solve returned: `optimal` (within the gaps asked), `limit`
 * (node budget spent), `timedout`, `infeasible` or `failed` (the solver threw
 * or gave up; `message` says why). `values` are the best columns found, if any.
 * @example { status: "optimal", values: Float64Array [1, 0], bound: 3 }
 */
export interface ExactOutcome {
  readonly status: "optimal" | "limit" | "timedout" | "infeasible" | "failed";
  readonly values: Float64Array | null;
  /** Proven upper bound on the objective, when the solver gives one. */
  readonly bound: number | null;
  /** Branch-and-bound nodes explored, when the solver tells (for progress). */
  readonly nodes?: number;
  readonly message?: string;
}

/**
 * A synchronous MILP solver for the exact polish. `start` is a feasible
 * solution to start from (every column).
 * @example { name: "HiGHS 1.15.3", solve: (program, start, limits) => ({ status: "optimal", values, bound }) }
 */
export interface ExactSolver {
  readonly name: string;
  solve(program: ExactProgram, start: Float64Array | null, limits: ExactLimits): ExactOutcome;
}

/**
 * One scheduled meeting.
 * @example { slot: 3, table: 2, delegationId: "US-CG", firmId: "F0001", score: 70 }
 */
export interface Meeting {
  readonly slot: number;
  readonly table: number;
  readonly delegationId: string;
  readonly firmId: string;
  readonly score: number;
  /**
   * The parts `score` is the sum of, as the pair was scored for this plan
   * (sector fit, targets, market, must, external score, season bonus): the
   * organiser's `why`, carried so that nobody scores the pair again.
   */
  readonly parts: readonly ScorePart[];
}

/** Why a firm got fewer than K meetings, or a `must` was not met. */
export type UnmatchedReason =
  | "not-present"
  | "no-eligible-delegation"
  | "capacity"
  | "avoided"
  | "met-before"
  | "max-meetings";

/**
 * A firm under-served (fewer than K meetings), or a `must` not met (`country` set).
 * @example { firmId: "F0007", country: "US", reason: "capacity", meetings: 1 }
 */
export interface Unmatched {
  readonly firmId: string;
  /** Set for an unmet `must` request. */
  readonly country: CountryCode | null;
  readonly reason: UnmatchedReason;
  /** Meetings the firm has. */
  readonly meetings: number;
}

/**
 * Values of the objective's four levels, in priority order.
 * @example { musts: 3, served: 118, balance: 1630, score: 5120.5 }
 */
export interface ObjectiveLevels {
  /**
   * Re-planning only (absent otherwise): pairs of the previous agenda that lost
   * their slot or table and meet again elsewhere, the level above musts.
   */
  readonly replaced?: number;
  /** `must` requests met. */
  readonly musts: number;
  /** Σ over firms of min(meetings, K). */
  readonly served: number;
  /**
   * Σ over firms of Σ_{j ≤ meetings} (top + 1 − j), `top` the most meetings any
   * firm could hold: a firm's j-th meeting is worth more than any firm's
   * (j+1)-th, so meetings spread evenly (0 with `balance: false`).
   */
  readonly balance: number;
  /** Total score of the meetings. */
  readonly score: number;
}

/** `optimal`: proven best; `feasible`: valid, gap to the bound reported; `timedout`: the budget ran out first. */
export type ScheduleStatus = "optimal" | "feasible" | "timedout";

/**
 * Numbers about a solve.
 * @example { levels, bounds, optimal: true, gapPercent: 0, elapsedMs: 42, requestedMusts: 4, registeredFirms: 120 }
 */
export interface ScheduleStats {
  readonly levels: ObjectiveLevels;
  /** Upper bound on each level (each valid on its own). */
  readonly bounds: ObjectiveLevels;
  readonly optimal: boolean;
  /** 100 × (bound − score) / bound on the score level, given levels 1–2. */
  readonly gapPercent: number;
  readonly elapsedMs: number;
  readonly requestedMusts: number;
  readonly registeredFirms: number;
  readonly servedFirms: number;
  /**
   * What balance costs: the best score after levels 1–2 alone, without the
   * balance level (exact without windows, an upper bound with them). Set when
   * balance is on and the extra selection is cheap (at most 50,000 eligible pairs:
   * about a tenth of a second since the flow sends the most valuable units first).
   */
  readonly unbalancedScore?: number;
  /** Idle gaps (maximal runs of free slots between a participant's first and last meeting) of firms and delegations. */
  readonly gaps?: Gaps;
}

/**
 * Idle gaps of a day: maximal runs of slots without a meeting between a
 * participant's first and last meeting (a break between slots is not a gap).
 * @example { firms: 3, firmIdleSlots: 5, delegations: 12, delegationIdleSlots: 30 }
 */
export interface Gaps {
  readonly firms: number;
  readonly firmIdleSlots: number;
  readonly delegations: number;
  readonly delegationIdleSlots: number;
}

/**
 * A delegation's fixed tables for the whole session.
 * @example { delegationId: "US-CG", tables: [1, 2] }
 */
export interface TableAssignment {
  readonly delegationId: string;
  readonly tables: readonly number[];
}

/**
 * The result of planning one stop. Always returned, even when not optimal.
 * @example { status: "optimal", stop, slots, tables, meetings, unmatched, stats }
 */
export interface Schedule {
  readonly status: ScheduleStatus;
  readonly stop: Stop;
  readonly slots: readonly Slot[];
  readonly tables: readonly TableAssignment[];
  /** Sorted by slot, then table. */
  readonly meetings: readonly Meeting[];
  readonly unmatched: readonly Unmatched[];
  readonly stats: ScheduleStats;
}

/** Hard-rule codes of the spec (1–5) plus structural checks of an agenda. */
export type ViolationCode =
  | "firm-capacity"
  | "delegation-capacity"
  | "repeated-pair"
  | "firm-absent"
  | "delegation-absent"
  | "in-break"
  | "avoided-pair"
  | "zero-score"
  | "max-meetings"
  | "met-before"
  | "unknown-slot"
  | "unknown-firm"
  | "unknown-delegation"
  | "table-clash"
  | "wrong-table";

/**
 * The values a violation names, for a caller to word it in its own
 * language: the participants, the slot or table, how many meetings there are
 * (`count`) against how many are allowed (`limit`).
 * @example { firm: "F0001", slot: 3, count: 2, limit: 1 }
 */
export interface ViolationParams {
  readonly firm?: string;
  readonly delegation?: string;
  readonly stop?: string;
  readonly slot?: number;
  /** The number of slots of the stop (`unknown-slot`). */
  readonly slots?: number;
  readonly table?: number;
  /** A delegation's own tables, comma-separated (`wrong-table`). */
  readonly tables?: string;
  /** The delegation whose table another one meets at (`wrong-table`). */
  readonly owner?: string;
  readonly count?: number;
  readonly limit?: number;
}

/**
 * One broken rule in an agenda, as data: the rule's `code`, the values it names
 * (`params`) and `meetings`, indexes into the checked list. The core writes no
 * sentence: a caller words it in its own language from the code and the params
 * (the CLI's catalogue does, `violation.<code>`).
 * @example { code: "firm-capacity", params: { firm: "F0001", count: 2, slot: 3, limit: 1 }, meetings: [4, 9] }
 */
export interface Violation {
  readonly code: ViolationCode;
  readonly params: ViolationParams;
  readonly meetings: readonly number[];
}

// Re-planning

/**
 * Options of `replanStop`: those of the scheduler, plus how the previous agenda may change.
 * @example { minMeetings: 1, allowMoves: false, locked: [] }
 */
export interface ReplanOptions extends ScheduleOptions {
  /**
   * Still-valid meetings keep their firm and delegation but may change slot or
   * table where that gains a level above the score (re-placed pairs, musts,
   * firms served); fewer moves come right after firms served. Default false.
   */
  readonly allowMoves?: boolean;
  /** Meetings that stay exactly as they are even with `allowMoves` (the studio's locks); each must obey every rule. */
  readonly locked?: readonly Pick<Meeting, "slot" | "table" | "delegationId" | "firmId">[];
}

/** What happened to a firm–delegation meeting between the previous agenda and the re-plan. */
export type MeetingChangeKind = "cancelled" | "moved" | "table-changed" | "new";

/** Why a meeting changed. */
export type MeetingChangeReason =
  /** The participant is no longer at the stop. */
  | "firm-absent"
  | "delegation-absent"
  /** Its slot is outside the participant's (new) windows. */
  | "firm-window"
  | "delegation-window"
  /** Tables, representatives or `max_meetings` went down. */
  | "capacity"
  /** It sat at a table another delegation holds (a hand edit of the agenda): back to its own. */
  | "other-table"
  /** The pair may no longer meet: avoided, met before, zero score, a repeat. */
  | "rule"
  /** A new meeting of a firm or delegation without any meeting in the previous agenda. */
  | "walk-in"
  /** A new meeting of someone already on the previous agenda. */
  | "freed-capacity"
  /** Moved by `allowMoves` (or by a lock) to gain a higher level. */
  | "improvement";

/**
 * One change of one firm–delegation pair.
 * @example { kind: "moved", firmId: "F0001", delegationId: "US-CG", before: { slot: 2, table: 5 },
 *   after: { slot: 9, table: 5 }, reason: "delegation-window" }
 */
export interface MeetingChange {
  readonly kind: MeetingChangeKind;
  readonly firmId: string;
  readonly delegationId: string;
  /** `null` for "new". */
  readonly before: { readonly slot: number; readonly table: number } | null;
  /** `null` for "cancelled". */
  readonly after: { readonly slot: number; readonly table: number } | null;
  readonly reason: MeetingChangeReason;
}

/**
 * Numbers about a re-plan.
 * @example { previous: 150, unchanged: 141, lostPairs: 6, replaced: 6, replacedBound: 6, moves: 0,
 *   notifiedFirms: ["F0003"], notifiedDelegations: ["US-CG"] }
 */
export interface ReplanStats {
  /** Meetings in the previous agenda. */
  readonly previous: number;
  /** Kept with the same firm, delegation, slot and table. */
  readonly unchanged: number;
  /** Previous pairs still allowed to meet whose slot or table became invalid. */
  readonly lostPairs: number;
  /** Of those, re-placed at another time or table (the objective's top level). */
  readonly replaced: number;
  /** Upper bound on `replaced`. */
  readonly replacedBound: number;
  /** Still-valid meetings moved (only with `allowMoves`). */
  readonly moves: number;
  /** Firms whose day changed, sorted. */
  readonly notifiedFirms: readonly string[];
  /** Delegations whose day changed, sorted. */
  readonly notifiedDelegations: readonly string[];
}

/**
 * The result of re-planning a stop around the agenda sent before.
 * @example { schedule, changes: [{ kind: "new", firmId: "F0301", … }], stats }
 */
export interface Replan {
  /** As `planStop`'s; its status, bounds and gap are those of the levels with the kept meetings fixed. */
  readonly schedule: Schedule;
  /** Sorted by firm id, then delegation id. */
  readonly changes: readonly MeetingChange[];
  readonly stats: ReplanStats;
}

// The day at the desk: check-ins, no-shows and standby refills

/**
 * A participant (firm or delegation) checked in at the reception, at a local time of day.
 * @example { kind: "checkin", participantId: "F0001", at: 830 } // 13:50
 */
export interface CheckIn {
  readonly kind: "checkin";
  readonly participantId: string;
  readonly at: TimeOfDay;
}

/**
 * A participant that did not turn up for its meetings of one slot (1-based):
 * those meetings do not happen and their table-slots are freed.
 * @example { kind: "noshow", participantId: "US-CG", slot: 3 }
 */
export interface NoShow {
  readonly kind: "noshow";
  readonly participantId: string;
  readonly slot: number;
}

/** One thing the reception recorded. */
export type DeskEvent = CheckIn | NoShow;

/**
 * What the reception recorded at one stop so far, in the order recorded (a
 * check-in after a no-show says the participant is back). Absences and
 * windows are not here: they are stop changes (`applyChanges`), already in
 * the instance.
 * @example { events: [{ kind: "checkin", participantId: "F0001", at: 830 }, { kind: "noshow", participantId: "F0007", slot: 2 }] }
 */
export interface DeskRecord {
  readonly events: readonly DeskEvent[];
  /**
   * Meetings taken back on the day (cancelled, or declined by a participant):
   * they do not happen, their table-slots are freed and the pair is not paired again.
   */
  readonly cancelled?: readonly { readonly firmId: string; readonly delegationId: string }[];
}

/**
 * A table-slot of a delegation whose meeting does not happen (a participant
 * absent, gone, or a no-show) and that its delegation can still use.
 * @example { delegationId: "US-CG", table: 2, slot: 5 }
 */
export interface FreedTable {
  readonly delegationId: string;
  readonly table: number;
  readonly slot: number;
}

/**
 * The standby refill of one slot (`refillSlot`): the new meetings, best under
 * the objective's levels among those the refill rule allows, and what they add
 * on each level. Nobody else is moved.
 * @example { slot: 5, freed: [{ delegationId: "US-CG", table: 2, slot: 5 }],
 *   meetings: [{ slot: 5, table: 2, delegationId: "US-CG", firmId: "F0031", score: 70, parts: [] }],
 *   gain: { musts: 0, served: 1, balance: 7, score: 70 }, candidates: { firms: 4, delegations: 1 } }
 */
export interface Refill {
  readonly slot: number;
  /** Every freed table-slot of the slot, by table. */
  readonly freed: readonly FreedTable[];
  /** The proposed meetings, sorted by table. */
  readonly meetings: readonly Meeting[];
  /** What the meetings add to each level of the objective (musts, firms served, balance, score). */
  readonly gain: ObjectiveLevels;
  /** Participants eligible in the slot under the rule (free, present, checked in when check-ins exist). */
  readonly candidates: { readonly firms: number; readonly delegations: number };
}

/** Where a meeting stands some months on, on b2match's scale. */
export type FollowUpOutcome = "no-contact" | "in-contact" | "negotiating" | "agreement";

/**
 * One participant's answer about one meeting (a row of `answers.csv`): a rating 1–5 and the outcome.
 * @example { stopId: "BS-2026-02", firmId: "F0001", delegationId: "US-CG", respondentId: "F0001", rating: 4, outcome: "in-contact" }
 */
export interface FollowUpAnswer {
  readonly stopId: string;
  readonly firmId: string;
  readonly delegationId: string;
  /** Who answered: the firm or the delegation of the meeting. */
  readonly respondentId: string;
  /** 1 (useless) to 5 (excellent); `null` when not given. */
  readonly rating: number | null;
  readonly outcome: FollowUpOutcome | null;
}
