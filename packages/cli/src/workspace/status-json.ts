/** What `roadshow status --format json` prints for one stop (also what the studio's page reads): types only, no Node. */

/** One stop's status, as `--format json` prints it. */
export interface StopStatus {
  readonly stop_id: string;
  /** The latest version; 0 before the first `schedule`. */
  readonly current: number;
  readonly versions: readonly { version: number; kind: string; from: number | null; log_through: number; created_at: string; agenda: string; sent_to: number }[];
  readonly not_told: readonly string[];
  readonly not_told_participants: readonly { participant_kind: string; participant_id: string; last_sent_version: number | null }[];
  readonly sent: readonly { participant_kind: string; participant_id: string; version: number; sent_at: string; channel: string; address: string }[];
  readonly log: { readonly entries: number; readonly not_replanned: readonly { entry: number; kind: string; participant_id: string; value: string; in_effect: boolean }[] };
}
