/**
 * Input issues in Italian: a sentence and a fix per issue code, with the cell's column and
 * value; the precise suggestion of the English text (`did you mean US?`, `write 09:30`) is kept.
 */
import type { InputIssue, IssueCode } from "../issues.js";

/** `{column}` and `{value}` are the issue's; `{file}` its file; `{tried}` the full path tried, when the issue has one. */
export const ISSUES_IT: Readonly<Record<IssueCode, { readonly message: string; readonly hint: string }>> = {
  "missing-folder": { message: "la cartella dei dati {file} non esiste o non è una cartella{tried}", hint: "indica la cartella che contiene stops.csv, delegations.csv e firms.csv" },
  "missing-file": { message: "il file {file} non esiste{tried}", hint: "controlla il nome e la cartella del file" },
  "unreadable-file": { message: "il file {file} esiste ma non si può leggere{tried}", hint: "controlla i permessi del file" },
  "duplicate-file": { message: "due file con nomi che differiscono solo per maiuscole e minuscole", hint: "tieni un solo file con quel nome" },
  "file-too-large": { message: "il file è troppo grande", hint: "dividi i dati in file più piccoli" },
  "empty-file": { message: "il file è vuoto: manca la riga di intestazione", hint: "esporta di nuovo il foglio in CSV, con la riga dei nomi delle colonne" },
  "not-csv": { message: "non è un file CSV (è un file binario, un foglio di calcolo, un PDF o una pagina HTML)", hint: "in Excel: File › Salva con nome › CSV UTF-8" },
  "not-xlsx": { message: "il file ha nome .xlsx ma non si apre come cartella di lavoro Excel", hint: "salvalo dal foglio di calcolo come Cartella di lavoro di Excel (.xlsx), o come CSV UTF-8 con nome .csv" },
  "hidden-sheet": { message: "il foglio letto è nascosto nel programma di fogli di calcolo", hint: "scoprilo per controllarne i dati, o rinominalo se non va letto" },
  "unknown-sheet": { message: "il foglio {value} non corrisponde a nessun file di dati ed è ignorato", hint: "chiamalo come il file che contiene (stops, delegations, firms, requests, scores, changes, outcomes)" },
  "error-cell": { message: "la cella contiene l'errore {value} del foglio di calcolo, non un valore", hint: "correggi la formula o scrivi il valore" },
  "unlabelled-column": { message: "la colonna ha valori ma nessuna intestazione ed è ignorata", hint: "dalle un'intestazione nota a roadshow, o eliminala" },
  "not-utf8": { message: "il file non è UTF-8: è stato letto come Windows-1252", hint: "in Excel salva come «CSV UTF-8» per evitare dubbi sugli accenti" },
  "too-many-rows": { message: "il file ha più righe di quante se ne possano gestire", hint: "dividi i dati in file più piccoli, uno per esecuzione" },
  "no-rows": { message: "il file ha l'intestazione ma nessuna riga di dati", hint: "aggiungi le righe, o controlla di aver esportato il file giusto" },
  "too-many-issues": { message: "il file ha più problemi di quanti se ne elencano: gli altri non sono mostrati", hint: "correggi i problemi elencati (spesso una sola causa, come un separatore sbagliato o una colonna spostata) e riprova" },
  "long-cell": { message: "una cella più lunga di 100.000 caratteri: la riga è saltata", hint: "controlla separatori e virgolette di questa riga; accorcia la cella" },
  "bad-quote": { message: "virgolette non bilanciate o fuori posto", hint: "metti tra \"…\" le celle che contengono il separatore o virgolette, raddoppiando quelle interne (\"\")" },
  "ragged-row": { message: "la riga ha un numero di celle diverso dall'intestazione", hint: "controlla separatori e virgolette in questa riga" },
  "no-header": { message: "la prima riga non è un'intestazione: non contiene nessuna delle colonne attese", hint: "metti i nomi delle colonne (in inglese) nella prima riga" },
  "missing-column": { message: "manca la colonna obbligatoria {column}", hint: "aggiungi una colonna di nome {column}" },
  "duplicate-column": { message: "la colonna {column} compare due volte nell'intestazione", hint: "elimina o rinomina una delle due colonne" },
  "unknown-column": { message: "la colonna {column} non è usata da questo file ed è ignorata", hint: "rinominala se intendevi una colonna nota" },
  "empty-cell": { message: "{column} è obbligatoria ma la cella è vuota", hint: "compila {column}" },
  "bad-id": { message: "\"{value}\" non è un identificativo: non può contenere |", hint: "un identificativo per riga; | separa gli elementi di un elenco" },
  "duplicate-id": { message: "l'identificativo \"{value}\" è usato su due righe", hint: "dai a ogni riga un identificativo diverso, o unisci le due righe" },
  "bad-time": { message: "\"{value}\" non è un orario", hint: "scrivi gli orari come HH:MM, per esempio 09:30" },
  "bad-window": { message: "\"{value}\" non è una finestra oraria", hint: "scrivi le finestre come HH:MM-HH:MM, più di una separate da |" },
  "end-before-start": { message: "\"{value}\" finisce prima di iniziare", hint: "controlla inizio e fine (orario di 24 ore)" },
  "bad-date": { message: "\"{value}\" non è una data", hint: "scrivi le date come AAAA-MM-GG, per esempio 2026-03-18" },
  "bad-timezone": { message: "\"{value}\" non è un fuso orario IANA", hint: "usa un nome come Europe/Rome, o lascia vuoto per Europe/Rome" },
  "bad-number": { message: "\"{value}\" non è un numero", hint: "scrivi solo cifre" },
  "not-integer": { message: "\"{value}\" non è un numero intero", hint: "scrivi un numero intero" },
  "out-of-range": { message: "\"{value}\" è fuori dall'intervallo ammesso", hint: "scrivi un numero nell'intervallo ammesso per {column}" },
  "zero-max-meetings": { message: "max_meetings è {value}: questa impresa non avrà incontri", hint: "lascia max_meetings vuoto per nessun limite" },
  "decimal-comma": { message: "\"{value}\" ha la virgola decimale: letto come numero decimale", hint: "nessuna azione necessaria" },
  "bad-choice": { message: "\"{value}\" non è uno dei valori ammessi", hint: "scrivi uno dei valori ammessi per {column}" },
  "unknown-country": { message: "\"{value}\" non è un codice di paese", hint: "scrivi il codice ISO a due lettere, per esempio US, DE, IN" },
  "country-alias": { message: "\"{value}\" è stato letto come codice di paese", hint: "scrivi il codice ISO a due lettere" },
  "bad-sector": { message: "\"{value}\" non è un settore", hint: "scrivi un codice di settore come mechanics" },
  "sector-alias": { message: "\"{value}\" è stato letto come codice di settore", hint: "scrivi il codice del settore" },
  "unknown-sector": { message: "il settore \"{value}\" non è tra quelli noti ed è mantenuto così", hint: "controlla l'ortografia se intendevi un settore noto" },
  "bad-ateco": { message: "\"{value}\" non è un codice ATECO", hint: "scrivi un codice ATECO come 28.41 o C28" },
  "duplicate-in-list": { message: "\"{value}\" è ripetuto in {column}; la ripetizione è ignorata", hint: "togli la ripetizione" },
  "bad-lang": { message: "\"{value}\" non è un codice di lingua", hint: "scrivi un codice di lingua come it o en (ISO 639-1, eventualmente con la regione: pt-BR)" },
  "lang-alias": { message: "\"{value}\" è stato letto come codice di lingua", hint: "scrivi il codice della lingua" },
  "lang-texts-in-english": {
    message: "roadshow non ha testi in \"{value}\": nomi dei paesi e date in quella lingua, gli altri testi in inglese",
    hint: "scrivi it o en per testi interamente in una lingua",
  },
  "bad-email": { message: "\"{value}\" non è un indirizzo email", hint: "scrivi un solo indirizzo, per esempio nome@esempio.it" },
  "bad-website": { message: "\"{value}\" non è un indirizzo web", hint: "scrivi un indirizzo come www.esempio.it o https://www.esempio.it" },
  "unknown-stop": { message: "la tappa \"{value}\" non è in stops.csv", hint: "usa uno stop_id di stops.csv" },
  "unknown-firm": { message: "l'impresa \"{value}\" non è in firms.csv", hint: "usa un firm_id di firms.csv" },
  "unknown-delegation": { message: "la delegazione \"{value}\" non è in delegations.csv", hint: "usa un delegation_id di delegations.csv" },
  "overlapping-breaks": { message: "le pause {value} si sovrappongono", hint: "uniscile in una sola pausa" },
  "window-outside-session": { message: "la finestra {value} è fuori dalla sessione e non ha effetto", hint: "controlla gli orari, o toglila" },
  "slot-too-long": { message: "la fascia di {value} minuti non entra nella sessione", hint: "accorcia slot_minutes o allunga la sessione" },
  "no-slots": { message: "la tappa non ha fasce per gli incontri: le pause non lasciano spazio", hint: "accorcia le pause o slot_minutes" },
  "no-sector": { message: "l'impresa non ha settori: sectors e ateco sono entrambi vuoti", hint: "compila sectors (per esempio mechanics) o ateco (per esempio 28.41)" },
  "duplicate-request": { message: "la stessa richiesta compare due volte", hint: "togli la riga ripetuta" },
  "must-and-avoid": { message: "per la stessa impresa e lo stesso paese ci sono sia must sia avoid", hint: "tieni una sola delle due richieste" },
  "duplicate-pair": { message: "due punteggi per la stessa impresa e la stessa delegazione", hint: "tieni una sola riga per coppia" },
  "no-eligible-delegation": { message: "nessuna delegazione può incontrare questa impresa alla tappa {value}", hint: "controlla settori e paesi obiettivo dell'impresa, o le richieste avoid" },
  "delegation-at-no-stop": { message: "la delegazione non è presente a nessuna tappa", hint: "controlla stops e available della delegazione" },
  "country-without-delegation": { message: "richiesta must per il paese {value}, che non ha delegazioni", hint: "controlla il paese o aggiungi la sua delegazione" },
  "date-mismatch": { message: "la data \"{value}\" non è quella della tappa", hint: "scrivi la data della tappa; un incontro di un altro giorno va nella tappa di quel giorno" },
  "unknown-slot": { message: "la fascia {value} non esiste in questa tappa", hint: "usa una fascia della tappa (1, 2, …)" },
  "slot-mismatch": { message: "l'orario \"{value}\" non è quello della fascia della riga", hint: "un incontro si sposta cambiando la fascia (slot): gli orari la seguono" },
  "own-history": { message: "un'agenda di --history contiene incontri della tappa che si sta pianificando o controllando", hint: "passa come --history solo le agende delle tappe precedenti" },
  "other-stop": { message: "l'agenda di --previous è di un'altra tappa", hint: "passa come --previous l'agenda inviata prima per questa tappa" },
  "unknown-participant": { message: "\"{value}\" non è né un firm_id né un delegation_id", hint: "usa un identificativo di firms.csv o di delegations.csv" },
  "ambiguous-participant": { message: "\"{value}\" è usato sia da un'impresa sia da una delegazione", hint: "rinomina uno dei due identificativi" },
  "wrong-kind": { message: "{column} non vale per questo tipo di partecipante", hint: "tables è per le delegazioni, representatives per le imprese" },
  "duplicate-change": { message: "due righe di changes.csv per la stessa tappa e lo stesso partecipante", hint: "uniscile in una riga" },
  "empty-change": { message: "questa riga di changes.csv non cambia nulla", hint: "compila la variazione o togli la riga" },
  "absent-with-overrides": { message: "un partecipante assente con finestre, tavoli o rappresentanti: sono ignorati", hint: "togli gli altri valori o la marcatura di assenza" },
  "absent-not-registered": { message: "partecipante segnato assente a una tappa a cui non è iscritto", hint: "controlla la tappa della riga" },
  "bad-yes-no": { message: "\"{value}\" non è yes o no", hint: "scrivi yes o no" },
  "duplicate-outcome": { message: "due righe di outcomes.csv per lo stesso incontro", hint: "tieni una sola riga per incontro" },
  "wrong-respondent": { message: "\"{value}\" non è né l'impresa né la delegazione di questo incontro", hint: "scrivi l'id dell'impresa o della delegazione dell'incontro" },
  "duplicate-answer": { message: "due righe di answers.csv per lo stesso incontro e la stessa persona", hint: "tieni una sola riga per incontro e per chi risponde" },
  "no-agenda": { message: "non c'è un'agenda della tappa da riportare (né --agenda né una versione nel workspace)", hint: "pianifica prima la tappa (roadshow schedule <cartella> --stop <id>) o indica --agenda <agenda.csv>" },
  "bad-entry": { message: "il numero della voce del registro non è quello atteso", hint: "le voci sono numerate 1, 2, 3, … in ordine; annulla una voce con roadshow change … undo <voce>" },
  "unexpected-value": { message: "questo tipo di voce non prende un valore", hint: "togli il valore" },
  "no-time-left": { message: "la modifica non lascia al partecipante alcun orario nella sessione", hint: "indica un orario dentro la sessione, oppure segna il partecipante assente" },
  "not-at-stop": { message: "il partecipante non prende parte alla tappa a questo punto del registro", hint: "inserisci prima present <id> (iscritto sul posto, o di ritorno)" },
  "already-undone": { message: "la voce è già annullata", hint: "per ripristinarla annulla la voce che l'ha annullata" },
  "no-such-meeting": { message: "i due partecipanti non hanno un incontro nell'ultima versione", hint: "controlla i due codici nell'agenda" },
  "bad-version": { message: "il file version.json della versione non si può leggere", hint: "ripristina l'area di lavoro da una copia, o sposta altrove la cartella della versione" },
};

function fill(template: string, issue: InputIssue): string {
  return template
    .replaceAll("{file}", issue.file)
    .replaceAll("{column}", issue.column ?? "")
    .replaceAll("{value}", issue.value ?? "")
    .replaceAll("{tried}", issue.path === undefined ? "" : ` (percorso cercato: ${issue.path})`);
}

/** The exact fix of an English hint, when it is one value to write or a column to rename. */
function preciseHint(hint: string): string | null {
  const write = /^write (\S+)$/.exec(hint) ?? /^write (\S+) to be unambiguous$/.exec(hint) ?? /^write (\S+), or another ISO 3166-1 alpha-2 code$/.exec(hint);
  if (write) return `scrivi ${write[1]}`;
  const meant = /^write (\S+) if that was meant$/.exec(hint);
  if (meant) return `scrivi ${meant[1]} se era quello inteso`;
  const add = /^write (\S+), or add (\S+) to (\S+)$/.exec(hint);
  if (add) return `scrivi ${add[1]}, o aggiungi ${add[2]} a ${add[3]}`;
  const range = /^write a (whole )?number from (\S+) to (\S+)(, digits only)?$/.exec(hint);
  if (range) return `scrivi un numero${range[1] ? " intero" : ""} da ${range[2]} a ${range[3]}${range[4] ? ", solo cifre" : ""}`;
  const create = /^create (\S+) \(or (\S+), or a sheet (\S+) in (\S+)\) in (.+)$/.exec(hint);
  if (create) return `crea ${create[1]} (o ${create[2]}, o un foglio ${create[3]} in ${create[4]}) in ${create[5]}`;
  const rename = /^rename the column (.+) to (.+)$/.exec(hint) ?? /^rename it to (.+) if that was meant$/.exec(hint);
  if (rename) return rename.length === 3 ? `rinomina la colonna ${rename[1]} in ${rename[2]}` : `rinominala in ${rename[1]} se era quella intesa`;
  return null;
}

/** An issue with its message and hint in Italian; codes this table does not know keep their English text. */
export function issueInItalian(issue: InputIssue): InputIssue {
  const text = (ISSUES_IT as Readonly<Record<string, { message: string; hint: string }>>)[issue.code];
  if (text === undefined) return issue;
  const near = /did you mean (.+)\?/.exec(issue.message);
  const message = fill(text.message, issue) + (near ? `; forse intendevi ${near[1]!.replace(/ or /g, " o ")}?` : "");
  return { ...issue, message, hint: preciseHint(issue.hint) ?? fill(text.hint, issue) };
}
