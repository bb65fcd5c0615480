import { DateTime } from "luxon";
import { sectorLabel } from "@roadshow/core";
import type { CountryCode, SectorCode } from "@roadshow/core";

/** The languages the CLI speaks. */
export type Lang = "it" | "en";

/** The languages with texts of their own; any other language gets English texts. */
export const TEXT_LANGS: readonly Lang[] = ["it", "en"];

/**
 * A participant's language: a BCP 47 tag ICU has data for (`it`, `en`, `de`, `pt-BR`).
 * Country names and dates follow it; texts are in `textLang(language)`.
 */
export type Language = string;

/**
 * The language of the texts for a participant's language: itself when roadshow has
 * texts in it, English otherwise.
 * @example textLang("it-CH") // "it"; textLang("de") // "en"
 */
export function textLang(language: Language): Lang {
  const primary = language.split("-")[0]!.toLowerCase();
  return (TEXT_LANGS as readonly string[]).includes(primary) ? (primary as Lang) : "en";
}

/** `it` when the environment's `LANG` starts with `it` (e.g. `it_IT.UTF-8`), else `en`. */
export function defaultLang(env: string | undefined): Lang {
  return env?.toLowerCase().startsWith("it") ? "it" : "en";
}

/**
 * The English catalogue is the reference: its keys are the message keys and its
 * `{name}` placeholders type the parameters of `t`. Add a key here and in `IT`.
 */
const EN = {
  "event.title": "Roadshow {city}: {sector}",
  "participant.firm": "Firm",
  "participant.delegation": "Delegation",
  "col.time": "Time",
  "col.table": "Table",
  "col.firm": "Firm",
  "col.delegation": "Delegation",
  "col.country": "Country",
  "col.reason": "Reason",
  "col.meetings": "Meetings",
  "table.n": "Table {n}",
  "row.free": "Free",
  "row.break": "Break",
  "row.absent": "Not present",
  "agendas.title": "Agendas",
  "agenda.count": "Meetings: {count}",
  "agenda.none": "No meetings scheduled.",
  "agenda.times": "Times are local ({zone}).",
  "agenda.place": "Venue: {place}",
  "agenda.contact": "Contact: {contact}",
  "status.meeting": "meeting",
  "status.free": "free",
  "status.absent": "absent",
  "status.break": "break",
  "grid.title": "Venue grid",
  "grid.legend": "Empty cell: table free. Dash: delegation not present.",
  "grid.part": "tables {first}–{last} (sheet {page} of {pages})",
  "cli.error": "error",
  "cli.warning": "warning",
  "cli.written": "{count} files written to {out}",
  "cli.scored": "{count} pairs scored for {stop} → {out}",
  "cli.inputsValid": "{dir}: inputs are valid ({stops} stops, {delegations} delegations, {firms} firms)",
  "cli.agendaValid": "{file}: {count} meetings obey every hard rule",
  "checkin.title": "Check-in",
  "checkin.firms": "Firms, A–Z ({count})",
  "checkin.delegations": "Delegations ({count})",
  "checkin.times": "Meetings (time and table)",
  "checkin.meeting": "{time} table {table}",
  "checkin.none": "no meetings",
  "col.arrived": "Arrived",
  "col.tables": "Tables",
  "summary.title": "Summary",
  "summary.meetings": "Meetings scheduled: {count}",
  "summary.served": "Firms with at least one meeting: {served} of {registered}",
  "summary.musts": "Must requests met: {met} of {requested}",
  "summary.score": "Total score: {score}",
  "summary.status": "Result: {status}",
  "summary.bound": "Upper bound on the score: {bound}",
  "summary.gap": "Gap to the bound: {gap}%",
  "summary.time": "Time: {ms} ms",
  "summary.perFirm": "Firms by number of meetings: {list}",
  "summary.balanceCost": "Balance costs {percent}% of the score (best score without balance: {score})",
  "summary.gaps": "Idle gaps between meetings: firms {firms} ({firmSlots} free slots), delegations {delegations} ({delegationSlots})",
  "progress.render": "rendering agendas, calendars and pages",
  "progress.write": "writing {count} files into {out}",
  "summary.byCountry": "Meetings per country",
  "summary.histogram": "Firms by number of meetings",
  "summary.utilisation": "Table utilisation per slot",
  "summary.unmatched": "Under-served firms and unmet requests",
  "summary.noUnmatched": "Every firm got its meetings and every request was met.",
  "summary.unmatchedFirm": "{firm}: {meetings} meetings ({reason})",
  "summary.unmetMust": "{firm}, must {country}: {reason}",
  "chart.firms": "firms",
  "chart.meetings": "meetings",
  "chart.percent": "% of tables in use",
  "status.optimal": "optimal (proven best)",
  "status.feasible": "feasible (gap to the bound reported)",
  "status.timedout": "time limit reached (best agenda found so far)",
  "reason.not-present": "not present at the same time as an eligible delegation",
  "reason.no-eligible-delegation": "no eligible delegation at this stop",
  "reason.capacity": "tables and time slots all taken",
  "reason.avoided": "excluded by an organiser request (avoid)",
  "reason.met-before": "already met at an earlier stop",
  "reason.max-meetings": "reached its maximum number of meetings",
  "ics.summary": "Meeting: {counterpart}",
  "ics.cancelled": "Cancelled: {counterpart}",
  "ics.location": "{place}, table {table}",
  "ics.description": "{event}\nMeeting with {counterpart}.\n{place}, table {table}, {time}.",
  "ics.sectors": "Sectors: {sectors}",
  "ics.website": "Website: {website}",
  "ics.contact": "Contact: {contact}",
  "ics.calendar": "{name}: {event}",
  "mail.subject": "{event}, {date}: your agenda",
  "mail.greeting": "Dear {name},",
  "mail.greeting.organisation": "Dear {name},",
  "mail.intro": "here is your agenda for {event} on {date}.",
  "mail.venue": "Venue: {venue}",
  "mail.meetings.one": "You have 1 meeting; the calendar invitation adds it to your calendar.",
  "mail.meetings.many": "You have {count} meetings; the calendar invitation adds them to your calendar.",
  "mail.meeting": "{time}  table {table}  {counterpart}",
  "mail.cancelled.heading": "Cancelled since the previous agenda:",
  "mail.cancelled": "{time}  {counterpart}",
  "mail.times": "Times are local ({zone}).",
  "mail.closing": "Kind regards,",
  "mail.cli.wouldWrite": "would write",
  "mail.cli.wouldSend": "would send",
  "mail.cli.alreadySent": "already sent",
  "mail.cli.dryRun": "{count} message(s), {skipped} participant(s) skipped; dry run: nothing written or sent",
  "mail.cli.written": "{count} message(s) in {out} ({written} written), {skipped} participant(s) skipped",
  "mail.cli.skipped.noEmail": "skipped {kind} {id} ({name}): no email in {file}; add one in its email column",
  "mail.cli.skipped.nothing": "skipped {kind} {id} ({name}): no meeting to announce or cancel",
  "mail.cli.skipped.notAtStop": "skipped {kind} {id} ({name}): named by --changes, but neither registered for the stop nor in the agenda",
  "mail.cli.skipped.nothingHint": "skipped {kind} {id} ({name}): no meeting to announce; give --previous <the agenda sent before> to mail its cancellations",
  "mail.cli.sending": "sending through {server}",
  "mail.cli.progress": "sent {n}/{total} {who}",
  "mail.cli.refusedOne": "refused {who}: {reason}",
  "mail.cli.sent": "sent {sent}, already sent before {before} ({journal})",
  "mail.cli.failed": "the mail server failed while sending to {who}: {reason}\nSent {sent} message(s) in this run and {before} before ({journal} lists them); {left} not sent. Run the same command again to send the rest: nothing is sent twice.",
  "mail.cli.refused": "the mail server refused {count} message(s):\n{list}\nFix the addresses and run again; the {sent} sent are not sent again.",
  "mail.cli.noStop": "{agenda} has no meeting of stop {stop} (it holds {stops}); give the agenda of --stop {stop}",
  "why.stop-sector.primary": "sector: {sector} = stop sector (+{points})",
  "why.stop-sector.secondary": "secondary sector: {sector} = stop sector (+{points})",
  "why.delegation-sector.primary": "sector: {sector} = delegation priority (+{points})",
  "why.delegation-sector.secondary": "secondary sector: {sector} = delegation priority (+{points})",
  "why.target": "target #{rank} {country} (+{points})",
  "why.market": "already exports to {country} (+{points})",
  "why.must": "organiser request: meet {country} (+{points})",
  "why.external": "score from scores.csv (+{points})",
  "why.season": "season fairness bonus (+{points})",
  "why.none": "no sector fit and no interest in this country",
  "explain.title": "{firm} ({id}) at {city}, {date}: {sector}",
  "explain.meetings": "Meetings: {count} (maximum {max}, representatives {representatives})",
  "explain.meetings.noMax": "Meetings: {count} (no maximum, representatives {representatives})",
  "explain.delegation": "{id}  {name} ({country}): score {score}",
  "explain.scheduled": "scheduled: slot {slot}, {start}-{end}, table {table}",
  "explain.avoided": "not scheduled: excluded by an organiser request (avoid)",
  "explain.met-before": "not scheduled: they already met at an earlier stop",
  "explain.zero-score": "not scheduled: score 0, no sector fit and no interest in this country",
  "explain.not-present-together": "not scheduled: never present at the same time",
  "explain.firm-full.cap": "not scheduled: the firm reached its maximum of {max} meetings",
  "explain.firm-full.busy": "not scheduled: the firm was in other meetings in every slot when both were present ({slots})",
  "explain.delegation-full": "not scheduled: the delegation's tables were all taken in every slot when both were present ({slots})",
  "explain.lower-score": "not scheduled: in the slots when the delegation had a free table ({slots}) the firm was in meetings chosen over this one; at the other times the tables were taken",
  "explain.not-reached": "not scheduled: both were free in slot {slot} ({time}); the search stopped at its time limit before using it",
  "explain.preferred.must": "lowest score preferred: {score} ({who}: a must request of the organiser)",
  "explain.preferred.min-meetings.one": "lowest score preferred: {score} ({who}: that firm had no other meeting)",
  "explain.preferred.min-meetings.many": "lowest score preferred: {score} ({who}: that firm had at most {k} meetings)",
  "explain.preferred.higher-score": "lowest score preferred: {score} ({who}; this pair: {own})",
  "explain.preferred.total": "lowest score preferred: {score} ({who}: better for the total score of the agenda)",
  "explain.who.own": "its meeting with {delegation}",
  "explain.who.other": "{firm} with {delegation}",
  "season.title": "Season",
  "season.stops": "{planned} stops planned, {frozen} frozen",
  "season.season": "season",
  "season.independent": "independent",
  "season.written": "* written to the output folder",
  "season.measure.meetings": "Meetings",
  "season.measure.firmCountries": "Distinct firm–country pairs",
  "season.measure.pairs": "Distinct firm–delegation pairs",
  "season.measure.firms": "Firms registered",
  "season.measure.firmsWithoutMeeting": "Firms without any meeting",
  "season.measure.repeats": "Pairs meeting more than once",
  "season.measure.unmet": "Countries asked for and never met",
  "season.measure.time": "Time",
  "season.files": "Report: {dir}/season.csv, season-firms.csv, season-countries.csv, season-unmet.csv, season-summary.csv",
  "season.unmet.not-at-same-stop": "never at the same stop as a delegation of that country",
  "season.unmet.not-present": "never present at the same time as a delegation of that country",
  "season.unmet.no-eligible-delegation": "no delegation of that country can meet it (score 0)",
  "season.unmet.capacity": "the tables of that country were full at every stop it attended",
  "season.unmet.avoided": "excluded by an organiser request (avoid)",
  "season.unmet.met-before": "met those delegations before the season",
  "season.unmet.max-meetings": "reached its maximum number of meetings at every such stop",
  "season.held": "Meetings held (outcomes.csv, {stops}): {held} of {meetings} ({percent} %); per firm and country in season-held.csv",
  "violation.unknown-firm": "{firm} is not a firm registered for {stop}",
  "violation.unknown-delegation": "{delegation} is not a delegation at {stop}",
  "violation.unknown-slot": "slot {slot} is not one of 1..{slots}",
  "violation.firm-absent": "{firm} × {delegation} in slot {slot}: the firm is not present then",
  "violation.delegation-absent": "{firm} × {delegation} in slot {slot}: the delegation is not present then",
  "violation.avoided-pair": "{firm} × {delegation} in slot {slot}: the pair is marked avoid",
  "violation.zero-score": "{firm} × {delegation} in slot {slot}: the pair's score is 0",
  "violation.met-before": "{firm} × {delegation} in slot {slot}: they already met at an earlier stop",
  "violation.in-break": "{firm} × {delegation} in slot {slot}: the slot overlaps a break",
  "violation.firm-capacity": "{firm} has {count} meetings in slot {slot} (representatives {limit})",
  "violation.delegation-capacity": "{delegation} has {count} meetings in slot {slot} (tables {limit})",
  "violation.repeated-pair": "{firm} meets {delegation} {count} times",
  "violation.max-meetings": "{firm} has {count} meetings (max_meetings {limit})",
  "violation.table-clash": "table {table} holds {count} meetings in slot {slot}",
  "violation.wrong-table": "{delegation} uses tables {tables} but keeps {limit} table(s) of its own all session",
  "validate.violations": "{count} violation(s) in {meetings} meetings",
  "validate.unread": "; {errors} problem(s) in the file itself (above), its other rows checked",
  "season.warn.frozenEmpty": "--frozen {file} holds no meetings, so it names no stop; ignored",
  "season.warn.fromIgnores": "--from {from} re-plans {stops}; their --frozen agendas are ignored",
  "season.warn.heldBreaks": "the held agenda of {stop} breaks {count} rule(s), e.g. {code}: {message}",
  "season.warn.strays": "{count} outcome(s) of outcomes.csv name a meeting that is not on its stop's agenda, e.g. {list}; they count for nothing",
} as const;

export type MessageKey = keyof typeof EN;

const IT: { readonly [K in MessageKey]: string } = {
  "event.title": "Roadshow {city}: {sector}",
  "participant.firm": "Impresa",
  "participant.delegation": "Delegazione",
  "col.time": "Orario",
  "col.table": "Tavolo",
  "col.firm": "Impresa",
  "col.delegation": "Delegazione",
  "col.country": "Paese",
  "col.reason": "Motivo",
  "col.meetings": "Incontri",
  "table.n": "Tavolo {n}",
  "row.free": "Libero",
  "row.break": "Pausa",
  "row.absent": "Non presente",
  "agendas.title": "Agende",
  "agenda.count": "Incontri: {count}",
  "agenda.none": "Nessun incontro in programma.",
  "agenda.times": "Orari locali ({zone}).",
  "agenda.place": "Sede: {place}",
  "agenda.contact": "Referente: {contact}",
  "status.meeting": "incontro",
  "status.free": "libero",
  "status.absent": "assente",
  "status.break": "pausa",
  "grid.title": "Griglia della sala",
  "grid.legend": "Casella vuota: tavolo libero. Trattino: delegazione non presente.",
  "grid.part": "tavoli {first}–{last} (foglio {page} di {pages})",
  "cli.error": "errore",
  "cli.warning": "avviso",
  "cli.written": "{count} file scritti in {out}",
  "cli.scored": "{count} coppie valutate per {stop} → {out}",
  "cli.inputsValid": "{dir}: i file di ingresso sono validi ({stops} tappe, {delegations} delegazioni, {firms} imprese)",
  "cli.agendaValid": "{file}: {count} incontri rispettano ogni regola",
  "checkin.title": "Accoglienza",
  "checkin.firms": "Imprese, A–Z ({count})",
  "checkin.delegations": "Delegazioni ({count})",
  "checkin.times": "Incontri (orario e tavolo)",
  "checkin.meeting": "{time} tavolo {table}",
  "checkin.none": "nessun incontro",
  "col.arrived": "Arrivato",
  "col.tables": "Tavoli",
  "summary.title": "Riepilogo",
  "summary.meetings": "Incontri in programma: {count}",
  "summary.served": "Imprese con almeno un incontro: {served} su {registered}",
  "summary.musts": "Richieste obbligatorie soddisfatte: {met} su {requested}",
  "summary.score": "Punteggio totale: {score}",
  "summary.status": "Esito: {status}",
  "summary.bound": "Limite superiore del punteggio: {bound}",
  "summary.gap": "Distanza dal limite: {gap}%",
  "summary.time": "Tempo: {ms} ms",
  "summary.perFirm": "Imprese per numero di incontri: {list}",
  "summary.balanceCost": "L'equilibrio costa il {percent}% del punteggio (punteggio migliore senza equilibrio: {score})",
  "summary.gaps": "Pause tra un incontro e l'altro: imprese {firms} ({firmSlots} fasce libere), delegazioni {delegations} ({delegationSlots})",
  "progress.render": "preparazione di agende, calendari e pagine",
  "progress.write": "scrittura di {count} file in {out}",
  "summary.byCountry": "Incontri per paese",
  "summary.histogram": "Imprese per numero di incontri",
  "summary.utilisation": "Utilizzo dei tavoli per fascia oraria",
  "summary.unmatched": "Imprese con pochi incontri e richieste non soddisfatte",
  "summary.noUnmatched": "Ogni impresa ha i suoi incontri e ogni richiesta è soddisfatta.",
  "summary.unmatchedFirm": "{firm}: {meetings} incontri ({reason})",
  "summary.unmetMust": "{firm}, obbligatorio {country}: {reason}",
  "chart.firms": "imprese",
  "chart.meetings": "incontri",
  "chart.percent": "% di tavoli occupati",
  "status.optimal": "ottimo (dimostrato)",
  "status.feasible": "ammissibile (distanza dal limite indicata)",
  "status.timedout": "tempo esaurito (migliore agenda trovata finora)",
  "reason.not-present": "non presente negli stessi orari di una delegazione compatibile",
  "reason.no-eligible-delegation": "nessuna delegazione compatibile in questa tappa",
  "reason.capacity": "tavoli e fasce orarie tutti occupati",
  "reason.avoided": "escluso da una richiesta dell'organizzatore (avoid)",
  "reason.met-before": "già incontrata in una tappa precedente",
  "reason.max-meetings": "raggiunto il numero massimo di incontri",
  "ics.summary": "Incontro: {counterpart}",
  "ics.cancelled": "Annullato: {counterpart}",
  "ics.location": "{place}, tavolo {table}",
  "ics.description": "{event}\nIncontro con {counterpart}.\n{place}, tavolo {table}, ore {time}.",
  "ics.sectors": "Settori: {sectors}",
  "ics.website": "Sito web: {website}",
  "ics.contact": "Referente: {contact}",
  "ics.calendar": "{name}: {event}",
  "mail.subject": "{event}, {date}: la sua agenda",
  "mail.greeting": "Gentile {name},",
  "mail.greeting.organisation": "Spett.le {name},",
  "mail.intro": "ecco la sua agenda per {event}, {date}.",
  "mail.venue": "Sede: {venue}",
  "mail.meetings.one": "Ha 1 incontro; l'invito allegato lo aggiunge al suo calendario.",
  "mail.meetings.many": "Ha {count} incontri; l'invito allegato li aggiunge al suo calendario.",
  "mail.meeting": "{time}  tavolo {table}  {counterpart}",
  "mail.cancelled.heading": "Annullati rispetto all'agenda precedente:",
  "mail.cancelled": "{time}  {counterpart}",
  "mail.times": "Orari locali ({zone}).",
  "mail.closing": "Cordiali saluti,",
  "mail.cli.wouldWrite": "da scrivere",
  "mail.cli.wouldSend": "da inviare",
  "mail.cli.alreadySent": "già inviato",
  "mail.cli.dryRun": "{count} messaggi, {skipped} partecipanti esclusi; prova: nulla è stato scritto né inviato",
  "mail.cli.written": "{count} messaggi in {out} ({written} scritti), {skipped} partecipanti esclusi",
  "mail.cli.skipped.noEmail": "escluso {kind} {id} ({name}): nessuna email in {file}; aggiungerla nella colonna email",
  "mail.cli.skipped.nothing": "escluso {kind} {id} ({name}): nessun incontro da annunciare o annullare",
  "mail.cli.skipped.notAtStop": "escluso {kind} {id} ({name}): indicato da --changes, ma né iscritto alla tappa né nell'agenda",
  "mail.cli.skipped.nothingHint": "escluso {kind} {id} ({name}): nessun incontro da annunciare; indicare --previous <l'agenda inviata prima> per inviare gli annullamenti",
  "mail.cli.sending": "invio tramite {server}",
  "mail.cli.progress": "inviato {n}/{total} {who}",
  "mail.cli.refusedOne": "rifiutato {who}: {reason}",
  "mail.cli.sent": "inviati {sent}, già inviati prima {before} ({journal})",
  "mail.cli.failed": "il server di posta ha dato errore durante l'invio a {who}: {reason}\nInviati {sent} messaggi in questa esecuzione e {before} prima (elencati in {journal}); {left} non inviati. Eseguire di nuovo lo stesso comando per inviare gli altri: nessun messaggio viene inviato due volte.",
  "mail.cli.refused": "il server di posta ha rifiutato {count} messaggi:\n{list}\nCorreggere gli indirizzi ed eseguire di nuovo; i {sent} già inviati non vengono inviati di nuovo.",
  "mail.cli.noStop": "{agenda} non ha incontri della tappa {stop} (contiene {stops}); indicare l'agenda di --stop {stop}",
  "why.stop-sector.primary": "settore: {sector} = settore della tappa (+{points})",
  "why.stop-sector.secondary": "settore secondario: {sector} = settore della tappa (+{points})",
  "why.delegation-sector.primary": "settore: {sector} = priorità della delegazione (+{points})",
  "why.delegation-sector.secondary": "settore secondario: {sector} = priorità della delegazione (+{points})",
  "why.target": "obiettivo n. {rank} {country} (+{points})",
  "why.market": "mercato già servito: {country} (+{points})",
  "why.must": "richiesta dell'organizzatore: incontrare {country} (+{points})",
  "why.external": "punteggio da scores.csv (+{points})",
  "why.season": "bonus di equità della stagione (+{points})",
  "why.none": "nessuna affinità di settore e nessun interesse per il paese",
  "explain.title": "{firm} ({id}) alla tappa di {city}, {date}: {sector}",
  "explain.meetings": "Incontri: {count} (massimo {max}, rappresentanti {representatives})",
  "explain.meetings.noMax": "Incontri: {count} (nessun massimo, rappresentanti {representatives})",
  "explain.delegation": "{id}  {name} ({country}): punteggio {score}",
  "explain.scheduled": "in agenda: fascia {slot}, {start}-{end}, tavolo {table}",
  "explain.avoided": "non in agenda: esclusa da una richiesta dell'organizzatore (avoid)",
  "explain.met-before": "non in agenda: si sono già incontrate in una tappa precedente",
  "explain.zero-score": "non in agenda: punteggio 0, nessuna affinità di settore e nessun interesse per il paese",
  "explain.not-present-together": "non in agenda: mai presenti negli stessi orari",
  "explain.firm-full.cap": "non in agenda: l'impresa ha raggiunto il massimo di {max} incontri",
  "explain.firm-full.busy": "non in agenda: l'impresa era impegnata in altri incontri in ogni fascia in cui erano presenti entrambe ({slots})",
  "explain.delegation-full": "non in agenda: i tavoli della delegazione erano tutti occupati in ogni fascia in cui erano presenti entrambe ({slots})",
  "explain.lower-score": "non in agenda: nelle fasce in cui la delegazione aveva un tavolo libero ({slots}) l'impresa era in incontri preferiti a questo; negli altri orari i tavoli erano occupati",
  "explain.not-reached": "non in agenda: entrambe erano libere nella fascia {slot} ({time}); la ricerca si è fermata al limite di tempo prima di usarla",
  "explain.preferred.must": "punteggio più basso preferito: {score} ({who}: una richiesta obbligatoria dell'organizzatore)",
  "explain.preferred.min-meetings.one": "punteggio più basso preferito: {score} ({who}: quell'impresa non aveva altri incontri)",
  "explain.preferred.min-meetings.many": "punteggio più basso preferito: {score} ({who}: quell'impresa aveva al più {k} incontri)",
  "explain.preferred.higher-score": "punteggio più basso preferito: {score} ({who}; questa coppia: {own})",
  "explain.preferred.total": "punteggio più basso preferito: {score} ({who}: migliore per il punteggio totale dell'agenda)",
  "explain.who.own": "il suo incontro con {delegation}",
  "explain.who.other": "{firm} con {delegation}",
  "season.title": "Stagione",
  "season.stops": "{planned} tappe pianificate, {frozen} già svolte",
  "season.season": "stagione",
  "season.independent": "indipendente",
  "season.written": "* scritta nella cartella di uscita",
  "season.measure.meetings": "Incontri",
  "season.measure.firmCountries": "Coppie impresa–paese distinte",
  "season.measure.pairs": "Coppie impresa–delegazione distinte",
  "season.measure.firms": "Imprese iscritte",
  "season.measure.firmsWithoutMeeting": "Imprese senza alcun incontro",
  "season.measure.repeats": "Coppie che si incontrano più volte",
  "season.measure.unmet": "Paesi richiesti e mai incontrati",
  "season.measure.time": "Tempo",
  "season.files": "Rapporto: {dir}/season.csv, season-firms.csv, season-countries.csv, season-unmet.csv, season-summary.csv",
  "season.unmet.not-at-same-stop": "mai nella stessa tappa di una delegazione di quel paese",
  "season.unmet.not-present": "mai presente negli stessi orari di una delegazione di quel paese",
  "season.unmet.no-eligible-delegation": "nessuna delegazione di quel paese può incontrarla (punteggio 0)",
  "season.unmet.capacity": "i tavoli di quel paese erano pieni in ogni tappa a cui ha partecipato",
  "season.unmet.avoided": "escluso da una richiesta dell'organizzatore (avoid)",
  "season.unmet.met-before": "ha già incontrato quelle delegazioni prima della stagione",
  "season.unmet.max-meetings": "ha raggiunto il numero massimo di incontri in ognuna di quelle tappe",
  "season.held": "Incontri avvenuti (outcomes.csv, {stops}): {held} su {meetings} ({percent} %); per impresa e paese in season-held.csv",
  "violation.unknown-firm": "{firm} non è un'impresa iscritta a {stop}",
  "violation.unknown-delegation": "{delegation} non è una delegazione presente a {stop}",
  "violation.unknown-slot": "la fascia {slot} non è tra 1..{slots}",
  "violation.firm-absent": "{firm} × {delegation} nella fascia {slot}: l'impresa non è presente in quell'orario",
  "violation.delegation-absent": "{firm} × {delegation} nella fascia {slot}: la delegazione non è presente in quell'orario",
  "violation.avoided-pair": "{firm} × {delegation} nella fascia {slot}: la coppia è esclusa (avoid)",
  "violation.zero-score": "{firm} × {delegation} nella fascia {slot}: il punteggio della coppia è 0",
  "violation.met-before": "{firm} × {delegation} nella fascia {slot}: si sono già incontrate in una tappa precedente",
  "violation.in-break": "{firm} × {delegation} nella fascia {slot}: la fascia cade in una pausa",
  "violation.firm-capacity": "{firm} ha {count} incontri nella fascia {slot} (rappresentanti {limit})",
  "violation.delegation-capacity": "{delegation} ha {count} incontri nella fascia {slot} (tavoli {limit})",
  "violation.repeated-pair": "{firm} incontra {delegation} {count} volte",
  "violation.max-meetings": "{firm} ha {count} incontri (max_meetings {limit})",
  "violation.table-clash": "il tavolo {table} ospita {count} incontri nella fascia {slot}",
  "violation.wrong-table": "{delegation} usa i tavoli {tables} ma ne ha {limit} propri per tutta la sessione",
  "validate.violations": "{count} violazioni in {meetings} incontri",
  "validate.unread": "; {errors} problemi nel file stesso (sopra), le altre righe sono state controllate",
  "season.warn.frozenEmpty": "--frozen {file} non contiene incontri, quindi non indica alcuna tappa; ignorato",
  "season.warn.fromIgnores": "--from {from} ripianifica {stops}; le loro agende --frozen sono ignorate",
  "season.warn.heldBreaks": "l'agenda svolta di {stop} viola {count} regole, ad es. {code}: {message}",
  "season.warn.strays": "{count} esiti di outcomes.csv indicano un incontro che non è nell'agenda della sua tappa, ad es. {list}; non contano",
};

const CATALOGUE: Readonly<Record<Lang, { readonly [K in MessageKey]: string }>> = { en: EN, it: IT };

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The parameters a message takes, from its `{name}` placeholders. */
export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<(typeof EN)[K]>]: string | number };

type ParamArgs<K extends MessageKey> = [Placeholders<(typeof EN)[K]>] extends [never] ? [] : [params: MessageParams<K>];

/**
 * A human text in the given language.
 * @example t("it", "table.n", { n: 3 }) // "Tavolo 3"
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: ParamArgs<K>): string {
  const params: Readonly<Record<string, string | number>> = args[0] ?? {};
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Every message key, for tests and tooling. */
export const MESSAGE_KEYS = Object.keys(EN) as readonly MessageKey[];

/** The raw template of a message (for checking that both languages use the same placeholders). */
export function template(lang: Lang, key: MessageKey): string {
  return CATALOGUE[lang][key];
}

/** The BCP 47 locale used for dates and numbers (British English: day-month order, 24-hour clock). */
export const LOCALE: Readonly<Record<Lang, string>> = { it: "it-IT", en: "en-GB" };

/** The ICU locale of a language: `it` → `it-IT`, `en` → `en-GB`, any other tag as it is. */
export function localeOf(language: Language): string {
  return Object.hasOwn(LOCALE, language) ? LOCALE[language as Lang] : language;
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name from ICU (`Intl.DisplayNames`) in any language; the code itself when ICU does not know it. */
export function countryName(code: CountryCode, lang: Language): string {
  // Asked once per meeting on every agenda and calendar: each (language, code) is looked up once.
  const key = `${lang}|${code}`;
  let name = countryNames.get(key);
  if (name === undefined) countryNames.set(key, (name = lookupCountry(code, lang)));
  return name;
}

const countryNames = new Map<string, string>();

function lookupCountry(code: CountryCode, lang: Language): string {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([localeOf(lang)], { type: "region", fallback: "code" });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A sector's label (the slug when unknown). */
export function sectorName(code: SectorCode, lang: Lang): string {
  return sectorLabel(code, lang);
}

/**
 * A stop date with its weekday, in the stop's zone.
 * @example formatDate("2026-03-18", "Europe/Rome", "it") // "mercoledì 18 marzo 2026"
 */
export function formatDate(date: string, zone: string, lang: Language): string {
  // Every page and calendar of a stop asks for the same date: formatted once per (date, zone, language).
  const key = `${date}|${zone}|${lang}`;
  let text = formattedDates.get(key);
  if (text === undefined) formattedDates.set(key, (text = formatDateOnce(date, zone, lang)));
  return text;
}

const formattedDates = new Map<string, string>();

function formatDateOnce(date: string, zone: string, lang: Language): string {
  return DateTime.fromISO(date, { zone }).setLocale(localeOf(lang)).toLocaleString({
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/** A number with at most `digits` decimals, in the language's convention (`1.234,5` / `1,234.5`). */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  // Building a formatter costs far more than using one: an agenda formats thousands of numbers.
  const key = `${lang}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
