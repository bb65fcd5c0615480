/**
 * The command line in Italian: commander's help and errors, and the CLI's own usage and
 * input-error sentences, translated where they are printed (the commands define them in English).
 */
import { Help } from "commander";
import type { Argument, Command, HelpConfiguration, Option } from "commander";
import type { Lang } from "./i18n.js";

/** Help texts (command, argument and option descriptions, defaults): English → Italian. Add a line per new text. */
export const HELP_IT: Readonly<Record<string, string>> = {
  // The program and its global options
  "Plans one-to-one B2B meetings for a business roadshow: who meets whom, when, at which table.":
    "Pianifica gli incontri B2B individuali di un roadshow: chi incontra chi, quando, a quale tavolo.",
  "language of texts": "lingua dei testi",
  "it if LANG starts with it, else en": "it se LANG inizia con it, altrimenti en",
  "how problems are printed": "come sono stampati i problemi",
  "display help for command": "mostra l'aiuto del comando",
  "output the version number": "mostra il numero di versione",
  // schedule
  "plan one stop: writes <out>/agenda.csv, unmatched.csv, participant agendas, grid, summary and calendars; prints a summary":
    "pianifica una tappa: scrive <out>/agenda.csv, unmatched.csv, le agende dei partecipanti, la griglia, il riepilogo e i calendari; stampa un riepilogo",
  "folder with stops.csv, delegations.csv, firms.csv (requests.csv, scores.csv optional)":
    "cartella con stops.csv, delegations.csv, firms.csv (requests.csv, scores.csv facoltativi)",
  "stop-specific changes: absent, present, late, fewer tables (default: <data-dir>/changes.csv if present)":
    "variazioni della tappa: assenti, presenti, in ritardo, meno tavoli (predefinito: <data-dir>/changes.csv se presente)",
  "meetings not held and follow-ups after a stop (default: <data-dir>/outcomes.csv if present)":
    "incontri non svolti e seguiti dopo una tappa (predefinito: <data-dir>/outcomes.csv se presente)",
  "affinity scores replacing the built-in ones (default: <data-dir>/scores.csv if present)":
    "punteggi di affinità al posto di quelli predefiniti (predefinito: <data-dir>/scores.csv se presente)",
  "must/avoid requests (default: <data-dir>/requests.csv if present)": "richieste must/avoid (predefinito: <data-dir>/requests.csv se presente)",
  "affinity weights (JSON object or CSV weight,value); missing names keep their defaults":
    "pesi dell'affinità (oggetto JSON o CSV weight,value); i nomi assenti mantengono il valore predefinito",
  "earlier agenda: pairs in it do not meet again (repeatable)": "agenda precedente: le sue coppie non si incontrano di nuovo (ripetibile)",
  "let pairs from history (and, in a season, from earlier stops) meet again":
    "permette alle coppie dello storico (e, in una stagione, delle tappe precedenti) di incontrarsi di nuovo",
  "K: give every firm that can be served K meetings (per stop) first": "K: dà prima K incontri (per tappa) a ogni impresa che si può servire",
  "do not balance meetings across firms: after musts and K, the highest total score alone": "non equilibrare gli incontri tra le imprese: dopo gli obbligatori e K, solo il punteggio totale più alto",
  "skip the exact polish (HiGHS) of stops with windows: the search's agenda as it is": "salta la rifinitura esatta (HiGHS) delle tappe con finestre di presenza: l'agenda della ricerca così com'è",
  "budget (per stop) for improving agendas under availability windows (default 60)":
    "tempo (per tappa) per migliorare le agende con finestre di disponibilità (predefinito 60)",
  "who sends the invitations: written as ORGANIZER on every calendar event (needed when the .ics files are mailed)":
    "chi invia gli inviti: scritto come ORGANIZER in ogni evento del calendario (necessario quando i file .ics sono spediti per posta)",
  "stop_id to plan": "stop_id da pianificare",
  "output folder": "cartella di uscita",
  "write CSVs the way Italian Excel opens them (BOM, ;, CRLF, decimal comma: 39,2)": "scrive i CSV come li apre Excel in italiano (BOM, ;, CRLF, virgola decimale: 39,2)",
  "also write agenda.xlsx: the agenda, every participant's meetings, unmatched and summary in one workbook":
    "scrive anche agenda.xlsx: l'agenda, gli incontri di ogni partecipante, le imprese non abbinate e il riepilogo in una cartella di lavoro",
  "also write season.xlsx (the season report) and each stop's agenda.xlsx": "scrive anche season.xlsx (il rapporto della stagione) e l'agenda.xlsx di ogni tappa",
  "the agenda sent before: calendars cancel the meetings dropped since": "l'agenda inviata prima: i calendari annullano gli incontri tolti da allora",
  "overwrite existing output files": "sovrascrive i file di uscita esistenti",
  // season
  "plan every stop in date order without repeated meetings: writes <out>/<stop_id>/ per stop and the season report":
    "pianifica ogni tappa in ordine di data senza incontri ripetuti: scrive <out>/<stop_id>/ per tappa e il rapporto della stagione",
  "re-plan from this stop onward; the stops before it come from --frozen": "ripianifica da questa tappa in poi; le tappe precedenti vengono da --frozen",
  "agenda already held: kept unchanged and counted as history (repeatable)": "agenda già svolta: mantenuta invariata e contata come storico (ripetibile)",
  "plan each stop alone (no season history, no fairness bonus), for comparison":
    "pianifica ogni tappa da sola (senza storico della stagione né equità), per confronto",
  "do not plan the other way for the side-by-side summary": "non pianifica nell'altro modo per il riepilogo affiancato",
  // score
  "write every firm × delegation score of a stop with its parts and a why sentence (scores.csv columns first)":
    "scrive il punteggio di ogni coppia impresa × delegazione di una tappa con le sue parti e una frase di motivazione (prima le colonne di scores.csv)",
  "folder with the input CSVs": "cartella con i CSV di ingresso",
  "stop_id to score": "stop_id da valutare",
  "file to write (default: print to stdout)": "file da scrivere (predefinito: stampa su stdout)",
  "external scores to show instead of the built-in ones": "punteggi esterni da mostrare al posto di quelli predefiniti",
  "stop-specific changes (default: <data-dir>/changes.csv if present)": "variazioni della tappa (predefinito: <data-dir>/changes.csv se presente)",
  "meeting outcomes (default: <data-dir>/outcomes.csv if present)": "esiti degli incontri (predefinito: <data-dir>/outcomes.csv se presente)",
  "overwrite an existing file": "sovrascrive un file esistente",
  // explain
  "plan one stop as schedule does and tell one firm, for every delegation, its score, its parts and why it was or was not scheduled":
    "pianifica una tappa come schedule e spiega per un'impresa, per ogni delegazione, il punteggio, le sue parti e perché l'incontro è stato messo in agenda o no",
  "firm_id to explain": "firm_id da spiegare",
  "only this delegation": "solo questa delegazione",
  // validate
  "check the input files and, with --agenda, an agenda against every hard rule":
    "controlla i file di ingresso e, con --agenda, un'agenda rispetto a ogni regola",
  "only this stop": "solo questa tappa",
  "an agenda.csv to check": "un agenda.csv da controllare",
  "external scores (default: <data-dir>/scores.csv if present)": "punteggi esterni (predefinito: <data-dir>/scores.csv se presente)",
  "earlier agenda (repeatable)": "agenda precedente (ripetibile)",
  "pairs from history may meet again": "le coppie dello storico possono incontrarsi di nuovo",
  // export
  "write participant agendas, venue grid, summary and calendars from an (edited) agenda.csv":
    "scrive le agende dei partecipanti, la griglia della sala, il riepilogo e i calendari da un agenda.csv (anche modificato)",
  "the agenda to export": "l'agenda da esportare",
  "folder with stops.csv, delegations.csv, firms.csv": "cartella con stops.csv, delegations.csv, firms.csv",
  "affinity scores (default: <data-dir>/scores.csv if present)": "punteggi di affinità (predefinito: <data-dir>/scores.csv se presente)",
  // replan
  "re-plan one stop around the agenda sent before: every still-valid meeting stays; writes the stop's files plus changes.csv, changes.html and calendar/changed/":
    "ripianifica una tappa partendo dall'agenda già inviata: ogni incontro ancora valido resta; scrive i file della tappa più changes.csv, changes.html e calendar/changed/",
  "folder with the inputs as they are now (rows removed, added or edited; changes.csv optional)":
    "cartella con i dati come sono ora (righe tolte, aggiunte o modificate; changes.csv facoltativo)",
  "stop_id to re-plan": "stop_id da ripianificare",
  "the agenda sent before (agenda.csv of schedule or of an earlier replan)": "l'agenda inviata prima (agenda.csv di schedule o di un replan precedente)",
  "let still-valid meetings move where that re-places more pairs, meets more musts or serves more firms (each move counts)":
    "permette di spostare incontri ancora validi dove ciò ricolloca più coppie, soddisfa più richieste obbligatorie o serve più imprese (ogni spostamento conta)",
  // mail
  "write one .eml per participant with an email (agenda in its language + calendar invitation); with --smtp, send them once each":
    "scrive un .eml per ogni partecipante con un'email (agenda nella sua lingua + invito di calendario); con --smtp li invia, una volta ciascuno",
  "folder with stops.csv, delegations.csv, firms.csv (email and lang columns)": "cartella con stops.csv, delegations.csv, firms.csv (colonne email e lang)",
  "the stop whose agenda is mailed": "la tappa di cui si spedisce l'agenda",
  "the agenda to mail (from schedule, season, replan or edited)": "l'agenda da spedire (da schedule, season, replan o modificata)",
  "output folder: firms/<id>.eml, delegations/<id>.eml and sent.csv": "cartella di uscita: firms/<id>.eml, delegations/<id>.eml e sent.csv",
  "the sender: From of every message and ORGANIZER of every event": "il mittente: From di ogni messaggio e ORGANIZER di ogni evento",
  "send through this server: smtp://host:port or smtps://user:password@host (user and password also from ROADSHOW_SMTP_USER, ROADSHOW_SMTP_PASSWORD)":
    "invia tramite questo server: smtp://host:porta o smtps://utente:password@host (utente e password anche da ROADSHOW_SMTP_USER, ROADSHOW_SMTP_PASSWORD)",
  "only the participants named in this file (the changes.csv written by replan)": "solo i partecipanti indicati in questo file (il changes.csv scritto da replan)",
  "the agenda mailed before: meetings dropped since are cancelled in the mail": "l'agenda spedita prima: gli incontri tolti da allora sono annullati nel messaggio",
  "list what would be written or sent; write and send nothing": "elenca cosa verrebbe scritto o inviato; non scrive e non invia nulla",
  "the stop changes replan was given (walk-ins, absences; default: <data-dir>/changes.csv if present)":
    "le variazioni della tappa date a replan (arrivi senza iscrizione, assenze; predefinito: <data-dir>/changes.csv se presente)",
  "replace an output folder holding other messages (its sent.csv is kept)": "sostituisce una cartella di uscita con altri messaggi (il suo sent.csv è conservato)",
  // report
  "the board's report of what the stops produced (booked, held, no-shows per country, sector and time, table use, unmet asks, follow-up): report.csv, unmet.csv, meetings-per-firm.csv, report.it.html, report.en.html":
    "il report per il consiglio di cosa hanno prodotto le tappe (prenotati, svolti, assenze per paese, settore e orario, uso dei tavoli, richieste non soddisfatte, follow-up): report.csv, unmet.csv, meetings-per-firm.csv, report.it.html, report.en.html",
  "folder with the inputs, outcomes.csv and answers.csv; agendas come from its workspace/": "cartella con i dati, outcomes.csv e answers.csv; le agende vengono dal suo workspace/",
  "report on this stop only (default: the season, and each stop in its own folder)": "solo questa tappa (predefinito: la stagione, e ogni tappa nella sua cartella)",
  "an agenda to report on instead of the workspace's last version (repeatable)": "un'agenda su cui fare il report al posto dell'ultima versione del workspace (ripetibile)",
  "meetings not held and follow-ups (default: <data-dir>/outcomes.csv if present)": "incontri non svolti e follow-up (predefinito: <data-dir>/outcomes.csv se presente)",
  "replace an existing output folder": "sostituisce una cartella di uscita esistente",
  // refill
  "standby refill of one slot on the day: the table-slots freed by absences and no-shows go to participants there and free, best under the objective, nobody moved; --apply enters them in the stop's log":
    "rimpiazzo di uno slot durante la giornata: i posti-tavolo liberati da assenze e mancate presentazioni vanno a partecipanti presenti e liberi, al meglio secondo l'obiettivo, senza spostare nessuno; --apply li registra nel log della tappa",
  "folder with the inputs; the stop's agenda and log are in its workspace/": "cartella con i dati; agenda e log della tappa sono nel suo workspace/",
  "the stop": "la tappa",
  "the slot to refill (1-based)": "lo slot da riempire (da 1)",
  "enter the proposed meetings in the stop's log (one refill entry each)": "registra gli incontri proposti nel log della tappa (una voce refill ciascuno)",
  "K of the objective's second level": "K del secondo livello dell'obiettivo",
  "no balance level: after musts and K, the highest score": "senza equilibrio: dopo must e K, il punteggio più alto",
  "who enters the refill (default: ROADSHOW_USER)": "chi registra il rimpiazzo (predefinito: ROADSHOW_USER)",
  "text, or json: {\"meetings\":[{\"firm_id\",\"delegation_id\",\"slot\",\"table\"}]}": "text, o json: {\"meetings\":[{\"firm_id\",\"delegation_id\",\"slot\",\"table\"}]}",
  // outcomes
  "write what the desk recorded at a stop (no-shows, absences: meetings not held) into outcomes.csv, which season and report read":
    "scrive quanto registrato al banco di una tappa (mancate presentazioni, assenze: incontri non svolti) in outcomes.csv, che season e report leggono",
  "the file to write (default: <data-dir>/outcomes.csv)": "il file da scrivere (predefinito: <data-dir>/outcomes.csv)",
  "also write the meetings held (the day's agenda with its refills, without those not held) as an agenda.csv":
    "scrive anche gli incontri svolti (l'agenda della giornata con i rimpiazzi, senza quelli non svolti) come agenda.csv",
  "replace an existing file": "sostituisce un file esistente",
  // followup
  "after a stop: one message per participant with an email and a held meeting, in its language, asking a rating and an outcome per meeting; answers.csv to fill in; with --smtp, each participant is mailed once":
    "dopo una tappa: un messaggio per partecipante con email e almeno un incontro svolto, nella sua lingua, che chiede un voto e un esito per incontro; answers.csv da compilare; con --smtp ognuno riceve il messaggio una volta sola",
  "folder with the inputs and outcomes.csv; the agenda comes from its workspace/": "cartella con i dati e outcomes.csv; l'agenda viene dal suo workspace/",
  "the stop whose participants are asked": "la tappa i cui partecipanti sono interpellati",
  "output folder: firms/<id>.eml, delegations/<id>.eml and answers.csv": "cartella di uscita: firms/<id>.eml, delegations/<id>.eml e answers.csv",
  "the agenda of the day (default: the workspace's last version)": "l'agenda del giorno (predefinita: l'ultima versione del workspace)",
  // change, status
  "enter one day-of change of a stop in its log (workspace/<stop_id>/log.csv); prints the entry's number":
    "registra una variazione del giorno di una tappa nel suo registro (workspace/<stop_id>/log.csv); stampa il numero della voce",
  "folder with stops.csv, delegations.csv, firms.csv; the workspace is <data-dir>/workspace/":
    "cartella con stops.csv, delegations.csv, firms.csv; l'area di lavoro è <data-dir>/workspace/",
  "absent, present, arrives, leaves, window, tables, representatives, cancel, checkin, noshow, confirm, decline, followup, refill or undo": "absent, present, arrives, leaves, window, tables, representatives, cancel, checkin, noshow, confirm, decline, followup, refill o undo",
  "the firm or delegation (for undo: the entry number)": "l'impresa o la delegazione (per undo: il numero della voce)",
  "HH:MM, HH:MM-HH:MM, a number (noshow: the slot), or the other participant of the meeting (cancel, confirm, decline, followup)": "HH:MM, HH:MM-HH:MM, un numero (noshow: lo slot), o l'altro partecipante dell'incontro (cancel, confirm, decline, followup)",
  "checkin: the time of arrival (default: now at the stop)": "checkin: l'ora di arrivo (predefinita: adesso, all'ora della tappa)",
  "the stop whose log gets the entry": "la tappa nel cui registro va la voce",
  "who enters it (default: ROADSHOW_USER, else the system user)": "chi la registra (predefinito: ROADSHOW_USER, altrimenti l'utente del sistema)",
  "a note kept with the entry": "una nota conservata con la voce",
  "where each stop stands: versions, what was sent to whom and when, log entries not yet re-planned, participants not told yet":
    "a che punto è ogni tappa: versioni, cosa è stato inviato a chi e quando, voci del registro non ancora ripianificate, partecipanti non ancora avvisati",
  "only this stop (default: every stop of stops.csv)": "solo questa tappa (predefinito: ogni tappa di stops.csv)",
  "output folder (without it: the stop's next version in <data-dir>/workspace/<stop_id>/versions/, from the master files and the day-of log)":
    "cartella di uscita (senza: la prossima versione della tappa in <data-dir>/workspace/<stop_id>/versions/, dai file principali e dal registro del giorno)",
  "the agenda sent before (agenda.csv of schedule or of an earlier replan); with --out": "l'agenda inviata prima (agenda.csv di schedule o di un replan precedente); con --out",
  "output folder; without --previous and --out: the workspace's next version, re-planned from the version last sent and the whole day-of log":
    "cartella di uscita; senza --previous e --out: la prossima versione dell'area di lavoro, ripianificata dalla versione inviata per ultima e da tutto il registro del giorno",
  "mail the participants whose day in the stop's current version differs from what they were last sent (the first send: everyone with an email)":
    "spedisce ai partecipanti la cui giornata nella versione attuale della tappa è diversa da quella inviata loro per ultima (al primo invio: a tutti quelli con un'email)",
  "folder with stops.csv, delegations.csv, firms.csv (email and lang columns); the workspace is <data-dir>/workspace/":
    "cartella con stops.csv, delegations.csv, firms.csv (colonne email e lang); l'area di lavoro è <data-dir>/workspace/",
  "the stop whose current version is sent": "la tappa di cui si invia la versione attuale",
  "what changed between two versions of a stop, participant by participant (default: the version last sent and the current one)":
    "cosa è cambiato tra due versioni di una tappa, partecipante per partecipante (predefinito: la versione inviata per ultima e quella attuale)",
  "the earlier version (default: the version last sent, else the one before the current)": "la versione precedente (predefinita: quella inviata per ultima, altrimenti quella prima dell'attuale)",
  "the later version (default: the current one)": "la versione successiva (predefinita: quella attuale)",
  "the stop whose versions are compared": "la tappa di cui si confrontano le versioni",
  // studio
  "the organiser's desk in the browser, local and private: data, plan, grid with live rule checks, people, save":
    "la scrivania dell'organizzatore nel browser, locale e privata: dati, pianificazione, griglia con verifica immediata delle regole, persone, salvataggio",
  "port on 127.0.0.1 (default 4870, or any free port when it is taken; 0: any free port)":
    "porta su 127.0.0.1 (predefinita 4870, o una porta libera se è occupata; 0: una porta libera qualsiasi)",
  "output folder: each stop is saved in <out>/<stop_id>/": "cartella di uscita: ogni tappa è salvata in <out>/<stop_id>/",
  "the server the Save view sends the messages through (as roadshow mail --smtp)":
    "il server tramite cui la vista Salva invia i messaggi (come roadshow mail --smtp)",
  "do not open a browser (it is never opened in CI or when the output is not a terminal)":
    "non apre il browser (non viene mai aperto in CI o quando l'uscita non è un terminale)",
};

const TITLES_IT: Readonly<Record<string, string>> = {
  "Usage:": "Uso:",
  "Options:": "Opzioni:",
  "Commands:": "Comandi:",
  "Arguments:": "Argomenti:",
  "Global Options:": "Opzioni globali:",
};

/** A help text in `lang` (English when no translation is known). */
export function helpText(text: string, lang: Lang): string {
  return lang === "it" ? (HELP_IT[text] ?? text) : text;
}

/** The words commander's help adds, in `lang`. */
const HELP_WORDS: Readonly<Record<Lang, { readonly options: string; readonly command: string; readonly required: string; readonly default: string; readonly choices: string }>> = {
  en: { options: "[options]", command: "[command]", required: "required", default: "default", choices: "choices" },
  it: { options: "[opzioni]", command: "[comando]", required: "obbligatoria", default: "predefinito", choices: "valori" },
};

/** An argument as the usage line writes it: `<data-dir>`, `[file]`, `<files...>`. */
function argumentUsage(argument: Argument): string {
  const name = `${argument.name()}${argument.variadic ? "..." : ""}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

/**
 * A command's usage line: the command, its arguments, then the options it cannot
 * run without, then the others: `roadshow schedule <data-dir> --stop <id> --out <dir> [options]`.
 */
function commandUsage(cmd: Command, base: Help, words: (typeof HELP_WORDS)[Lang]): string {
  if (cmd.parent === null) return base.commandUsage(cmd).replace("[options]", words.options).replace("[command]", words.command);
  const required = cmd.options.filter((o) => o.mandatory).map((o) => o.flags.replace(/^-\w, /, ""));
  let parents = "";
  for (let p: Command | null = cmd.parent; p !== null; p = p.parent) parents = `${p.name()} ${parents}`;
  return [`${parents}${cmd.name()}`, ...cmd.registeredArguments.map(argumentUsage), ...required, words.options].join(" ");
}

/**
 * commander's help in `lang`: titles, descriptions and notes. In both languages the
 * options a command requires come first, marked required, and named in the usage line;
 * an on/off flag shows no `(default: false)`.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  const base = new Help();
  const words = HELP_WORDS[lang];
  return {
    ...(lang === "it" && {
      styleTitle: (title: string) => TITLES_IT[title] ?? title,
      subcommandTerm: (cmd: Command) => base.subcommandTerm(cmd).replace("[options]", words.options).replace("[command]", words.command),
      commandDescription: (cmd: Command) => helpText(base.commandDescription(cmd), lang),
      subcommandDescription: (cmd: Command) => helpText(base.subcommandDescription(cmd), lang),
      argumentDescription: (argument: Argument) => {
        const text = helpText(argument.description, lang);
        const extra = argument.defaultValue === undefined ? "" : ` (${words.default}: ${argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)})`;
        return `${text}${extra}`;
      },
    }),
    commandUsage: (cmd: Command) => commandUsage(cmd, base, words),
    // What the command cannot run without first, in the order the command defines it.
    visibleOptions: (cmd: Command) => {
      const all = base.visibleOptions(cmd);
      return [...all.filter((o) => o.mandatory), ...all.filter((o) => !o.mandatory)];
    },
    optionDescription: (option: Option) => {
      const notes: string[] = [];
      if (option.mandatory) notes.push(words.required);
      if (option.argChoices) notes.push(`${words.choices}: ${option.argChoices.map((c) => JSON.stringify(c)).join(", ")}`);
      // A value's default, as commander shows it; an on/off flag's "false" says nothing.
      const showDefault = option.required || option.optional;
      if (option.defaultValue !== undefined && showDefault) {
        const value = option.defaultValueDescription ? helpText(option.defaultValueDescription, lang) : JSON.stringify(option.defaultValue);
        notes.push(`${words.default}: ${value}`);
      }
      const text = helpText(option.description, lang);
      return notes.length > 0 ? `${text} (${notes.join(", ")})` : text;
    },
  };
}

type Rule = readonly [RegExp, string];

/** commander's own errors and our usage errors and notes, as printed (`error: …`). */
const ERRORS_IT: readonly Rule[] = [
  [/^error: unknown option '([^']*)'/, "errore: opzione sconosciuta '$1'"],
  [/^error: unknown command '([^']*)'/, "errore: comando sconosciuto '$1'"],
  [/^error: missing required argument '([^']*)'/, "errore: manca l'argomento obbligatorio '$1'"],
  [/^error: required option '([^']*)' not specified/, "errore: l'opzione obbligatoria '$1' non è indicata"],
  [/^error: option '([^']*)' argument missing/, "errore: manca il valore dell'opzione '$1'"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./, "errore: il valore '$2' dell'opzione '$1' non è valido. Valori ammessi: $3."],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, "errore: il valore '$2' dell'opzione '$1' non è valido:"],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, "errore: troppi argomenti. Attesi $2, ricevuti $3."],
  [/^error: (.*) cannot be used with (.*)$/m, "errore: $1 non si può usare con $2"],
  [/\(Did you mean one of ([^?]*)\?\)/, "(Forse intendevi uno tra $1?)"],
  [/\(Did you mean ([^?]*)\?\)/, "(Forse intendevi $1?)"],
  [/\(run with --help for usage and an example\)/, "(esegui con --help per l'uso e un esempio)"],
  // InvalidArgumentError sentences of our option parsers
  [/expected a whole number ≥ 0(?: such as (\S+))?, got "([^"]*)"/, "atteso un numero intero ≥ 0 (per esempio $1), trovato \"$2\""],
  [/expected a number of seconds > 0(?: such as (\S+) or (\S+))?, got "([^"]*)"/, "atteso un numero di secondi > 0 (per esempio $1 o $2), trovato \"$3\""],
  [/expected "Name <email>" or an email address, got "([^"]*)" \(e\.g\. ("[^"]*")\)/, "atteso \"Nome <email>\" o un indirizzo email, trovato \"$1\" (per esempio $2)"],
  // UsageError and InputError sentences
  [/^error: /m, "errore: "],
  [/ already exists?; nothing was written\. Use --force to overwrite(?: it)?/, " esiste già; non è stato scritto nulla. Usa --force per sovrascrivere"],
  [/ already holds files \((.*)\); nothing was written\. Use --force to replace the folder/, " contiene già dei file ($1); non è stato scritto nulla. Usa --force per sostituire la cartella"],
  [/(\S+) is given more than once; give it once/, "$1 è indicata più di una volta; indicala una volta sola"],
  [/--out (\S+) is a folder; give a file path \(e\.g\. ([^)]+)\)/, "--out $1 è una cartella; indica il percorso di un file (per esempio $2)"],
  [/--out (\S+) is a file, not a folder; nothing was written\. Give a folder path \(e\.g\. ([^)]+)\)/, "--out $1 è un file, non una cartella; non è stato scritto nulla. Indica una cartella (per esempio $2)"],
  [/(\S+) is being written by another roadshow run \(lock ([^)]+)\); nothing was written\. Wait for it to finish/, "$1 è in scrittura da parte di un'altra esecuzione di roadshow (lock $2); non è stato scritto nulla. Attendi che finisca"],
  [/--out is empty; give a (?:folder|file), e\.g\. (--out \S+)/, "--out è vuoto; indica un percorso, per esempio $1"],
  [/cannot write (\S+) \(([^)]*)\)/, "impossibile scrivere $1 ($2)"],
  [/ and (\d+) more\)/, " e altri $1)"],
  [/; nothing was written/, "; non è stato scritto nulla"],
  [/^(.*) cannot be read as an agenda/m, "$1 non si può leggere come agenda"],
  [/^(\d+) problem\(s\) in the input files of (.*)$/m, "$1 problemi nei file di ingresso di $2"],
  [/the held agenda of (\S+) is given twice, in (.*) and in (.*)$/m, "l'agenda svolta di $1 è indicata due volte, in $2 e in $3"],
  [/--from (\S+) re-plans from \S+ onward, so the stops before it need their held agenda \(--frozen <agenda\.csv>\): (.*)$/m,
    "--from $1 ripianifica da $1 in poi, quindi le tappe precedenti richiedono la loro agenda svolta (--frozen <agenda.csv>): $2"],
  [/--smtp "([^"]*)": the user or password holds "(.)", which a URL reads as the end of the server's name; percent-encode it \(([^)]*)\), or leave the password out of the URL and set ROADSHOW_SMTP_PASSWORD/,
    "--smtp \"$1\": l'utente o la password contiene \"$2\", che in un URL chiude il nome del server; codificalo con il segno di percentuale ($3), oppure togli la password dall'URL e impostala in ROADSHOW_SMTP_PASSWORD"],
  [/--smtp "([^"]*)" is not a URL \(percent-encode the user and password: ([^)]*)\); write e\.g\. (.*)$/m,
    "--smtp \"$1\" non è un URL (codifica utente e password con il segno di percentuale: $2); scrivi per esempio $3"],
  [/--smtp "([^"]*)": the user or password holds a bad %-escape; percent-encode them: /, "--smtp \"$1\": l'utente o la password contiene un codice % non valido; codificali con il segno di percentuale: "],
  [/ as %(2F|40|3A|3F|23|25)/g, " come %$1"],
  [/^Example:$/m, "Esempio:"],
  [/^Examples:$/m, "Esempi:"],
];

/** A printed line of the CLI (an error, a usage note, help's example block) in `lang`. */
export function cliText(text: string, lang: Lang): string {
  if (lang === "en") return text;
  let out = text;
  for (const [pattern, replacement] of ERRORS_IT) out = out.replace(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`), replacement);
  return out;
}

/** `--lang` as given on the command line (before the command, `--lang it` or `--lang=it`), if valid. */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (value === "it" || value === "en") return value;
    if (arg === "--") break;
  }
  return undefined;
}
