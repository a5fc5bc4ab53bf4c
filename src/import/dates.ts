// A sentence in, the dates written in it out: EDTF value plus the article's own wording (English, Belarusian, Ukrainian, Russian).

export interface FoundDate {
  /** EDTF: 2023-04-18, 2023-03, 2023-03~ (early March), ../2024-07-01 (no later than), 2022-02/.. (after), 2023-03-01/2023-03-03. */
  edtf: string;
  /** The words of the text that say the date, qualifier included, spaces collapsed: "no later than 1 July 2024". */
  wording: string;
  /** The matched text exactly as it stands in the sentence, and where. */
  raw: string;
  index: number;
}

/** Month names (lowercase, English abbreviations included) in the forms dates take, and their numbers. */
export const MONTHS: Record<string, number> = {};
const ENGLISH = new Set<string>();
const add = (names: string, month: number, english = false) =>
  names.split(' ').forEach((name) => {
    MONTHS[name] = month;
    if (english) ENGLISH.add(name);
  });
// English; then Russian, Ukrainian and Belarusian in the forms dates take: genitive ("18 апреля"), nominative, and the
// locative of "в марте", "у березні", "у сакавіку".
['january jan', 'february feb', 'march mar', 'april apr', 'may', 'june jun', 'july jul', 'august aug', 'september sep sept', 'october oct', 'november nov', 'december dec'].forEach((n, i) => add(n, i + 1, true));
['января январь январе', 'февраля февраль феврале', 'марта март марте', 'апреля апрель апреле', 'мая май мае', 'июня июнь июне', 'июля июль июле', 'августа август августе', 'сентября сентябрь сентябре', 'октября октябрь октябре', 'ноября ноябрь ноябре', 'декабря декабрь декабре'].forEach((n, i) => add(n, i + 1));
['січня січень січні', 'лютого лютий лютому', 'березня березень березні', 'квітня квітень квітні', 'травня травень травні', 'червня червень червні', 'липня липень липні', 'серпня серпень серпні', 'вересня вересень вересні', 'жовтня жовтень жовтні', 'листопада листопад листопаді', 'грудня грудень грудні'].forEach((n, i) => add(n, i + 1));
['студзеня студзень студзені', 'лютага люты лютым', 'сакавіка сакавік сакавіку', 'красавіка красавік красавіку', 'траўня травеня травень траўні', 'чэрвеня чэрвень чэрвені', 'ліпеня ліпень ліпені', 'жніўня жнівень жніўні', 'верасня верасень верасні', 'кастрычніка кастрычнік кастрычніку', 'лістапада лістапад лістападзе', 'снежня снежань снежні'].forEach((n, i) => add(n, i + 1));

/** The month a month name stands for (1–12), in any of the four languages and its forms: "December", "снежня", "грудня". */
export function monthOf(name: string): number | undefined {
  const month = MONTHS[name.toLowerCase().replace(/\.$/u, '')];
  // "may" and "march" are also English words: as months they are capitalised.
  if (month !== undefined && ENGLISH.has(name.toLowerCase().replace(/\.$/u, '')) && !/^\p{Lu}/u.test(name)) return undefined;
  return month;
}

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/** The Cyrillic "year" word that may follow a year ("2023 года", "2023 г.", "2023 року", "2023 р.", "2023-го"). */
const YEAR_WORD = '(?:\\s*(?:года|году|гады|годзе|року|г\\.|р\\.|г(?![\\p{L}])|р(?![\\p{L}]))|-го)?';
const year = (name: string) => `(?<${name}>\\d{4})${YEAR_WORD}`;
const day = (name: string) => `(?<${name}>\\d{1,2})(?:st|nd|rd|th)?`;
/** Start of a word: not preceded by a letter or digit (\b knows only ASCII letters). */
const START = '(?<![\\p{L}\\p{N}])';
const BEFORE = ['no later than', 'not later than', 'prior to', 'before', 'by', 'until', 'till', 'не позднее', 'не позже', 'до', 'не пазней за', 'не пазней', 'да', 'не пізніше', 'не пізніше ніж', 'раней за'];
const AFTER = ['after', 'since', 'from', 'после', 'с', 'пасля', 'з', 'після'];
const EARLY = ['early', 'the beginning of', 'the start of', 'beginning of', 'в начале', 'в самом начале', 'у пачатку', 'на пачатку', 'на початку'];
const MID = ['the middle of', 'middle of', 'в середине', 'у сярэдзіне', 'в середині', 'у середині', 'посеред'];
const LATE = ['late', 'the end of', 'end of', 'в конце', 'у канцы', 'напрыканцы', 'наприкінці', 'в кінці', 'у кінці'];
const words = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');

const MONTH = (name: string) => `(?<${name}>${MONTH_NAMES})\\.?`;
const PATTERN = new RegExp(
  [
    START,
    `(?:(?<before>${words(BEFORE)})\\s+|(?<after>${words(AFTER)})\\s+)?`,
    `(?:(?<early>${words(EARLY)})\\s+|(?<mid>${words(MID)})\\s+|(?<midHyphen>mid)-\\s*|(?<late>${words(LATE)})\\s+)?`,
    '(?:',
    // Ranges first: "1–3 March 2023", "between 1 and 3 March 2023", "с 1 по 3 марта 2023 года", "March 1–3, 2023".
    `${day('fromDay')}\\s*[–—-]\\s*${day('toDay')}\\s+${MONTH('rangeMonth')},?\\s+${year('rangeYear')}`,
    `|(?:between|from|с|з|ад|від)\\s+${day('fromDay3')}\\s+(?:and|to|по|па|до)\\s+${day('toDay3')}\\s+${MONTH('rangeMonth3')},?\\s+${year('rangeYear3')}`,
    `|${MONTH('rangeMonth2')}\\s+${day('fromDay2')}\\s*[–—-]\\s*${day('toDay2')},?\\s+${year('rangeYear2')}`,
    // Months: "January to March 2023", "с января по март 2023 года".
    `|(?:from\\s+|с\\s+|з\\s+|ад\\s+|від\\s+)?${MONTH('fromMonth')}\\s*(?:[–—-]|to|through|until|till|по|па|до)\\s*${MONTH('toMonth')},?\\s+${year('monthRangeYear')}`,
    // One day: "18 April 2023", "18th of April, 2023", "April 18, 2023", "18.04.2023", "2023-04-18".
    `|${day('day')}\\s+(?:of\\s+)?${MONTH('month')},?\\s+${year('year')}`,
    `|${MONTH('month2')}\\s+${day('day2')},?\\s+${year('year2')}`,
    '|(?<dd>\\d{1,2})\\.(?<mm>\\d{1,2})\\.(?<yyyy>\\d{4})' + YEAR_WORD,
    '|(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})',
    // A month: "March 2023", "в марте 2023 года".
    `|${MONTH('month3')},?\\s+${year('year3')}`,
    // A bare year only with "early", "mid", "late": "late 2022", "the end of 2024", "в конце 2022 года".
    `|(?<=(?:${words([...EARLY, ...MID, ...LATE])})\\s+|mid-)${year('year4')}`,
    ')',
    '(?![\\p{L}\\p{N}])',
  ].join(''),
  'giu',
);

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (y: number, m: number, d: number) => d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

export function findDates(sentence: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of sentence.matchAll(PATTERN)) {
    const g = match.groups ?? {};
    const monthName = g.rangeMonth ?? g.rangeMonth2 ?? g.rangeMonth3 ?? g.month ?? g.month2 ?? g.month3;
    // "may" and "march" are also English words: as months they are capitalised.
    if (monthName && ENGLISH.has(monthName.toLowerCase()) && !/^\p{Lu}/u.test(monthName)) continue;
    const month = monthName ? MONTHS[monthName.toLowerCase()] : g.mm ? Number(g.mm) : g.isoM ? Number(g.isoM) : undefined;
    const y = Number(g.monthRangeYear ?? g.rangeYear ?? g.rangeYear2 ?? g.rangeYear3 ?? g.year ?? g.year2 ?? g.year3 ?? g.yyyy ?? g.isoY ?? g.year4);
    if (!Number.isFinite(y) || y < 1000 || y > 2999) continue;
    if (month !== undefined && (month < 1 || month > 12)) continue;
    const dayText = g.day ?? g.day2 ?? g.dd ?? g.isoD;
    const from = g.fromDay ?? g.fromDay2 ?? g.fromDay3;
    const to = g.toDay ?? g.toDay2 ?? g.toDay3;
    let edtf: string;
    if (g.fromMonth && g.toMonth) {
      // English month names in a range are capitalised too ("January to March 2023").
      if ([g.fromMonth, g.toMonth].some((m) => ENGLISH.has(m.toLowerCase()) && !/^\p{Lu}/u.test(m))) continue;
      const a = MONTHS[g.fromMonth.toLowerCase()]!;
      const b = MONTHS[g.toMonth.toLowerCase()]!;
      const yy = Number(g.monthRangeYear);
      if (a >= b || yy < 1000 || yy > 2999) continue;
      edtf = `${yy}-${pad(a)}/${yy}-${pad(b)}`;
    } else if (from !== undefined && to !== undefined && month !== undefined) {
      if (!validDay(y, month, Number(from)) || !validDay(y, month, Number(to)) || Number(from) >= Number(to)) continue;
      edtf = `${y}-${pad(month)}-${pad(Number(from))}/${y}-${pad(month)}-${pad(Number(to))}`;
    } else if (dayText !== undefined && month !== undefined) {
      if (!validDay(y, month, Number(dayText))) continue;
      edtf = `${y}-${pad(month)}-${pad(Number(dayText))}`;
    } else if (month !== undefined) {
      edtf = `${y}-${pad(month)}`;
    } else {
      edtf = `${y}`;
    }
    const part = g.early ?? g.mid ?? g.midHyphen ?? g.late;
    const interval = edtf.includes('/');
    if (g.before && !interval) edtf = `../${edtf}`;
    else if (g.after && !interval) edtf = `${edtf}/..`;
    else if (part && !interval && !dayText) edtf += '~';
    const raw = match[0].replace(/[,\s]+$/u, '');
    const wording = raw.replace(/\s+/g, ' ').trim();
    found.push({ edtf, wording, raw, index: match.index ?? 0 });
  }
  return found;
}
