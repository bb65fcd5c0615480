/**
 * A file a command produced, by its path under the output folder: the one type
 * the renderers return and the output transaction writes. Renderers make text;
 * a file copied as it was (a re-plan's unchanged agenda) is bytes.
 * @example { path: "firms/F0001.csv", content: "slot,start,end,..." }
 */
export interface OutputFile<Content extends string | Uint8Array = string> {
  /** Relative, `/`-separated. */
  readonly path: string;
  readonly content: Content;
}
