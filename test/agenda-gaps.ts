/** Idle gaps of an agenda.csv counted from its rows alone, independently of the planner (for the summary tests). */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/** Gaps (runs of free slots between a participant's first and last meeting) and idle slots, counted from the rows alone. */
export function countGaps(agenda: string): { firms: number; firmSlots: number; delegations: number; delegationSlots: number } {
  const rows = parse(readFileSync(agenda), { columns: true, bom: true }) as Record<string, string>[];
  const busy = (column: string) => {
    const by = new Map<string, Set<number>>();
    for (const r of rows) by.set(r[column]!, (by.get(r[column]!) ?? new Set()).add(Number(r.slot)));
    let gaps = 0;
    let idle = 0;
    for (const slots of by.values()) {
      const sorted = [...slots].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) {
        const hole = sorted[i]! - sorted[i - 1]! - 1;
        if (hole > 0) {
          gaps++;
          idle += hole;
        }
      }
    }
    return { gaps, idle };
  };
  const f = busy("firm_id");
  const d = busy("delegation_id");
  return { firms: f.gaps, firmSlots: f.idle, delegations: d.gaps, delegationSlots: d.idle };
}

