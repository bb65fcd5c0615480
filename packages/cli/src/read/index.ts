// The input side's public surface: reading a data folder or an agenda into checked values with located issues.
export { readDataDir, readAgendaFile } from "./files.js";
export { parseDataSet, REQUIRED_FILES } from "./dataset.js";
export type { DataSet, DataFiles, DataFileKind } from "./dataset.js";
export { parseAgenda, historyFromAgendas } from "./agenda.js";
export type { AgendaRow } from "./agenda.js";
export type { InputFile } from "./table.js";
export { ISSUE_CODES } from "../issues.js";
export type { InputIssue, IssueCode, Severity } from "../issues.js";
export { isCountryCode } from "./countries.js";
export { MAX_FILE_BYTES, MAX_ROWS } from "./limits.js";
export { nearest } from "./suggest.js";
