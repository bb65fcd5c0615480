// Warnings for firms whose ATECO codes the core cannot map to a sector.
import { ATECO_SECTORS, firmSectors, unknownAteco } from "@roadshow/core";
import type { DataSet } from "./index.js";
import type { InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";

const MAPPED = [...new Set(ATECO_SECTORS.map((r) => r.prefix))].join(", ");

/**
 * Warnings for firms.csv: each ATECO code that maps to no roadshow sector
 * (`unknown-ateco`), once per firm and code. The data set keeps no line
 * numbers, so the firm is named in the message.
 */
export function atecoWarnings(data: DataSet): InputIssue[] {
  return data.firms.flatMap((firm) => {
    const unknown = unknownAteco(firm.ateco ?? []);
    const none = firmSectors(firm).length === 0;
    return unknown.map((code): InputIssue => {
      const message = said("input.unknown-ateco", { firm: firm.id, code, none: none ? "yes" : "no" });
      const hint = said("input.unknown-ateco.fix", { prefixes: MAPPED });
      return { severity: "warning", code: "unknown-ateco", file: "firms.csv", line: null, column: "ateco", value: code, message: message.en, hint: hint.en, said: { message, hint } };
    });
  });
}
