// The CLI's file checks catch everything the core's validateInstance refuses, and core issues map back to files and columns.
import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { InternalError, InvalidInstanceError, planStop, validateInstance, validateSeason, type StopInstance } from "@roadshow/core";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { parseDataSet, type DataFiles, type DataSet } from "../src/read/index.js";
import { toInputIssue } from "../src/read/instance-issues.js";
import { instanceOf } from "../src/read/load.js";
import { reportError } from "../src/main.js";
import { dataFiles, stopRow, validRows } from "./read/builders.js";
import { apply, mutation, type Mutation } from "./read/mutate.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");

const coreErrors = (data: DataSet) => [
  ...validateSeason({ ...data, history: [] }),
  ...data.stops.flatMap((stop) => validateInstance({ stop, ...data, history: [] })),
].filter((i) => i.severity === "error");

// Values aimed at the core's checks: times, dates, zones, lengths and capacities at and past their limits.
const EDGES = ["Mars/Base", "europe/rome", "UTC", "Etc/GMT+14", "2024-02-29", "2026-02-29", "0000-01-01", "9999-12-31", "00:00", "23:59", "24:00",
  "00:00-23:59", "14:00-14:00", "1440", "1439", "0", "-0", "1", "+1", "20.0", "100000", "14:00-15:00|14:30-16:00", "14:00-15:00|15:00-16:00"];
const edge: fc.Arbitrary<Mutation> = fc.tuple(
  fc.constant("set-cell"),
  fc.nat(2),
  fc.nat(1000),
  fc.nat(1000),
  fc.constantFrom(...EDGES),
  fc.constant(new Uint8Array([0])),
);

describe("core validation of what the CLI reads", () => {
  it("finds nothing wrong with the bundled example", async () => {
    const files: { -readonly [K in keyof DataFiles]: DataFiles[K] } = {};
    for (const kind of ["stops", "delegations", "firms", "requests"] as const) {
      files[kind] = { name: `${kind}.csv`, bytes: new Uint8Array(await readFile(path.join(EXAMPLE, `${kind}.csv`))) };
    }
    const { data } = parseDataSet(files);
    expect(data).not.toBeNull();
    expect(coreErrors(data!)).toEqual([]);
  });

  it("never refuses data the file checks accepted (mutated and edge-valued files)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(mutation, edge, edge), { minLength: 1, maxLength: 4 }), (mutations) => {
        const { data } = parseDataSet(apply(mutations));
        if (data === null) return;
        accepted++;
        expect(coreErrors(data)).toEqual([]);
      }),
      { seed: 16, numRuns: 400 },
    );
    // Not vacuous: a good share of the mutated data sets are accepted and checked by the core.
    expect(accepted).toBeGreaterThan(40);
  });
});

describe("core issues told in the files' terms", () => {
  const { data } = parseDataSet(dataFiles());

  it("maps a path to its file, column and record id", () => {
    const instance: StopInstance = { stop: data!.stops[0]!, ...data!, history: [] };
    const firm = instance.firms[1]!;
    const issue = toInputIssue({ severity: "error", code: "bad-max-meetings", path: ["firms", 1, "maxMeetings"], value: -1, params: {} }, instance);
    expect(issue).toMatchObject({ severity: "error", code: "bad-max-meetings", file: "firms.csv", line: null, column: "max_meetings", value: "-1" });
    expect(issue.message).toBe(`firm ${firm.id}: maxMeetings is a whole number, 0 or more, or null for no cap (firms[1].maxMeetings)`);
    expect(toInputIssue({ severity: "error", code: "bad-timezone", path: ["stop", "timezone"], value: "Mars/Base", params: {} }, instance)).toMatchObject({
      file: "stops.csv",
      column: "timezone",
      value: "Mars/Base",
      message: `stop ${instance.stop.id}: "Mars/Base" is not an IANA time zone (e.g. Europe/Rome) (stop.timezone)`,
      hint: "fix the value in the file; the input checks let it through, so please also report this to the roadshow maintainers",
    });
  });

  it("instanceOf turns a core refusal into an InputError naming the file", () => {
    const loaded = { data: { ...data!, stops: [{ ...data!.stops[0]!, timezone: "Mars/Base" }] }, history: [], warnings: [] };
    let thrown: unknown;
    try {
      instanceOf(loaded, loaded.data.stops[0]!);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).issues).toMatchObject([{ file: "stops.csv", column: "timezone", code: "bad-timezone" }]);
  });

  it("still accepts a stop row the file checks pass", () => {
    const rows = validRows();
    const { data: read } = parseDataSet(dataFiles({ stops: [stopRow({ timezone: "Pacific/Kiritimati", start: "00:00", end: "23:59", breaks: "" }), ...rows.stops.slice(1)] }));
    expect(read).not.toBeNull();
    expect(coreErrors(read!)).toEqual([]);
  });

  it("is an input error (exit 1), not an internal one, when the core refuses an instance", async () => {
    // A real InvalidInstanceError from the core, as main would meet it from any command.
    let error: unknown;
    try {
      planStop({ stop: { ...data!.stops[0]!, date: "2026-13-01" }, ...data!, history: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInstanceError);
    const issue = toInputIssue((error as InvalidInstanceError).issues[0]!);
    expect(issue).toMatchObject({ file: "stops.csv", column: "date", code: "bad-date" });
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => void err.push(t), env: {}, color: false };
    expect(reportError(error, io, "text")).toBe(1);
    expect(err.join("")).toMatch(/stops\.csv.*bad-date/s);
    expect(reportError(new InternalError("a broken invariant"), io, "text")).toBe(3);
    expect(err.at(-1)).toContain("internal error: a broken invariant");
  });
});
