// A sentence and its language in, the dates written in it out: EDTF value plus the article's own wording.

export interface FoundDate {
  /** EDTF: 2023-04-18, 2023-03, 2023-03~ (early March), ../2024-07-01 (no later than), 2022-02/.. (after). */
  edtf: string;
  /** The words of the text that say the date, qualifier included: "no later than 1 July 2024". */
  wording: string;
  index: number;
}

const MONTHS: Record<string, number> = {};
const add = (names: string, month: number) => names.split(' ').forEach((name) => (MONTHS[name] = month));
// English, then Russian, Ukrainian and Belarusian in the forms dates take (genitive "18 апреля", nominative and prepositional "в марте").
['january jan', 'february feb', 'march mar', 'april apr', 'may', 'june jun', 'july jul', 'august aug', 'september sep sept', 'october oct', 'november nov', 'december dec'].forEach((n, i) => add(n, i + 1));
['января январь январе', 'февраля февраль феврале', 'марта март марте', 'апреля апрель апреле', 'мая май мае', 'июня июнь июне', 'июля июль июле', 'августа август августе', 'сентября сентябрь сентябре', 'октября октябрь октябре', 'ноября ноябрь ноябре', 'декабря декабрь декабре'].forEach((n, i) => add(n, i + 1));
['січня січень', 'лютого лютий', 'березня березень', 'квітня квітень', 'травня травень', 'червня червень', 'липня липень', 'серпня серпень', 'вересня вересень', 'жовтня жовтень', 'листопада листопад', 'грудня грудень'].forEach((n, i) => add(n, i + 1));
['студзеня студзень', 'лютага люты', 'сакавіка сакавік', 'красавіка красавік', 'траўня травеня травень', 'чэрвеня чэрвень', 'ліпеня ліпень', 'жніўня жнівень', 'верасня верасень', 'кастрычніка кастрычнік', 'лістапада лістапад', 'снежня снежань'].forEach((n, i) => add(n, i + 1));

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/** A year, with the Cyrillic "year" word that may follow it ("2023 года", "2023 г.", "2023 року"). */
const year = (name: string) => `(?<${name}>\\d{4})(?:\\s*(?:года|году|гады|року|г\\.|р\\.))?`;
/** Start of a word: not preceded by a letter (\\b knows only ASCII letters). */
const START = '(?<![\\p{L}\\p{N}])';
const BEFORE = ['no later than', 'not later than', 'before', 'by', 'until', 'не позднее', 'до', 'не пазней за', 'не пазней', 'не пізніше', 'раней за', 'раніше'];
const AFTER = ['after', 'since', 'from', 'после', 'с', 'пасля', 'з', 'після', 'від'];
const EARLY = ['early', 'the beginning of', 'the start of', 'в начале', 'у пачатку', 'на початку', 'на пачатку', 'начале', 'початку'];
const LATE = ['late', 'the end of', 'в конце', 'у канцы', 'наприкінці', 'в кінці', 'у кінці', 'конце'];
const words = (list: string[]) => list.sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');

const PATTERN = new RegExp(
  [
    START,
    `(?:(?<before>${words(BEFORE)})\\s+|(?<after>${words(AFTER)})\\s+)?`,
    `(?:(?<early>${words(EARLY)})\\s+|(?<late>${words(LATE)})\\s+)?`,
    '(?:',
    `(?<day>\\d{1,2})\\s+(?<month>${MONTH_NAMES})\\.?,?\\s+${year('year')}`,
    `|(?<month2>${MONTH_NAMES})\\.?\\s+(?<day2>\\d{1,2}),?\\s+${year('year2')}`,
    `|(?<month3>${MONTH_NAMES})\\s+${year('year3')}`,
    '|(?<dd>\\d{1,2})\\.(?<mm>\\d{1,2})\\.(?<yyyy>\\d{4})',
    ')',
    '(?![\\p{L}\\p{N}])',
  ].join(''),
  'giu',
);

const pad = (n: number) => String(n).padStart(2, '0');

export function findDates(sentence: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of sentence.matchAll(PATTERN)) {
    const g = match.groups ?? {};
    const monthName = (g.month ?? g.month2 ?? g.month3)?.toLowerCase();
    const month = monthName ? MONTHS[monthName] : g.mm ? Number(g.mm) : undefined;
    const yearNumber = Number(g.year ?? g.year2 ?? g.year3 ?? g.yyyy);
    const day = g.day ?? g.day2 ?? g.dd;
    if (!month || month > 12 || !Number.isFinite(yearNumber) || yearNumber < 1000) continue;
    if (day && (Number(day) < 1 || Number(day) > 31)) continue;
    let edtf = day ? `${yearNumber}-${pad(month)}-${pad(Number(day))}` : `${yearNumber}-${pad(month)}`;
    if (!day && (g.early || g.late)) edtf += '~';
    if (g.before) edtf = `../${edtf}`;
    else if (g.after) edtf = `${edtf}/..`;
    const wording = match[0].replace(/\s+/g, ' ').replace(/,$/, '').trim();
    found.push({ edtf, wording, index: match.index ?? 0 });
  }
  return found;
}
