/** The example's README, with the stops table measured from the generated data. */
import type { StopStats } from "./check.js";

/** The late season: the ids of the firms that joined late, and how many firms are registered for every scarce stop. */
export interface LateSeason {
  readonly joiners: string;
  readonly joinerCount: number;
  readonly atEveryScarceStop: number;
}

export function readme(
  stats: readonly StopStats[],
  counts: { firms: number; delegations: number; requests: string },
  late: LateSeason,
): string {
  const scarce = stats.filter((s) => s.firms > s.capacity);
  const scarceIds = scarce.map((s) => s.stop.id).join(" and ");
  const scarceList = scarce.map((s) =>
    `${s.stop.city} ${s.firms} firms for ${s.capacity} (${s.delegations} delegations, ${s.stop.start}–${s.stop.end})`).join(", ");
  const all = scarce.length === 2 ? "both" : "all of them";
  const scarceNote = `**${scarceIds} are the scarce stops**, with more firms than meetings: ${scarceList}. ` +
    `${late.atEveryScarceStop} firms are registered for ${all}: the ${late.joinerCount} that joined late (${late.joiners}, ` +
    `after their own sector's stop) and ${late.atEveryScarceStop - late.joinerCount} others. Planning each stop alone can ` +
    `leave such a firm without a meeting at ${all}, so without any all season; \`roadshow season\` serves first the ` +
    "firms with no meeting yet (compare `--independent`).";
  const rows = stats.map(({ stop: s, firms, delegations, tables, slots, capacity, wanted }) =>
    `| ${s.id} | ${s.city} | ${s.date} | ${s.sector} | ${s.start}–${s.end} | ${s.slotMinutes} | ${s.gapMinutes} | ${s.breaks || "–"} | ${firms} | ${delegations} | ${tables} | ${slots} | ${capacity} | ${wanted} |`);
  return `# Lombardia 2026–27: example roadshow

Nine sector stops of a Lombardy internationalisation roadshow, with the foreign
delegations that attend them and the firms that registered. It is the project's
demo and its end-to-end fixture.

**The data is fictional.** Firms, their names, sectors, targets and windows are
invented by a seeded generator; any resemblance to real firms is coincidental.
The delegations carry the names of the kinds of institutions that take part in
such roadshows (consulates, chambers of commerce, trade agencies), but their
attendance, tables, priorities and hours here are made up.

## Regenerate

\`\`\`sh
npx tsx examples/generate.ts
\`\`\`

The script (\`examples/generate.ts\`, Node built-ins only, mulberry32 with a fixed
seed) rewrites every file in this folder, this README included, byte for byte
the same on every run. The late season (below) draws from a second seeded
stream, so the earlier stops do not move when it changes. The script refuses
to write when a reference is broken (unknown stop, window outside a session,
request without a delegation of that country) or when a stop other than the
scarce ones is oversubscribed, or a scarce one is not.

## Files

| file | rows | holds |
|---|---|---|
| \`stops.csv\` | ${stats.length} | the stops: city, date, focus sector, session, slot length, changeover gap, coffee break |
| \`delegations.csv\` | ${counts.delegations} | consulates and trade offices: stops attended (empty = all), tables, priority sectors, partial hours |
| \`firms.csv\` | ${counts.firms} | registered firms: sectors (primary first), stops, target countries (by priority), current markets, hours, meeting cap, representatives |
| \`requests.csv\` | ${counts.requests} | organiser overrides: \`must\` meet / \`avoid\` a country |

Columns are exactly those of the CSV contract (\`formats.md\`): UTF-8, \`,\`
delimiter, RFC 4180 quoting (see \`Rossi, Bianchi & C. S.n.c.\` and
\`Officine "La Leonessa" S.r.l.\`), accented names (\`Società Agricola Brianzòla\`).

## Stops

| stop_id | city | date | sector | session | slot min | gap min | break | firms | delegations | tables | slots | capacity | wanted |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Firms and delegations are those registered for / attending the stop; tables are
the delegations' tables summed; slots follow the contract's slot rule. Capacity
is the meetings the delegations can hold (tables × the slots inside their
hours); wanted is, summed over firms, the delegations of their target countries
at the stop (capped by \`max_meetings\`). Every stop but the scarce ones has more
capacity than firms, so most firms can get at least one meeting there.

- **${stats[0]!.stop.id}** is the demo stop: demand is above capacity, US and German
  tables are oversubscribed, so which firm meets whom is a real choice.
${bullet(scarceNote)}
- **MN-2026-10 is on a Sunday on purpose**: 25 October 2026 is the day Europe/Rome
  goes back from CEST (+02:00) to CET (+01:00) at 03:00, so its slots are at +01:00
  while the same times a day earlier would be at +02:00. The session (14:00–17:30)
  does not itself cross the change.
- Some delegations attend only part of the session: DE-CG 14:00–16:00,
  CA-TCS 15:00–17:30, SA-MISA 14:30–17:30.
`;
}

/** A list item wrapped at 80 columns, continuation lines indented by two. */
function bullet(text: string): string {
  const lines = [""];
  for (const word of text.split(" ")) {
    const line = lines.at(-1)!;
    if (line !== "" && line.length + word.length + 3 > 80) lines.push(word);
    else lines[lines.length - 1] = line === "" ? word : `${line} ${word}`;
  }
  return lines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join("\n");
}
