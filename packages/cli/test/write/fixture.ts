// Export test fixtures: small stops and schedules (an afternoon, the DST night, many tables) built in code.
import { buildSlots } from "@roadshow/core";
import type { Delegation, Firm, Meeting, Schedule, Stop, TableAssignment, Unmatched } from "@roadshow/core";
import type { ExportInput } from "../../src/write/exports.js";
import { makeDelegation as coreDelegation, makeFirm as coreFirm, makeStop as coreStop } from "../../../core/test/builders.js";

/** The core's test builders, with the export tests' defaults: a 14:00–18:00 session with a coffee break. */
export function makeStop(over: Partial<Stop> = {}): Stop {
  return coreStop({ end: 18 * 60, breaks: [{ start: 15 * 60 + 40, end: 16 * 60 }], ...over });
}

export function makeFirm(id: string, over: Partial<Firm> = {}): Firm {
  return coreFirm({ id, ...over });
}

export function makeDelegation(id: string, country: string, over: Partial<Delegation> = {}): Delegation {
  return coreDelegation({ id, country, ...over });
}

type M = readonly [slot: number, table: number, delegationId: string, firmId: string, score?: number];

/** A schedule over `stop`, tables handed out to attending delegations in id order, with the given meetings. */
export function makeSchedule(
  stop: Stop,
  delegations: readonly Delegation[],
  meetings: readonly M[],
  unmatched: readonly Unmatched[] = [],
): Schedule {
  let next = 1;
  const tables: TableAssignment[] = delegations
    .filter((d) => d.stops === null || d.stops.includes(stop.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((d) => ({ delegationId: d.id, tables: Array.from({ length: d.tables }, () => next++) }));
  const list: Meeting[] = meetings.map(([slot, table, delegationId, firmId, score = 50]) => ({
    slot,
    table,
    delegationId,
    firmId,
    score,
    parts: [],
  }));
  const levels = { musts: 1, served: 0, balance: 0, score: list.reduce((s, m) => s + m.score, 0) };
  return {
    status: "feasible",
    stop,
    slots: buildSlots(stop),
    tables,
    meetings: list,
    unmatched,
    stats: {
      levels,
      bounds: levels,
      optimal: false,
      gapPercent: 1.5,
      elapsedMs: 10,
      requestedMusts: 2,
      registeredFirms: 6,
      servedFirms: 4,
    },
  };
}

/** Bergamo, an ordinary afternoon: 11 slots around a break, 4 delegations on 5 tables, tricky names. */
export function bergamo(): ExportInput {
  const stop = makeStop();
  const delegations = [
    makeDelegation("US-CG", "US", { name: "Consolato Generale degli Stati Uniti", tables: 2 }),
    makeDelegation("DE-KONS", "DE", { name: "Generalkonsulat; Mailand, \\ \"Büro\"" }),
    makeDelegation("IN-CG", "IN", { name: "Consulate General of India", available: [{ start: 16 * 60, end: 18 * 60 }] }),
    makeDelegation("FR-BF", "FR", { name: "Business France", stops: ["MI-2026-10"] }),
  ];
  const firms = [
    makeFirm("F0001", { name: "Rossi & Figli" }),
    makeFirm("F0002", { name: "<script>alert(1)</script>" }),
    makeFirm("F0003", { name: "Meccanica Orobica S.r.l." }),
    makeFirm("F0004", { name: "Due Rappresentanti S.p.A.", representatives: 2 }),
    makeFirm("F0005", { name: "Nessun Incontro Srl", available: [{ start: 14 * 60, end: 15 * 60 }] }),
    makeFirm("F0006", { name: "=SUM(A1)" }),
    makeFirm("F0007", { name: "Other Stop", stops: ["MI-2026-10"] }),
  ];
  // Tables: DE-KONS 1, IN-CG 2, US-CG 3-4 (FR-BF is not at this stop).
  const schedule = makeSchedule(
    stop,
    delegations,
    [
      [1, 1, "DE-KONS", "F0001", 70],
      [1, 3, "US-CG", "F0002", 42.125],
      [2, 1, "DE-KONS", "F0004"],
      [2, 3, "US-CG", "F0001"],
      [2, 4, "US-CG", "F0004"], // F0004 has two representatives
      [3, 3, "US-CG", "F0003"],
      [6, 1, "DE-KONS", "F0003"],
      [6, 2, "IN-CG", "F0001", 30],
      [6, 3, "US-CG", "F0006"],
      [7, 2, "IN-CG", "F0004"],
    ],
    [
      { firmId: "F0005", country: null, reason: "capacity", meetings: 0 },
      { firmId: "F0003", country: "IN", reason: "not-present", meetings: 1 },
    ],
  );
  const why = new Map([
    ["F0001|DE-KONS", "first target DE; sector mechanics"],
    ["F0002|US-CG", "line one\nline two, with; punctuation \\ backslash"],
  ]);
  return { schedule, firms, delegations, why };
}

/** Milan on the night clocks go back (2026-10-25, Europe/Rome): 01:00-04:00 is four real hours, 02:xx twice. */
export function dstNight(): ExportInput {
  const stop = makeStop({
    id: "MI-2026-10",
    city: "Milano",
    date: "2026-10-25",
    start: 60,
    end: 4 * 60,
    breaks: [],
  });
  const delegations = [makeDelegation("US-CG", "US", { tables: 2 }), makeDelegation("AE-CG", "AE")];
  const firms = Array.from({ length: 12 }, (_, i) => makeFirm(`F${i + 1}`, { stops: ["MI-2026-10"] }));
  // Tables: AE-CG 1, US-CG 2-3. Every slot has two meetings, each pair meets once.
  const meetings: M[] = [];
  for (let slot = 1; slot <= 12; slot++) {
    meetings.push([slot, 1, "AE-CG", `F${slot}`], [slot, 2, "US-CG", `F${(slot % 12) + 1}`]);
  }
  return { schedule: makeSchedule(stop, delegations, meetings), firms, delegations };
}

const LONG_NAMES = [
  "Camera di Commercio e dell'Industria Italo-Germanica",
  "Consolato Generale della Repubblica Federale di Germania",
  "Ufficio Commerciale dell'Ambasciata degli Emirati Arabi Uniti",
  "Trade Commissioner Service of Canada",
];

/** Bergamo's afternoon at full size: 20 delegations with one table each, 60 firms with long names. */
export function twentyTables(): ExportInput {
  const stop = makeStop();
  const countries = ["US", "DE", "IN", "AE", "FR", "CA", "BR", "ES", "CN", "SA"];
  const delegations = Array.from({ length: 20 }, (_, i) =>
    makeDelegation(`D${String(i + 1).padStart(2, "0")}`, countries[i % 10]!, {
      name: `${LONG_NAMES[i % 4]} ${i + 1}`,
      ...(i === 4 ? { available: [{ start: 16 * 60, end: 18 * 60 }] } : {}),
    }),
  );
  const firms = Array.from({ length: 60 }, (_, i) =>
    makeFirm(`F${String(i + 1).padStart(4, "0")}`, { name: `Officine Meccaniche Lombarde Riunite ${i + 1} S.r.l.` }),
  );
  const meetings: M[] = [];
  for (let slot = 1; slot <= buildSlots(stop).length; slot++) {
    for (let table = 1; table <= 20; table++) {
      if ((slot + table) % 5 === 0 || (table === 5 && slot < 6)) continue;
      // 7 is invertible mod 60: a firm meets a delegation at most once, and once per slot.
      meetings.push([slot, table, delegations[table - 1]!.id, firms[(table - 1 + 7 * slot) % 60]!.id]);
    }
  }
  return { schedule: makeSchedule(stop, delegations, meetings), firms, delegations };
}

/**
 * A large venue: 75 tables (50 delegations, 25 of them with two tables), 300 firms with long
 * names, every table busy in most slots; firms' names start with varied letters (some accented).
 */
export function seventyFiveTables(): ExportInput {
  const stop = makeStop();
  const countries = ["US", "DE", "IN", "AE", "FR", "CA", "BR", "ES", "CN", "SA"];
  const delegations = Array.from({ length: 50 }, (_, i) =>
    makeDelegation(`D${String(i + 1).padStart(2, "0")}`, countries[i % 10]!, { name: `${LONG_NAMES[i % 4]} ${i + 1}`, tables: i < 25 ? 2 : 1 }),
  );
  const starts = ["Officine Meccaniche", "Élite Tessuti", "Zanetti", "Acciaierie", "Öko Energia", "Bianchi Costruzioni"];
  const firms = Array.from({ length: 300 }, (_, i) =>
    makeFirm(`F${String(i + 1).padStart(4, "0")}`, { name: `${starts[i % starts.length]} Lombarde Riunite ${i + 1} S.r.l.` }),
  );
  const schedule0 = makeSchedule(stop, delegations, []);
  const owner = new Map(schedule0.tables.flatMap((a) => a.tables.map((n) => [n, a.delegationId] as const)));
  const meetings: M[] = [];
  for (let slot = 1; slot <= buildSlots(stop).length; slot++) {
    for (let table = 1; table <= 75; table++) {
      if ((slot + table) % 6 === 0) continue;
      // 77 is coprime with 300: within a slot every table gets a different firm.
      meetings.push([slot, table, owner.get(table)!, firms[(table * 4 + 77 * slot) % 300]!.id]);
    }
  }
  return { schedule: makeSchedule(stop, delegations, meetings), firms, delegations };
}
