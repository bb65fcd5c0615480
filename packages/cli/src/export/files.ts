/**
 * A file the exporter produced; the CLI writes it under the output folder.
 * @example { path: "firms/F0001.csv", content: "slot,start,end,..." }
 */
export interface OutputFile {
  /** Relative, `/`-separated. */
  readonly path: string;
  readonly content: string;
}
