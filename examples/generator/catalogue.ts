/** The fixed part of the example: the nine stops and the delegations. */

/** Minutes after local midnight of an `HH:MM`. */
export function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

/** `HH:MM` of minutes after midnight. */
export function hhmm(time: number): string {
  return `${String(Math.floor(time / 60)).padStart(2, "0")}:${String(time % 60).padStart(2, "0")}`;
}

export interface Window {
  readonly start: number;
  readonly end: number;
}

export interface StopRow {
  readonly id: string;
  readonly city: string;
  readonly date: string;
  readonly sector: string;
  readonly start: string;
  readonly end: string;
  readonly slotMinutes: number;
  readonly gapMinutes: number;
  readonly breaks: string;
  readonly timezone: string;
}

const ROME = "Europe/Rome";

/** In date order; the first is the demo stop. MN-2026-10 is on purpose the Sunday clocks go back. */
export const STOPS: readonly StopRow[] = [
  { id: "BS-2026-02", city: "Brescia", date: "2026-02-25", sector: "advanced-manufacturing", start: "14:00", end: "18:00", slotMinutes: 20, gapMinutes: 0, breaks: "15:40-16:00", timezone: ROME },
  { id: "BG-2026-03", city: "Bergamo", date: "2026-03-18", sector: "mechanics", start: "14:00", end: "18:00", slotMinutes: 20, gapMinutes: 0, breaks: "15:40-16:00", timezone: ROME },
  { id: "MB-2026-05", city: "Monza", date: "2026-05-14", sector: "tech-innovation", start: "09:30", end: "13:00", slotMinutes: 25, gapMinutes: 5, breaks: "11:00-11:15", timezone: ROME },
  { id: "PV-2026-06", city: "Pavia", date: "2026-06-09", sector: "ai", start: "14:30", end: "18:30", slotMinutes: 25, gapMinutes: 5, breaks: "16:00-16:20", timezone: ROME },
  { id: "VA-2026-07", city: "Varese", date: "2026-07-08", sector: "aerospace", start: "14:00", end: "18:00", slotMinutes: 30, gapMinutes: 0, breaks: "16:00-16:15", timezone: ROME },
  { id: "MI-2026-09", city: "Milano", date: "2026-09-17", sector: "fashion", start: "09:30", end: "13:00", slotMinutes: 20, gapMinutes: 5, breaks: "11:10-11:30", timezone: ROME },
  { id: "MN-2026-10", city: "Mantova", date: "2026-10-25", sector: "energy", start: "14:00", end: "17:30", slotMinutes: 30, gapMinutes: 0, breaks: "", timezone: ROME },
  { id: "CO-2027-01", city: "Como", date: "2027-01-19", sector: "technical-textiles", start: "14:00", end: "18:00", slotMinutes: 25, gapMinutes: 5, breaks: "15:30-15:50", timezone: ROME },
  { id: "CR-2027-05", city: "Cremona", date: "2027-05-12", sector: "construction", start: "09:30", end: "11:30", slotMinutes: 30, gapMinutes: 0, breaks: "", timezone: ROME },
];

/**
 * Late-season stops with more registered firms than meetings they can hold (late.ts fills them):
 * five delegations travel to Como in January; Cremona has a two-hour morning session and six.
 */
export const SCARCE_STOPS: readonly string[] = ["CO-2027-01", "CR-2027-05"];

export interface DelegationRow {
  readonly id: string;
  readonly country: string;
  readonly name: string;
  /** Empty: every stop. */
  readonly stops: readonly string[];
  readonly tables: number;
  readonly sectors: readonly string[];
  /** `HH:MM-HH:MM|…`, or empty for the whole session. */
  readonly available: string;
}

export const DELEGATIONS: readonly DelegationRow[] = [
  { id: "US-CG", country: "US", name: "Consolato Generale degli Stati Uniti", stops: [], tables: 2, sectors: ["aerospace", "ai", "tech-innovation", "energy"], available: "" },
  { id: "US-AMCHAM", country: "US", name: "American Chamber of Commerce in Italy", stops: ["BS-2026-02", "BG-2026-03", "PV-2026-06", "VA-2026-07", "MI-2026-09"], tables: 1, sectors: ["advanced-manufacturing", "mechanics", "fashion"], available: "" },
  { id: "DE-AHK", country: "DE", name: "Camera di Commercio Italo-Germanica", stops: [], tables: 2, sectors: ["mechanics", "advanced-manufacturing", "energy", "construction"], available: "" },
  { id: "DE-CG", country: "DE", name: "Consolato Generale della Repubblica Federale di Germania", stops: ["BS-2026-02", "BG-2026-03", "VA-2026-07", "CO-2027-01"], tables: 1, sectors: ["mechanics", "aerospace", "technical-textiles"], available: "14:00-16:00" },
  { id: "IN-CG", country: "IN", name: "Consolato Generale dell'India", stops: ["BS-2026-02", "MB-2026-05", "PV-2026-06", "MN-2026-10"], tables: 1, sectors: ["ai", "tech-innovation", "energy", "construction"], available: "" },
  { id: "AE-CG", country: "AE", name: "Consolato Generale degli Emirati Arabi Uniti", stops: ["BS-2026-02", "MB-2026-05", "VA-2026-07", "MI-2026-09", "MN-2026-10", "CR-2027-05"], tables: 1, sectors: ["construction", "energy", "aerospace", "fashion"], available: "" },
  { id: "FR-BF", country: "FR", name: "Business France", stops: [], tables: 2, sectors: ["fashion", "technical-textiles", "aerospace", "ai"], available: "" },
  { id: "FR-CCI", country: "FR", name: "Camera di Commercio Francese in Italia", stops: ["BS-2026-02", "BG-2026-03", "MI-2026-09", "CR-2027-05"], tables: 1, sectors: ["advanced-manufacturing", "construction", "fashion"], available: "" },
  { id: "CA-TCS", country: "CA", name: "Consolato Generale del Canada - Servizio Delegati Commerciali", stops: ["BS-2026-02", "PV-2026-06", "VA-2026-07", "MN-2026-10"], tables: 1, sectors: ["ai", "aerospace", "energy"], available: "15:00-17:30" },
  { id: "BR-CG", country: "BR", name: "Consolato Generale del Brasile", stops: ["BG-2026-03", "MI-2026-09", "MN-2026-10"], tables: 1, sectors: ["energy", "construction", "mechanics"], available: "" },
  { id: "ES-ICEX", country: "ES", name: "ICEX España - Ufficio Economico e Commerciale di Spagna", stops: ["BS-2026-02", "BG-2026-03", "MB-2026-05", "MI-2026-09", "MN-2026-10", "CR-2027-05"], tables: 1, sectors: ["energy", "construction", "advanced-manufacturing"], available: "" },
  { id: "ES-CCE", country: "ES", name: "Camera di Commercio Spagnola in Italia", stops: ["MI-2026-09", "CO-2027-01"], tables: 1, sectors: ["fashion", "technical-textiles"], available: "" },
  { id: "CN-CG", country: "CN", name: "Consolato Generale della Repubblica Popolare Cinese", stops: ["BS-2026-02", "BG-2026-03", "PV-2026-06", "MI-2026-09"], tables: 1, sectors: ["fashion", "advanced-manufacturing", "ai"], available: "" },
  { id: "CN-CCPIT", country: "CN", name: "CCPIT - Consiglio Cinese per la Promozione del Commercio Internazionale", stops: ["MB-2026-05", "VA-2026-07", "MN-2026-10"], tables: 2, sectors: ["tech-innovation", "energy", "construction"], available: "" },
  { id: "SA-MISA", country: "SA", name: "Ministero degli Investimenti dell'Arabia Saudita", stops: ["BS-2026-02", "VA-2026-07", "MN-2026-10"], tables: 1, sectors: ["energy", "construction", "aerospace"], available: "14:30-17:30" },
];

/** The stops a delegation attends. */
export function delegationStops(d: DelegationRow): readonly string[] {
  return d.stops.length === 0 ? STOPS.map((s) => s.id) : d.stops;
}

/** How popular each delegation country is as a firm's target (US and DE lead, SA and BR are rare). */
export const TARGET_POPULARITY = {
  US: 30, DE: 24, FR: 11, AE: 8, CN: 8, IN: 7, CA: 6, ES: 5, BR: 2.5, SA: 2,
} as const;

/** Where Lombard firms already export: the delegation countries and a few common others. */
export const MARKET_POPULARITY = {
  DE: 20, FR: 18, ES: 10, US: 10, CH: 14, AT: 8, GB: 8, PL: 6, NL: 5, BE: 4, CN: 3, AE: 2, TR: 3, MX: 2,
} as const;

/** Sectors that go together: a firm's second sector is drawn from its primary's row. */
export const RELATED_SECTORS: Readonly<Record<string, readonly string[]>> = {
  "advanced-manufacturing": ["mechanics", "tech-innovation", "aerospace", "energy"],
  "tech-innovation": ["ai", "advanced-manufacturing", "energy"],
  ai: ["tech-innovation", "advanced-manufacturing"],
  mechanics: ["advanced-manufacturing", "aerospace", "energy", "construction"],
  aerospace: ["mechanics", "advanced-manufacturing", "technical-textiles"],
  energy: ["construction", "tech-innovation", "mechanics"],
  fashion: ["technical-textiles"],
  "technical-textiles": ["fashion", "aerospace", "construction"],
  construction: ["energy", "mechanics", "technical-textiles"],
};
