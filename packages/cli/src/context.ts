// The outside world a command may touch (streams, environment, colours) and the options every command shares.
import type { Lang } from "./text/i18n.js";
import type { InputIssue } from "./issues.js";

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Colours on stderr/stdout. */
  readonly color: boolean;
}

/** Options every command shares. */
export interface Common {
  readonly lang: Lang;
  readonly format: "text" | "json";
}

/** Issues that did not stop the run, shown once. */
export type Warnings = readonly InputIssue[];
