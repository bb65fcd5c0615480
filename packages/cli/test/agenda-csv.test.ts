// agenda.csv's sequence column: 0 for a first agenda, kept for a meeting that stays, raised when it moves.
import { planStop } from "@roadshow/core";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { agendaCsv } from "../src/write/agenda-csv.js";
import { makeDelegation, makeFirm, makeInstance } from "../../core/test/builders.js";

const instance = makeInstance({
  delegations: [makeDelegation({ id: "US-CG" })],
  firms: [makeFirm({ id: "F1" }), makeFirm({ id: "F2" })],
  scores: [
    { firmId: "F1", delegationId: "US-CG", score: 5 },
    { firmId: "F2", delegationId: "US-CG", score: 3 },
  ],
});
const schedule = planStop(instance);
const sequences = (previous: Parameters<typeof agendaCsv>[5]) =>
  (parse(agendaCsv(schedule, instance.firms, instance.delegations, { excel: false }, "en", previous), { columns: true }) as Record<string, string>[])
    .map((r) => [r.firm_id, r.sequence]);

describe("agenda.csv sequence", () => {
  it("is 0 for a first agenda, kept when a meeting stays, raised when it moves", () => {
    const [a, b] = schedule.meetings;
    expect(sequences([])).toEqual([[a!.firmId, "0"], [b!.firmId, "0"]]);
    const stopId = schedule.stop.id;
    expect(
      sequences([
        { stopId, firmId: a!.firmId, delegationId: a!.delegationId, slot: a!.slot, table: a!.table, sequence: 3 },
        { stopId, firmId: b!.firmId, delegationId: b!.delegationId, slot: b!.slot + 1, table: b!.table, sequence: 3 },
      ]),
    ).toEqual([[a!.firmId, "3"], [b!.firmId, "4"]]);
  });
});
