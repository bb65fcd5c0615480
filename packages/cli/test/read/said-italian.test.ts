// The input issues of the readers' common parts (values, files, decoding, CSV, tables, columns, sheets, ids) on real bad inputs, worded in Italian from the catalogue: exact sentences and fixes, no English left.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { InputIssue } from "../../src/issues.js";
import { parseDataSet } from "../../src/read/index.js";
import { readDataDir } from "../../src/read/files.js";
import { decodeBytes } from "../../src/read/decode.js";
import { MAX_FILE_BYTES } from "../../src/read/limits.js";
import { Reporter } from "../../src/read/report.js";
import { issueIn } from "../../src/text/issues-text.js";
import { dataFiles, scoreRow, stopRow, validRows, withCode } from "./builders.js";

/** The issues of one code, each said as catalogue sentences (never English text), worded in Italian. */
function italian(issues: readonly InputIssue[], code: string): { message: string; hint: string; english: string }[] {
  const found = withCode(issues, code);
  expect(found.length, code).toBeGreaterThan(0);
  return found.map((issue) => {
    expect(issue.said, `${code}: ${issue.message}`).toBeDefined();
    const shown = issueIn("it", issue);
    return { message: shown.message, hint: shown.hint, english: `${issue.message} | ${issue.hint}` };
  });
}

const rows = validRows();
const stops = (over: Parameters<typeof stopRow>[0]) => parseDataSet(dataFiles({ stops: [stopRow(over), rows.stops[1]!] })).issues;

describe("values, in Italian", () => {
  it("a time, a window, a date and a time zone, with the exact fix", () => {
    expect(italian(stops({ start: "9.30" }), "bad-time")).toMatchObject([{ message: '"9.30" non è un orario; atteso HH:MM (24 ore)', hint: "scrivi 09:30" }]);
    expect(italian(stops({ start: "nove" }), "bad-time")).toMatchObject([{ hint: "scrivi gli orari come HH:MM, per esempio 09:30 o 14:00" }]);
    expect(italian(stops({ breaks: "15.40-16" }), "bad-window")).toMatchObject([
      { message: '"15.40-16" non è una finestra oraria; attesa HH:MM-HH:MM', hint: "scrivi le finestre come HH:MM-HH:MM, per esempio 15:40-16:00" },
    ]);
    expect(italian(stops({ breaks: "16:00-15:40" }), "end-before-start")).toMatchObject([
      { message: 'la finestra "16:00-15:40" finisce alle 15:40, non dopo l\'inizio alle 16:00', hint: "scrivi 15:40-16:00" },
    ]);
    expect(italian(stops({ date: "18/03/2026" }), "bad-date")).toMatchObject([{ message: '"18/03/2026" non è una data; attesa AAAA-MM-GG', hint: "scrivi 2026-03-18" }]);
    expect(italian(stops({ date: "2026-02-30" }), "bad-date")).toMatchObject([{ message: '"2026-02-30" non è una data del calendario', hint: "controlla il mese e il giorno" }]);
    expect(italian(stops({ timezone: "Europe/Roma" }), "bad-timezone")).toMatchObject([
      { message: '"Europe/Roma" non è un fuso orario IANA; forse intendevi Europe/Rome?', hint: "scrivi Europe/Rome" },
    ]);
  });

  it("numbers: out of range, not whole, not a number, a decimal comma", () => {
    expect(italian(stops({ gap_minutes: "-5" }), "out-of-range")).toMatchObject([{ message: 'atteso un numero intero da 0 a 1440, trovato "-5"', hint: "scrivi un numero da 0 a 1440" }]);
    expect(italian(stops({ slot_minutes: "20.5" }), "not-integer")).toMatchObject([{ message: 'atteso un numero intero, trovato "20.5"', hint: "scrivi un numero intero da 1 a 1440" }]);
    expect(italian(stops({ slot_minutes: "venti" }), "bad-number")).toMatchObject([{ message: 'atteso un numero intero, trovato "venti"', hint: "scrivi un numero da 1 a 1440, solo cifre" }]);
    const scores = (score: string) => parseDataSet(dataFiles({ scores: [scoreRow({ score })] })).issues;
    expect(italian(scores("1,5"), "decimal-comma")).toMatchObject([{ message: '"1,5" ha la virgola decimale; letto come 1.5', hint: "scrivi 1.5 per non lasciare dubbi" }]);
    expect(italian(scores("-2"), "out-of-range")).toMatchObject([{ message: 'atteso un numero ≥ 0, trovato "-2"', hint: "scrivi 0 (nessun incontro) o un punteggio positivo" }]);
    expect(italian(scores("tanto"), "bad-number")).toMatchObject([{ message: 'atteso un numero ≥ 0, trovato "tanto"', hint: "scrivi un numero come 42 o 12.5" }]);
  });

  it("an id with a bar and a word not among the choices", () => {
    expect(italian(parseDataSet(dataFiles({ scores: [scoreRow({ firm_id: "F0001|F0002" })] })).issues, "bad-id")).toMatchObject([
      { message: '"F0001|F0002" non è un identificativo: un identificativo non può contenere |', hint: "usa un identificativo per riga; | separa gli elementi di un elenco" },
    ]);
    const kinds = (kind: string) => parseDataSet(dataFiles({ requests: [{ firm_id: "F0001", country: "US", kind }] })).issues;
    expect(italian(kinds("mustt"), "bad-choice")).toMatchObject([{ message: '"mustt" non è tra must, avoid; forse intendevi must?', hint: "scrivi must" }]);
    expect(italian(kinds("xyzzy"), "bad-choice")).toMatchObject([{ message: '"xyzzy" non è tra must, avoid', hint: "scrivi must o avoid" }]);
  });
});

describe("files, in Italian", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "roadshow-said-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const folder = (name: string, files: Record<string, string>) => {
    const at = path.join(dir, name);
    mkdirSync(at);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(at, file), text);
    return at;
  };
  const example = dataFiles() as Required<ReturnType<typeof dataFiles>>;
  const text = (file: { bytes: Uint8Array }) => new TextDecoder().decode(file.bytes);

  it("a folder that is not there, a missing file, a file there twice, a folder given as a file", async () => {
    const nowhere = path.join(dir, "nowhere");
    expect(italian((await readDataDir(nowhere)).issues, "missing-folder")).toMatchObject([
      { message: `la cartella dei dati ${nowhere} non esiste (percorso cercato: ${nowhere})`, hint: "indica la cartella che contiene stops.csv, delegations.csv e firms.csv" },
    ]);
    const noFirms = folder("no-firms", { "stops.csv": text(example.stops), "delegations.csv": text(example.delegations), "firms.ods": "x" });
    expect(italian((await readDataDir(noFirms)).issues, "missing-file")).toMatchObject([
      { message: `firms.csv manca in ${noFirms} (c'è firms.ods)`, hint: "esporta firms.ods come CSV UTF-8 e chiamalo firms.csv" },
    ]);
    const twice = folder("twice", { "stops.csv": text(example.stops), "delegations.csv": text(example.delegations), "firms.csv": text(example.firms), "Firms.csv": text(example.firms) });
    expect(italian((await readDataDir(twice)).issues, "duplicate-file")).toMatchObject([
      {
        message: `${twice} contiene Firms.csv e firms.csv: firms due volte, e roadshow non può sapere quale leggere`,
        hint: "tienine uno: elimina o rinomina gli altri (per esempio firms.old.csv)",
      },
    ]);
    expect(italian((await readDataDir(twice, { scoresFile: dir })).issues, "unreadable-file")).toMatchObject([
      { message: `${dir} è una cartella, non un file`, hint: "indica il percorso di un file CSV" },
    ]);
  });

  it("bytes that are not a CSV text: a PDF, an empty file, Windows-1252", () => {
    const replace = (bytes: Uint8Array) => parseDataSet({ ...dataFiles(), firms: { name: "firms.csv", bytes } }).issues;
    expect(italian(replace(new TextEncoder().encode("%PDF-1.7\n")), "not-csv")).toMatchObject([
      { message: "atteso un file di testo CSV, ma è un documento PDF", hint: "salvalo dal foglio di calcolo come CSV UTF-8 (File › Salva con nome › CSV UTF-8)" },
    ]);
    expect(italian(replace(new TextEncoder().encode("<html><body>x</body></html>")), "not-csv")[0]!.message).toBe("atteso un file di testo CSV, ma è una pagina HTML");
    const big: InputIssue[] = [];
    decodeBytes(new Uint8Array(MAX_FILE_BYTES + 1), new Reporter("firms.csv", big));
    expect(italian(big, "file-too-large")).toMatchObject([{ message: "il file è di 50,0 MB; il limite è 50,0 MB per file", hint: "dividi i dati o togli le colonne che non servono" }]);
    expect(big[0]!.message).toBe("the file is 50.0 MB; the limit is 50.0 MB per file");
    expect(italian(replace(new Uint8Array()), "empty-file")).toMatchObject([
      { message: "il file è vuoto; attese una riga di intestazione e righe di dati", hint: "esporta di nuovo il foglio, con la sua riga di intestazione" },
    ]);
    const latin1 = Uint8Array.from([...example.firms.bytes, 0x0a, 0x46, 0xe0]);
    expect(italian(replace(latin1), "not-utf8")[0]!.message).toBe("il file non è UTF-8; è stato letto come Windows-1252 (Latin-1), la codifica abituale di Excel");
  });
});

describe("CSV structure, tables, columns and ids, in Italian", () => {
  const firmsText = (text: string) => parseDataSet({ ...dataFiles(), firms: { name: "firms.csv", bytes: new TextEncoder().encode(text) } }).issues;
  const header = "firm_id;name;sectors;stops;targets;markets;available;max_meetings;representatives";

  it("a ragged row, a stray quote, a file with a header only", () => {
    expect(italian(firmsText(`${header}\nF0001;Meccanica;mechanics;BG-2026-03;US;;;;1;extra\n`), "ragged-row")).toMatchObject([
      { message: "la riga 2 ha 10 celle ma l'intestazione ne ha 9 (separate da punti e virgola)", hint: "dai a ogni riga 9 celle; metti tra virgolette le celle che contengono un punto e virgola" },
    ]);
    expect(italian(firmsText(`${header}\nF0001;Mecca"nica;mechanics;BG-2026-03;US;;;;1\n`), "bad-quote")).toMatchObject([
      {
        message: "una virgoletta doppia dentro una cella che non inizia con una virgoletta; la riga è saltata",
        hint: 'metti tra "…" una cella che contiene il separatore o una virgoletta, raddoppiando le virgolette interne ("")',
      },
    ]);
    expect(italian(firmsText(`${header}\n`), "no-rows")).toMatchObject([
      { message: "il file ha l'intestazione ma non contiene imprese", hint: "aggiungi una riga per ogni impresa, o controlla di aver esportato il file giusto" },
    ]);
  });

  it("a missing column with its near name, an unknown column, a column twice, no header", () => {
    const issues = firmsText("firm_id,nome,sectors,stops,targets,targets,colour\nF0001,Meccanica,mechanics,BG-2026-03,US,US,red\n");
    expect(italian(issues, "missing-column")).toMatchObject([{ message: "manca la colonna obbligatoria name; forse intendevi nome?", hint: "rinomina la colonna nome in name" }]);
    expect(italian(issues, "duplicate-column")).toMatchObject([
      { message: "la colonna targets compare due volte nell'intestazione (celle 5 e 6)", hint: "elimina o rinomina una delle due colonne" },
    ]);
    expect(italian(issues, "unknown-column").find((i) => i.message.startsWith("la colonna colour"))).toMatchObject({
      message: "la colonna colour non è tra quelle che questo file usa; è ignorata",
      hint: expect.stringMatching(/^colonne note: firm_id, name, /),
    });
    expect(italian(firmsText("a,b\n1,2\n"), "no-header")[0]!.message).toMatch(/^la prima riga non è un'intestazione: non c'è nessuna delle colonne attese \(firm_id, name, /);
  });

  it("an id used twice and a reference to an unknown id, with its near id", () => {
    const firms = [...rows.firms, { ...rows.firms[0]!, name: "Doppia" }];
    expect(italian(parseDataSet(dataFiles({ firms })).issues, "duplicate-id")).toMatchObject([
      { message: "firm_id F0001 alla riga 5 è già usato alla riga 2; gli identificativi devono essere unici", hint: "rinomina o elimina una delle righe 2 e 5" },
    ]);
    const stopsRef = parseDataSet(dataFiles({ firms: [{ ...rows.firms[0]!, stops: "BG-2026-3" }, ...rows.firms.slice(1)] })).issues;
    expect(italian(stopsRef, "unknown-stop")).toMatchObject([
      { message: '"BG-2026-3" non compare nella colonna stop_id di stops.csv; forse intendevi BG-2026-03?', hint: "scrivi BG-2026-03, o aggiungi BG-2026-3 a stops.csv" },
    ]);
  });

  it("a workbook that does not open", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "roadshow-said-xlsx-"));
    try {
      writeFileSync(path.join(dir, "roadshow.xlsx"), "not a workbook");
      const shown = italian((await readDataDir(dir)).issues, "not-xlsx");
      expect(shown[0]!.message).toMatch(/^attesa una cartella di lavoro \.xlsx, ma non si apre come tale \(.+\)$/);
      expect(shown[0]!.hint).toBe("salvalo dal programma di fogli di calcolo come Cartella di lavoro di Excel (.xlsx), o come CSV UTF-8 con nome .csv");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
