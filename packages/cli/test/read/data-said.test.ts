// The data files' own checks said in Italian: real bad rows read by the readers, each issue worded from the catalogue (exact Italian, no English left), its English unchanged.
import { describe, expect, it } from "vitest";
import type { InputIssue } from "../../src/issues.js";
import { checkAgendaTimes, type AgendaRow } from "../../src/read/agenda.js";
import { atecoWarnings } from "../../src/read/ateco-warnings.js";
import { parseDataSet } from "../../src/read/index.js";
import { parseWeights } from "../../src/read/weights.js";
import { countryName } from "../../src/text/i18n.js";
import { issueIn } from "../../src/text/issues-text.js";
import { answerRow, changeRow, dataFiles, file, firmRow, outcomeRow, requestRow, scoreRow, stopRow, validRows, withCode, type RowSets } from "./builders.js";

/** English words of the readers' sentences that an Italian sentence never has (quoted values aside). */
const ENGLISH = /\b(is|are|not|the|write|and|of|with|already|line|delete|keep|check|use|firm|session|breaks?|window|request|did you mean|has|have|or|to|its)\b/;

/** An issue in Italian, after checking it is said from the catalogue and no English is left in it. */
function italian(issue: InputIssue): { message: string; hint: string } {
  expect(issue.said, `${issue.code}: ${issue.message}`).toBeDefined();
  const { message, hint } = issueIn("it", issue);
  for (const text of [message, hint]) expect(text.replace(/"[^"]*"/g, ""), text).not.toMatch(ENGLISH);
  return { message, hint };
}

/** The issues of one code read from the valid data set with some files replaced. */
function read(over: RowSets, code: string): InputIssue[] {
  const found = withCode(parseDataSet(dataFiles(over)).issues, code);
  expect(found.length, code).toBeGreaterThan(0);
  return found;
}

const firms = (over: Record<string, string>) => [firmRow(over), ...validRows().firms.slice(1)];

describe("stops.csv in Italian", () => {
  it("says overlapping breaks and a slot longer than the session with their times", () => {
    const [overlap] = read({ stops: [stopRow({ breaks: "15:00-15:40|15:20-16:00" }), validRows().stops[1]!] }, "overlapping-breaks");
    expect(overlap!.message).toBe("breaks 15:00-15:40 and 15:20-16:00 overlap");
    expect(italian(overlap!)).toEqual({ message: "le pause 15:00-15:40 e 15:20-16:00 si sovrappongono", hint: "uniscile in una sola pausa" });
    const [long] = read({ stops: [stopRow({ slot_minutes: "300", breaks: "" }), validRows().stops[1]!] }, "slot-too-long");
    expect(long!.message).toBe("a 300-minute slot does not fit in the 240-minute session 14:00-18:00");
    expect(italian(long!)).toEqual({ message: "una fascia di 300 minuti non entra nella sessione 14:00-18:00, di 240 minuti", hint: "accorcia slot_minutes o allunga la sessione" });
  });
});

describe("firms.csv in Italian", () => {
  it("names a country read from an alias or suggested for a typo in the reader's language", () => {
    const [alias] = read({ firms: firms({ targets: "USA" }) }, "country-alias");
    expect(alias!.message).toBe('"USA" is not an ISO country code; read as US (United States)');
    expect(italian(alias!)).toEqual({ message: '"USA" non è un codice ISO di paese; letto come US (Stati Uniti)', hint: "scrivi US" });
    const [typo] = read({ firms: firms({ targets: "Germny" }) }, "unknown-country");
    expect([typo!.message, typo!.hint]).toEqual(['"Germny" is not a country code; did you mean DE (Germany)?', "write DE, or another ISO 3166-1 alpha-2 code"]);
    expect(italian(typo!)).toEqual({ message: '"Germny" non è un codice di paese; forse intendevi DE (Germania)?', hint: "scrivi DE, o un altro codice ISO 3166-1 alpha-2" });
  });

  it("names a country in an issue as the agendas and calendars name it, in either language", () => {
    const [alias] = read({ firms: firms({ targets: "Saint Lucia" }) }, "country-alias");
    expect(alias!.message).toBe(`"Saint Lucia" is not an ISO country code; read as LC (${countryName("LC", "en")})`);
    expect(italian(alias!).message).toBe(`"Saint Lucia" non è un codice ISO di paese; letto come LC (${countryName("LC", "it")})`);
  });

  it("says a repeated list item, a cap of 0, a sector label, an address and a language with their values", () => {
    expect(italian(read({ firms: firms({ markets: "FR|FR" }) }, "duplicate-in-list")[0]!)).toEqual({ message: "FR compare due volte in markets; la ripetizione è ignorata", hint: "togli il secondo FR" });
    expect(italian(read({ firms: firms({ max_meetings: "0" }) }, "zero-max-meetings")[0]!)).toEqual({ message: "max_meetings è 0: questa impresa non avrà incontri", hint: "lascia max_meetings vuoto per non porre un limite" });
    expect(italian(read({ firms: firms({ sectors: "Meccanica" }) }, "sector-alias")[0]!)).toEqual({ message: '"Meccanica" è il nome di un settore; letto come mechanics', hint: "scrivi mechanics" });
    const email = read({ firms: firms({ email: "mario.rossi" }) }, "bad-email")[0]!;
    expect(email.message).toBe('"mario.rossi" is not an email address: it has no @');
    expect(italian(email)).toEqual({ message: '"mario.rossi" non è un indirizzo email: manca la @', hint: "scrivi un indirizzo come nome@example.it" });
    expect(italian(read({ firms: firms({ lang: "italiano" }) }, "lang-alias")[0]!)).toEqual({ message: '"italiano" è stato letto come il codice di lingua it', hint: "scrivi it" });
    const german = read({ firms: firms({ lang: "de" }) }, "lang-texts-in-english")[0]!;
    expect(german.hint).toBe("write it or en for texts entirely in one language");
    expect(italian(german)).toEqual({
      message: "roadshow non ha testi in de: i nomi dei paesi e le date sono scritti in de, tutti gli altri testi in inglese",
      hint: "scrivi it o en per avere i testi interamente in una lingua",
    });
  });
});

describe("requests, scores, changes, outcomes and answers in Italian", () => {
  it("says repeated and contradictory requests with their lines, and a request of a firm that left", () => {
    const requests = [requestRow(), requestRow(), requestRow({ country: "DE" }), requestRow({ country: "DE", kind: "avoid" }), requestRow({ firm_id: "F9999" })];
    expect(italian(read({ requests }, "duplicate-request")[0]!)).toEqual({ message: "la stessa richiesta must per F0001 e US è già alla riga 2", hint: "elimina la riga 3" });
    const both = read({ requests }, "must-and-avoid")[0]!;
    expect(both.message).toBe("F0001 and DE is both must and avoid (lines 4 and 5)");
    expect(italian(both)).toEqual({ message: "per F0001 e DE ci sono sia must sia avoid (righe 4 e 5)", hint: "tieni solo la richiesta che intendi: elimina la riga 4 o la 5" });
    expect(italian(read({ requests }, "unknown-firm")[0]!).message).toBe("F9999 non è un firm_id di firms.csv; questa richiesta è ignorata");
  });

  it("says a score given twice and the scores of a firm that is not in firms.csv", () => {
    const scores = [scoreRow(), scoreRow({ score: "50" }), scoreRow({ firm_id: "F9999" })];
    expect(italian(read({ scores }, "duplicate-pair")[0]!)).toEqual({ message: "F0001 e US-CG hanno già un punteggio alla riga 2", hint: "tieni un punteggio per coppia: elimina la riga 2 o la 3" });
    expect(italian(read({ scores }, "unknown-firm")[0]!)).toEqual({
      message: "F9999 non è un firm_id di firms.csv; i suoi punteggi sono ignorati (prima occorrenza alla riga 4)",
      hint: "elimina le sue righe se l'impresa si è ritirata, o controlla l'id in firms.csv",
    });
  });

  it("says a mistyped status with its suggestion and a firm given tables", () => {
    const status = read({ changes: [changeRow({ status: "assnte" })] }, "bad-choice")[0]!;
    expect(status.message).toBe('"assnte" is not a status: write absent or present (assente, presente); did you mean assente?');
    expect(italian(status)).toEqual({ message: '"assnte" non è uno stato: scrivi assente o presente (absent, present); forse intendevi assente?', hint: "scrivi assente" });
    expect(italian(read({ changes: [changeRow({ status: "", tables: "2" })] }, "wrong-kind")[0]!)).toEqual({
      message: "F0001 è un'impresa: tables vale per le delegazioni",
      hint: "per un'impresa scrivi le sue persone in representatives, e lascia vuoto tables",
    });
  });

  it("says an outcome that is not yes or no and an answer from someone outside the meeting", () => {
    expect(italian(read({ outcomes: [outcomeRow({ held: "forse" })] }, "bad-yes-no")[0]!)).toEqual({ message: '"forse" non è yes o no', hint: "scrivi yes o no (si leggono anche sì, true, 1 e false, 0)" });
    expect(italian(read({ answers: [answerRow({ respondent_id: "DE-CG" })] }, "wrong-respondent")[0]!)).toEqual({
      message: "DE-CG non è né l'impresa (F0001) né la delegazione (US-CG) di questo incontro",
      hint: "scrivi F0001 o US-CG",
    });
  });
});

describe("checks across files, the ATECO warning, the agenda and the weights in Italian", () => {
  it("says a must request for a country without delegation, and a required file not given", () => {
    expect(italian(read({ requests: [requestRow({ country: "FR" })] }, "country-without-delegation")[0]!)).toEqual({
      message: "richiesta must per FR, ma nessuna delegazione di delegations.csv viene da FR; non si può soddisfare",
      hint: "aggiungi una delegazione di FR, o elimina la richiesta",
    });
    const { firms: _, ...files } = dataFiles();
    const missing = withCode(parseDataSet(files).issues, "missing-file")[0]!;
    expect(italian(missing)).toEqual({ message: "firms.csv è obbligatorio ma non è stato indicato", hint: "crea firms.csv nella cartella dei dati" });
  });

  it("says an ATECO code that maps to no sector, naming the firm", () => {
    const data = parseDataSet(dataFiles({ firms: firms({ sectors: "", ateco: "56.10" }) })).data!;
    const [warning] = atecoWarnings(data);
    expect(warning!.message).toBe("firm F0001: ATECO 56.10 maps to no roadshow sector; the firm has no sector, so only its targets and markets score");
    expect(italian(warning!).message).toBe(
      "impresa F0001: il codice ATECO 56.10 non corrisponde a nessun settore di roadshow; l'impresa non ha settori, quindi contano solo i suoi paesi obiettivo (targets) e mercati (markets)",
    );
  });

  it("says an agenda row on the wrong date or in a slot the stop does not have", () => {
    const stop = parseDataSet(dataFiles()).data!.stops.find((s) => s.id === "BG-2026-03")!;
    const row: AgendaRow = { line: 2, stopId: stop.id, date: "2026-03-19", slot: 99, start: 840, end: 860, table: 1, delegationId: "US-CG", country: "US", firmId: "F0001", firmName: "x", score: 1, sequence: 0 };
    const [date, slot] = checkAgendaTimes([row], [stop], "agenda.csv", "error");
    expect(italian(date!)).toEqual({ message: "BG-2026-03 è il 2026-03-18, non il 2026-03-19", hint: "scrivi 2026-03-18; per tenere l'incontro in un altro giorno, mettilo nella tappa di quel giorno" });
    expect(slot!.message).toBe("BG-2026-03 has slots 1-11; slot 99 does not exist");
    expect(italian(slot!)).toEqual({ message: "BG-2026-03 ha le fasce 1-11; la fascia 99 non esiste", hint: "usa una fascia da 1 a 11" });
  });

  it("says an unknown weight with its suggestion and a decay out of range", () => {
    const { issues } = parseWeights(file("weights.json", '{"markt": 1, "targetDecay": 2}'));
    const [unknown] = withCode(issues, "unknown-weight");
    expect(unknown!.message).toBe('"markt" is not a weight; did you mean market?');
    expect(italian(unknown!).message).toBe('"markt" non è un peso; forse intendevi market?');
    const [decay] = withCode(issues, "out-of-range");
    expect(italian(decay!)).toEqual({
      message: "targetDecay è 2; deve essere maggiore di 0 e al massimo 1",
      hint: "per esempio 0.8 (il valore predefinito): ogni paese obiettivo un posto più in basso tiene l'80% dei punti",
    });
  });
});
