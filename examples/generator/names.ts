/** Plausible, fictional Lombard company names, agreeing in gender and number. */
import type { Random } from "./random.js";

/** Grammatical form of a name's head noun: feminine/masculine, singular/plural. */
type Form = "fs" | "ms" | "fp" | "mp";

interface Stem {
  readonly word: string;
  readonly form: Form;
}

const s = (word: string, form: Form): Stem => ({ word, form });

const STEMS: Readonly<Record<string, readonly Stem[]>> = {
  "advanced-manufacturing": [s("Officine", "fp"), s("Manifatture", "fp"), s("Stampi", "mp"), s("Lavorazioni di Precisione", "fp"), s("Automazione", "fs"), s("Robotica", "fs"), s("Additive", "fs")],
  mechanics: [s("Meccanica", "fs"), s("Ingranaggi", "mp"), s("Valvole", "fp"), s("Minuterie", "fp"), s("Torneria", "fs"), s("Rubinetterie", "fp"), s("Trasmissioni", "fp"), s("Oleodinamica", "fs")],
  "tech-innovation": [s("Sistemi", "mp"), s("Tecnologie", "fp"), s("Elettronica", "fs"), s("Sensoristica", "fs"), s("Soluzioni Digitali", "fp"), s("Laboratori", "mp")],
  ai: [s("Dati", "mp"), s("Analitica", "fs"), s("Visione Artificiale", "fs"), s("Algoritmi", "mp"), s("Intelligenza Applicata", "fs"), s("Modelli", "mp")],
  aerospace: [s("Aerotecnica", "fs"), s("Avionica", "fs"), s("Compositi Aeronautici", "mp"), s("Aerostrutture", "fp"), s("Componenti Spaziali", "mp"), s("Elicotteristica", "fs")],
  energy: [s("Energie", "fp"), s("Solare", "ms"), s("Idroelettrica", "fs"), s("Impianti Termici", "mp"), s("Rinnovabili", "fp"), s("Biogas", "ms"), s("Reti Elettriche", "fp")],
  fashion: [s("Seterie", "fp"), s("Maglificio", "ms"), s("Calzaturificio", "ms"), s("Confezioni", "fp"), s("Pelletterie", "fp"), s("Atelier", "ms"), s("Camiceria", "fs")],
  "technical-textiles": [s("Tessitura", "fs"), s("Filati Tecnici", "mp"), s("Tessuti Tecnici", "mp"), s("Nastrificio", "ms"), s("Non Tessuti", "mp"), s("Spalmature", "fp")],
  construction: [s("Costruzioni", "fp"), s("Edilizia", "fs"), s("Laterizi", "mp"), s("Cementi", "mp"), s("Serramenti", "mp"), s("Prefabbricati", "mp"), s("Infrastrutture", "fp")],
};

/** Feminine singular place adjectives; the other forms are derived. */
const PLACES = [
  "Orobica", "Bergamasca", "Seriana", "Brembana", "Bresciana", "Camuna", "Gardesana", "Valsabbina",
  "Lariana", "Comasca", "Lecchese", "Brianzola", "Varesina", "Insubrica", "Ticinese", "Lomellina",
  "Pavese", "Mantovana", "Virgiliana", "Cremonese", "Cremasca", "Lodigiana", "Valtellinese",
  "Milanese", "Ambrosiana", "Padana", "Lombarda", "Monzese", "Sebina", "Franciacortina",
];

const PLACE_NOUNS = [
  "del Garda", "del Lario", "dell'Adda", "del Ticino", "dell'Oglio", "del Sebino", "del Mincio",
  "della Brianza", "della Valle Seriana", "della Valtrompia", "dell'Oltrepò", "del Po", "della Martesana",
  "della Valcamonica", "del Verbano", "della Lomellina",
];

const SURNAMES = [
  "Colombo", "Brambilla", "Ferrari", "Rossi", "Bianchi", "Galli", "Fumagalli", "Villa", "Sala", "Mauri",
  "Cattaneo", "Pozzi", "Riva", "Bonfanti", "Longoni", "Redaelli", "Mariani", "Gatti", "Rota", "Locatelli",
  "Pedretti", "Bertoli", "Zanetti", "Ghisalberti", "Invernizzi", "Crippa", "Motta", "Frigerio", "Beretta",
  "Moretti", "Lanfranchi", "Gualdi", "Togni", "Bonomi", "Guerini", "Agazzi", "Perego", "Nava", "Corbetta", "Nodari",
];

const LEGAL = { "S.r.l.": 56, "S.p.A.": 20, "S.r.l.s.": 6, "S.n.c.": 8, "S.a.s.": 8 } as const;

function agree(place: string, form: Form): string {
  if (place.endsWith("ese")) return form.endsWith("p") ? `${place.slice(0, -1)}i` : place;
  const root = place.slice(0, -1);
  switch (form) {
    case "fs": return place;
    case "ms": return `${root}o`;
    case "fp": return place.endsWith("ca") ? `${root}he` : `${root}e`;
    // Bergamasca → Bergamaschi, but Orobica → Orobici.
    case "mp": return place.endsWith("sca") ? `${root}hi` : `${root}i`;
  }
}

/** A new name for a firm of `sector`; `taken` holds names already used. */
export function firmName(random: Random, sector: string, taken: ReadonlySet<string>): string {
  for (;;) {
    const name = draw(random, sector);
    if (!taken.has(name)) return name;
  }
}

function draw(random: Random, sector: string): string {
  const stem = random.pick(STEMS[sector]!);
  const surname = random.pick(SURNAMES);
  const legal = random.weighted(LEGAL);
  switch (random.weighted({ place: 50, noun: 18, family: 14, brothers: 8, sons: 6, society: 4 })) {
    case "place": return `${stem.word} ${agree(random.pick(PLACES), stem.form)} ${legal}`;
    case "noun": return `${stem.word} ${random.pick(PLACE_NOUNS)} ${legal}`;
    case "family": return `${surname} ${stem.word} ${legal}`;
    case "brothers": return `Fratelli ${surname} ${legal}`;
    case "sons": return `${surname} & Figli ${legal}`;
    default:
      // "Società Meccanica Lecchese" reads well; "Società Officine …" does not.
      return `${stem.form === "fs" ? "Società " : ""}${stem.word} ${agree(random.pick(PLACES), stem.form)} ${legal}`;
  }
}
