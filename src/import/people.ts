// The article's texts (with their lines) in, the people it names with a role out: names of two or three capitalised
// words (or an initial and a surname) with a role beside them ("X, the head of Y", "the chairman of …, X", "министр
// … Линас Линкявичюс"), a surname's other mentions and spellings merged into one actor, with a note for each.
import { splitSentences } from '../render/sentences.js';
import { findPlaceMentions } from './gazetteer.js';
import { slugify } from './slug.js';
import type { ArticleInput } from '../model/article.js';

type Lang = 'en' | 'be' | 'uk' | 'ru';
export type ImportedActor = NonNullable<ArticleInput['actors']>[number];

export interface PersonNote {
  line: number;
  message: string;
}

/** Words that name an office or a function; Cyrillic ones as stems (their case endings follow). */
const ROLE_WORDS: Record<'latin' | 'cyrillic', RegExp> = {
  latin: /^(?:head|heads|chairman|chairwoman|chair|chairperson|leader|president|premier|minister|deputy|spokesman|spokeswoman|spokesperson|governor|mayor|ambassador|envoy|director|commander|secretary|chief|official|representative|founder|editor|analyst|expert|adviser|advisor|general|judge|prosecutor|candidate|ruler|dictator|prime|rector|ombudsman|speaker|aide|researcher|fellow|journalist|activist|lawyer)$/iu,
  cyrillic: /^(?:глав|голов|кіраўні|керівни|руководител|кірауні|старшын|председател|лідар|лідер|лидер|прэзідэнт|президент|прэм|прем|міністр|министр|замминистр|намесні|заступни|заместител|прадстаўні|представни|прэс-сакратар|пресс-секретар|прес-секретар|речни|спікер|спикер|губернатар|губернатор|мэр|мер|пасол|посол|пасл|посл|дырэктар|директор|сакратар|секретар|дарадц|радни|советни|дэпутат|депутат|палітык|політик|политик|эксперт|експерт|аналітык|аналітик|аналитик|камандуюч|командувач|командующ|генерал|суддз|судд|судь|пракурор|прокурор|рэктар|ректор|амбудсмен|журналіст|журналист|актывіст|активіст|активист)/iu,
};

/** Capitalised words that are never (part of) a person's name. */
const NOT_NAMES = new Set(
  ('the a an in on at for from after before since until during by with of and or but as this that these those such it its he she they we our their his her ' +
    'however meanwhile moreover according also then there here when while if although because yet so thus ' +
    'later earlier today yesterday tomorrow now still even only both all some many most other every each last next new former foreign vice acting ' +
    'mr mrs ms dr prof sir madam lady lord saint st ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'belarusian russian ukrainian lithuanian polish european western eastern soviet crimean regime authorities officials kremlin taliban communist military occupation puppet ' +
    'рэжым режим улады власти влада уладу власть ўлада кіраўніцтва руководство керівництво ' +
    'у ў в на з із са с і и й а але но да па по пра про для ад от до пасля после після калі когда коли гэта это це ён он він яна она вона яны они вони ' +
    'студзень люты сакавік красавік травень чэрвень ліпень жнівень верасень кастрычнік лістапад снежань')
    .split(' '),
);
/** Words that make a run of capitalised words an organisation or a document, not a person. */
const ORGANISATION = /^(?:works|plant|factory|combine|committee|ministry|cabinet|council|republic|federation|union|party|bank|agency|office|executive|regional|national|consulate|university|institute|centre|center|news|media|press|government|parliament|assembly|court|army|forces|service|company|group|fund|foundation|commission|administration|authority|authorities|department|embassy|state|states|kingdom|wire|times|post|review|міністэрств|министерств|міністерств|камітэт|комітет|комитет|рад|совет|савет|рэспублік|республік|республик|федэрацы|федерац|саюз|союз|партыя|партия|партія|банк|агенцтв|агентств|урад|уряд|правительств|парламент|суд|арми|армі|служб|кампані|компани|компані|фонд|камісі|комісі|комисси|адміністрац|администрац|посольств|амбасад|пасольств|консульств)/iu;

/** Stand between a role and the name it comes before, ending the role phrase ("… met Denis Pushilin"). */
/** Countries and continents (the gazetteer holds only places with a point on the map). */
const COUNTRY = /^(?:belarus|ukraine|russia|poland|lithuania|latvia|estonia|moldova|georgia|europe|america|china|беларус|белорус|білорус|украін|україн|украин|расі|росі|росси|польш|польщ|літв|литв|латв|эстон|естон|малдов|молдов|грузі|грузи|еўроп|європ|европ|амерык|америк|кіта|кита)/iu;

const ROLE_BREAK = /^(?:met|meets|meeting|said|says|told|with|and|by|to|from|as|when|while|after|before|called|held|hosted|received|visited|thanked|accused|asked|urged|than|that|who|which|з|са|с|і|и|та|й|а|принял|прыняў|прийняв|встретился|сустрэўся|зустрівся|заявил|заявіў|заявив|сказал|сказаў|сказав|что|што|що)$/iu;

const CYRILLIC = /\p{Script=Cyrillic}/u;
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\.)$/u;
/** Words, and initials with their full stop ("A. Lukashenko"). */
const WORD = /\p{Lu}\.(?=\s)|[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}’'ʼ-]*[\p{L}\p{M}\p{N}])?/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** A run of one to three name words in a sentence. */
interface NameRun {
  words: string[];
  start: number;
  end: number;
  /** The tokens' indexes in the sentence. */
  first: number;
  last: number;
}

interface Person {
  /** Every form the text writes, as found (a full name or a surname). */
  forms: string[];
  /** The names of two words or more, lemmatised ("Дзянісам Пушыліным" → "Дзяніс Пушылін"). */
  fullNames: string[];
  surnames: string[];
  key: string;
  role?: string;
  roleHow?: string;
  line: number;
}

const CYR_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'e', ж: 'z', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c',
  ш: 's', щ: 's', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'u', я: 'a',
};

/**
 * A surname's consonants, the same for the spellings of one name in Latin and Cyrillic (Lukashenko, Lukashenka,
 * Lukašenka, Лукашэнка; Cichanoŭskaja, Tsikhanouskaya, Ціханоўская): transliterated, digraphs made one letter, vowels dropped.
 */
export function surnameKey(surname: string): string {
  const latin = [...surname.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')].map((ch) => CYR_TO_LATIN[ch] ?? ch).join('');
  const letters = latin.replace(/kh|ch/g, 'h').replace(/sch|sh/g, 's').replace(/zh/g, 'z').replace(/ts|tz|tc/g, 'c').replace(/w/g, 'v').replace(/x/g, 'ks').replace(/[^a-z]/g, '');
  return `${letters[0] ?? ''}${letters.slice(1).replace(/[aeiouyj]/g, '').replace(/(.)\1+/g, '$1')}`;
}

/** A Cyrillic name word in the nominative, as far as its ending tells (instrumental and genitive forms of the text). */
export function nominative(word: string, lang: Lang, position: 'first' | 'last'): string {
  if (!CYRILLIC.test(word)) return word;
  if (position === 'last') {
    if (/(?:ін|ын|ин|ов|ев|ёв|оў|еў|ав)(?:ым|ім|им)$/u.test(word)) return word.slice(0, -2);
    if (/енком$/u.test(word)) return word.slice(0, -1);
    if (lang === 'be' && /нкі$/u.test(word)) return `${word.slice(0, -1)}а`;
    if (lang === 'uk' && /енка$/u.test(word)) return `${word.slice(0, -1)}о`;
    return word;
  }
  if (/еем$/u.test(word)) return `${word.slice(0, -2)}й`;
  if (word.length >= 5 && /[бвгджзклмнпрстфхцчшщ](?:ам|ом|ем)$/u.test(word)) return word.slice(0, -2);
  return word;
}

const ROLE_OF_REGIME: Record<Lang, string> = { en: 'head of the regime', be: 'кіраўнік рэжыму', uk: 'очільник режиму', ru: 'глава режима' };

/** The sentence's words, a possessive "’s" left out ("Lukashenka’s" is "Lukashenka"). */
function tokens(sentence: string): Token[] {
  return [...sentence.matchAll(WORD)].map((m) => {
    const text = m[0].replace(/['’]s$/u, '');
    return { text, start: m.index, end: m.index + text.length };
  });
}

const isRoleWord = (word: string) => ROLE_WORDS[CYRILLIC.test(word) ? 'cyrillic' : 'latin'].test(word.replace(/[«»"“”„]/gu, ''));
const isPlaceWord = (word: string) => findPlaceMentions(word).length > 0;
const isNameWord = (word: string) =>
  NAME_WORD.test(word) && !NOT_NAMES.has(word.toLowerCase()) && !ORGANISATION.test(word) && !COUNTRY.test(word) && !isRoleWord(word) && !isPlaceWord(word);

/** Runs of name words joined by single spaces, at most three (longer runs of capitals are titles or bodies). */
function nameRuns(sentence: string, list: Token[]): NameRun[] {
  const runs: NameRun[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!isNameWord(list[i]!.text)) continue;
    let j = i;
    while (j + 1 < list.length && isNameWord(list[j + 1]!.text) && /^ $/u.test(sentence.slice(list[j]!.end, list[j + 1]!.start))) j++;
    // A capitalised run that goes on into a body's name ("Vitebsk Regional Executive Committee") is none.
    const next = list[j + 1];
    const intoBody = next && /^ $/u.test(sentence.slice(list[j]!.end, next.start)) && /^\p{Lu}/u.test(next.text) && ORGANISATION.test(next.text);
    // … or that follows a place's name in English ("the Minsk Coal Company"): a body named after its town (a Slavic
    // genitive stands there before a name: "глава ДНР Денис Пушилин").
    const previous = list[i - 1];
    const afterPlace = previous && /^ $/u.test(sentence.slice(previous.end, list[i]!.start)) && /^\p{Lu}/u.test(previous.text) && !CYRILLIC.test(previous.text) && isPlaceWord(previous.text);
    const words = list.slice(i, j + 1).map((t) => t.text);
    const initialsOnly = words.every((w) => w.endsWith('.'));
    if (!intoBody && !afterPlace && words.length <= 3 && !initialsOnly && !words[words.length - 1]!.endsWith('.') && findPlaceMentions(words.join(' ')).length === 0) {
      runs.push({ words, start: list[i]!.start, end: list[j]!.end, first: i, last: j });
    }
    i = j;
  }
  return runs;
}

const cleanRole = (role: string) => role.trim().replace(/^(?:the|a|an)\s+/iu, '').replace(/[\s,;:]+$/u, '').replace(/^[«"“„](.*)[»"”“]$/u, '$1').trim();

/** The role written as an apposition after the name: "Denis Pushilin, the Russian-installed head of …,". */
function roleAfter(sentence: string, run: NameRun): string | undefined {
  const rest = sentence.slice(run.end);
  const match = /^,\s+([^,;:.()]+?)(?=[,;:.()]|$)/u.exec(rest);
  if (!match || /^(?:and|or|і|и|та|а|ці|или|або)\s/iu.test(match[1]!)) return undefined;
  const phrase = match[1]!.replace(/^(?:the|a|an)\s+/iu, '');
  const words = phrase.split(/\s+/).slice(0, 4);
  return words.some(isRoleWord) ? cleanRole(match[1]!) : undefined;
}

/** The role written as an apposition before the name: "The head of the occupation administration of Crimea, Sergey Aksyonov,". */
function roleBefore(sentence: string, run: NameRun): string | undefined {
  const before = sentence.slice(0, run.start);
  if (!/,\s*$/u.test(before)) return undefined;
  const after = sentence.slice(run.end);
  if (!/^(?:\s*[,;:.)]|\s+(?:and|і|и|та)\s|\s*$)/u.test(after)) return undefined;
  const segment = /(?:^|[,;:(])\s*(?:and\s+|і\s+|и\s+|та\s+)?([^,;:()]+),\s*$/u.exec(before);
  if (!segment) return undefined;
  const phrase = segment[1]!.replace(/^(?:the|a|an)\s+/iu, '');
  const words = phrase.split(/\s+/).slice(0, 3);
  return words.some(isRoleWord) ? cleanRole(segment[1]!) : undefined;
}

/** The role standing right before the name: "Belarusian leader Alexander Lukashenko", "министр … Литвы Линас Линкявичюс". */
function rolePremodifier(sentence: string, list: Token[], run: NameRun, runs: NameRun[]): string | undefined {
  let roleIndex = -1;
  for (let i = run.first - 1; i >= Math.max(0, run.first - 7); i--) {
    const token = list[i]!;
    const gap = sentence.slice(token.end, list[i + 1]!.start);
    if (/[,;:.!?()—–]/u.test(gap.replace(/[«»"“”„]/gu, ''))) break;
    if (ROLE_BREAK.test(token.text) || runs.some((r) => r !== run && i >= r.first && i <= r.last)) break;
    if (isRoleWord(token.text)) {
      roleIndex = i;
      break;
    }
  }
  if (roleIndex < 0) return undefined;
  const between = sentence.slice(list[roleIndex]!.start, run.start);
  // A role in quotation marks ("acting head of the DPR") is the quoted words.
  const opened = sentence.slice(0, list[roleIndex]!.start).match(/[«"“„]([^«»"“”„]*)$/u);
  if (opened && /[»"”“]\s*$/u.test(between)) return cleanRole(`${opened[1]}${between}`.replace(/[»"”“]\s*$/u, ''));
  // Modifiers before the role word: "Belarusian leader", "Foreign Minister", "acting head".
  let start = roleIndex;
  for (let i = roleIndex - 1; i >= Math.max(0, roleIndex - 2); i--) {
    const word = list[i]!.text;
    const gap = sentence.slice(list[i]!.end, list[i + 1]!.start);
    if (!/^ $/u.test(gap) || ROLE_BREAK.test(word) || /^(?:the|a|an)$/iu.test(word)) break;
    const modifier = /^\p{Ll}/u.test(word) ? !NOT_NAMES.has(word) : /(?:ian|ese|ish|ic|an|ign|ime|uty|ice|ing)$/u.test(word) || /^(?:Foreign|Prime|Deputy|Vice|Acting|First)$/u.test(word) || isPlaceWord(word);
    if (!modifier || runs.some((r) => i >= r.first && i <= r.last)) break;
    start = i;
  }
  return cleanRole(sentence.slice(list[start]!.start, run.start));
}

/** "The Lukashenko regime", "рэжым Лукашэнкі", "режим Лукашенка": the regime's head, named by the article. */
function regimeHeads(sentence: string): { surname: string; start: number }[] {
  const out: { surname: string; start: number }[] = [];
  for (const m of sentence.matchAll(/(\p{Lu}[\p{Ll}\p{M}]+)(?:['’]s)?\s+regime/gu)) if (isNameWord(m[1]!)) out.push({ surname: m[1]!, start: m.index });
  for (const m of sentence.matchAll(/(?:рэжым|режим)\p{Ll}{0,3}\s+(\p{Lu}[\p{Ll}\p{M}]+)/giu)) if (isNameWord(m[1]!)) out.push({ surname: m[1]!, start: m.index });
  return out;
}

/** The people the texts name with a role, merged across their mentions and spellings; the others named in a note. */
export function articlePeople(texts: readonly { text: string; line: number }[], lang: Lang): { actors: ImportedActor[]; notes: PersonNote[]; mentions: (sentence: string) => string[] } {
  const people: Person[] = [];
  const personOf = (surname: string, firstName?: string): Person | undefined =>
    people.find((p) => p.key === surnameKey(surname) && (!firstName || p.fullNames.length === 0 || p.fullNames.some((f) => surnameKey(f)[0] === surnameKey(firstName)[0])));
  const add = (words: string[], line: number): Person => {
    const surnameWord = nominative(words[words.length - 1]!, lang, 'last');
    const full = words.length > 1 ? words.map((w, i) => nominative(w, lang, i === words.length - 1 ? 'last' : 'first')).join(' ') : undefined;
    let person = personOf(surnameWord, words.length > 1 ? words[0] : undefined);
    if (!person) {
      person = { forms: [], fullNames: [], surnames: [], key: surnameKey(surnameWord), line };
      people.push(person);
    }
    const form = words.join(' ');
    if (!person.forms.includes(form)) person.forms.push(form);
    if (full && !person.fullNames.includes(full)) person.fullNames.push(full);
    if (!person.surnames.includes(surnameWord)) person.surnames.push(surnameWord);
    const last = words[words.length - 1]!;
    if (!person.surnames.includes(last)) person.surnames.push(last);
    return person;
  };

  const singles: { word: string; line: number }[] = [];
  for (const { text, line } of texts) {
    for (const sentence of splitSentences(text, lang)) {
      const list = tokens(sentence);
      const runs = nameRuns(sentence, list);
      for (const run of runs) {
        if (run.words.length < 2) {
          singles.push({ word: run.words[0]!, line });
          continue;
        }
        const person = add(run.words, line);
        // A spelling the text gives beside the name: "Cichanoŭskaja (Tsikhanouskaya)".
        const alias = /^\s*\((\p{Lu}[\p{L}\p{M}'’-]+(?: \p{Lu}[\p{L}\p{M}'’-]+){0,2})\)/u.exec(sentence.slice(run.end));
        if (alias) for (const w of [alias[1]!.split(' ').pop()!]) if (!person.surnames.includes(w)) (person.surnames.push(w), person.forms.push(alias[1]!));
        if (person.role) continue;
        const span = alias ? { ...run, end: run.end + alias[0].length } : run;
        const found: [string | undefined, string][] = [
          [roleAfter(sentence, span), 'apposition after the name'],
          [roleBefore(sentence, span), 'apposition before the name'],
          [rolePremodifier(sentence, list, run, runs), 'words before the name'],
        ];
        const hit = found.find(([role]) => role && role.length >= 3);
        if (hit) {
          person.role = hit[0]!;
          person.roleHow = hit[1];
          person.line = line;
        }
      }
      for (const head of regimeHeads(sentence)) {
        const person = personOf(head.surname) ?? add([head.surname], line);
        if (!person.surnames.includes(head.surname)) person.surnames.push(head.surname);
        if (!person.role) {
          person.role = ROLE_OF_REGIME[lang];
          person.roleHow = `"${sentence.slice(head.start).split(/\s+/).slice(0, 2).join(' ')}" (drafted: check it)`;
          person.line = line;
        }
      }
    }
  }
  // A surname alone belongs to the person of that name, in whatever spelling or case.
  for (const { word, line } of singles) {
    const lemma = nominative(word, lang, 'last');
    const person = personOf(lemma) ?? personOf(word);
    if (person && !person.surnames.includes(word)) person.surnames.push(word);
    if (person && person.line > line && !person.role) person.line = line;
  }

  const notes: PersonNote[] = [];
  const actors: ImportedActor[] = [];
  const ids = new Set<string>();
  const script = lang === 'en' ? /\p{Script=Latin}/u : CYRILLIC;
  for (const person of people) {
    const names = person.fullNames.length > 0 ? person.fullNames : person.surnames.map((s) => nominative(s, lang, 'last'));
    const name = names.find((n) => script.test(n)) ?? names[0]!;
    if (!person.role) {
      notes.push({ line: person.line, message: `person: "${name}" is named without a role: not in the actors table (add it by hand if it belongs there)` });
      continue;
    }
    const surname = name.split(' ').pop()!;
    let id = slugify(surname, lang);
    for (let n = 2; ids.has(id); n++) id = `${slugify(surname, lang)}-${n}`;
    ids.add(id);
    actors.push({ id, name, role: person.role });
    const spellings = [...new Set([...person.forms, ...person.surnames])].filter((f) => f !== name);
    notes.push({ line: person.line, message: `actor: "${name}", role "${person.role}" (${person.roleHow})${spellings.length ? `; also written ${spellings.map((s) => `"${s}"`).join(', ')}` : ''}` });
  }
  const withRole = people.filter((p) => p.role);
  const mentions = (sentence: string): string[] => {
    const words = new Set(tokens(sentence).map((t) => t.text));
    return withRole.flatMap((p, i) => (p.surnames.some((s) => words.has(s)) || p.forms.some((f) => sentence.includes(f)) ? [actors[i]!.id] : []));
  };
  return { actors, notes, mentions };
}
