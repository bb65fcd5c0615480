/** Writers of a `Milp` for the two peer solvers: CPLEX LP text and jsLPSolver JSON. */
import type { Milp } from "./model.js";

const TERMS_PER_LINE = 10;

function linear(cols: readonly number[], coefs: readonly number[], names: readonly string[]): string {
  const terms = cols.map((c, i) => {
    const a = coefs[i]!;
    return `${a < 0 ? "-" : "+"} ${Math.abs(a)} ${names[c]}`;
  });
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) lines.push(terms.slice(i, i + TERMS_PER_LINE).join(" "));
  return lines.join("\n   ");
}

/** CPLEX LP text (maximise), as HiGHS reads it. */
export function toLpText(milp: Milp): string {
  const names = milp.columns.map((c) => c.name);
  const objective = milp.columns.flatMap((c, i) => (c.cost !== 0 ? [i] : []));
  const out: string[] = ["Maximize"];
  // An objective with no terms still needs one to parse.
  out.push(objective.length > 0 ? ` obj: ${linear(objective, objective.map((i) => milp.columns[i]!.cost), names)}` : ` obj: 0 ${names[0] ?? "dummy"}`);
  out.push("Subject To");
  for (const row of milp.rows) {
    const lhs = linear(row.cols, row.coefs, names);
    if (row.lower !== -Infinity && row.upper !== Infinity) out.push(` ${row.name}: ${row.lower} <= ${lhs} <= ${row.upper}`);
    else if (row.upper !== Infinity) out.push(` ${row.name}: ${lhs} <= ${row.upper}`);
    else out.push(` ${row.name}: ${lhs} >= ${row.lower}`);
  }
  out.push("Bounds");
  for (const c of milp.columns) out.push(` 0 <= ${c.name} <= ${c.upper}`);
  const binaries = milp.columns.filter((c) => c.integer && c.upper === 1).map((c) => c.name);
  const generals = milp.columns.filter((c) => c.integer && c.upper !== 1).map((c) => c.name);
  if (binaries.length > 0) out.push("Binary", chunk(binaries));
  if (generals.length > 0) out.push("General", chunk(generals));
  out.push("End", "");
  return out.join("\n");
}

function chunk(names: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 20) lines.push(` ${names.slice(i, i + 20).join(" ")}`);
  return lines.join("\n");
}

/** jsLPSolver's JSON model: an `obj` attribute to maximise, rows as named constraints. */
export interface JsLpModel {
  readonly optimize: string;
  readonly opType: "max";
  readonly constraints: Record<string, { min?: number; max?: number }>;
  readonly variables: Record<string, Record<string, number>>;
  readonly ints: Record<string, 1>;
}

export function toJsLp(milp: Milp): JsLpModel {
  const constraints: JsLpModel["constraints"] = {};
  const variables: JsLpModel["variables"] = {};
  const ints: JsLpModel["ints"] = {};
  // `_obj` cannot clash with row names, which never start with an underscore.
  for (const c of milp.columns) {
    variables[c.name] = c.cost !== 0 ? { _obj: c.cost } : {};
    if (c.integer) ints[c.name] = 1;
    constraints[`_ub_${c.name}`] = { max: c.upper };
    variables[c.name]![`_ub_${c.name}`] = 1;
  }
  for (const row of milp.rows) {
    const bound: { min?: number; max?: number } = {};
    if (row.lower !== -Infinity) bound.min = row.lower;
    if (row.upper !== Infinity) bound.max = row.upper;
    constraints[row.name] = bound;
    row.cols.forEach((c, i) => {
      variables[milp.columns[c]!.name]![row.name] = row.coefs[i]!;
    });
  }
  return { optimize: "_obj", opType: "max", constraints, variables, ints };
}
