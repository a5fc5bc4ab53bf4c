// A language code in, the template labels in that language out (the catalogue of fixed words).
import type { Article } from '../model/article.js';

export type Lang = Article['lang'];

export interface Labels {
  briefing: string;
  keyPoints: string;
  timeline: string;
  actors: string;
  places: string;
  sources: string;
  quotation: string;
  date: string;
  event: string;
  name: string;
  role: string;
  side: string;
  place: string;
  kind: string;
  coordinates: string;
  prepared: string;
  published: string;
  /** "page {page} of {pages}" */
  pageOf: string;
  notes: string;
  continued: string;
  accessed: string;
  /** Slide title of a section without a heading. */
  overview: string;
  mapCredit: string;
  /** Column of the actors table: whom each met, and when. */
  contacts: string;
  /** The back matter of the briefing. */
  aboutAuthor: string;
  suggestedCitation: string;
}

type BackMatterLabels = Pick<Labels, 'aboutAuthor' | 'suggestedCitation'>;
const backMatter: Record<Lang, BackMatterLabels> = {
  en: { aboutAuthor: 'About the author', suggestedCitation: 'Suggested citation' },
  be: { aboutAuthor: 'Пра аўтара', suggestedCitation: 'Як цытаваць' },
  uk: { aboutAuthor: 'Про автора', suggestedCitation: 'Як цитувати' },
  ru: { aboutAuthor: 'Об авторе', suggestedCitation: 'Как цитировать' },
};

const ownLabels: Record<Lang, Omit<Labels, keyof BackMatterLabels>> = {
  en: {
    briefing: 'Briefing', keyPoints: 'Key points', timeline: 'Timeline', actors: 'Actors', places: 'Places', sources: 'Sources',
    quotation: 'Quotation', date: 'Date', event: 'Event', name: 'Name', role: 'Role', side: 'Side', place: 'Place', kind: 'Kind',
    coordinates: 'Coordinates', prepared: 'Prepared', published: 'Published', pageOf: 'page {page} of {pages}', notes: 'Notes', continued: 'continued', accessed: 'accessed', overview: 'Overview', mapCredit: 'Map data: Natural Earth', contacts: 'Met',
  },
  be: {
    briefing: 'Брыфінг', keyPoints: 'Галоўнае', timeline: 'Храналогія', actors: 'Дзейныя асобы', places: 'Месцы', sources: 'Крыніцы',
    quotation: 'Цытата', date: 'Дата', event: 'Падзея', name: 'Імя', role: 'Роля', side: 'Бок', place: 'Месца', kind: 'Тып',
    coordinates: 'Каардынаты', prepared: 'Падрыхтавана', published: 'Апублікавана', pageOf: 'старонка {page} з {pages}', notes: 'Нататкі', continued: 'працяг', accessed: 'праглядзена', overview: 'Агляд', mapCredit: 'Картаграфічныя даныя: Natural Earth', contacts: 'Сустрэчы',
  },
  uk: {
    briefing: 'Брифінг', keyPoints: 'Головне', timeline: 'Хронологія', actors: 'Дійові особи', places: 'Місця', sources: 'Джерела',
    quotation: 'Цитата', date: 'Дата', event: 'Подія', name: 'Ім’я', role: 'Роль', side: 'Сторона', place: 'Місце', kind: 'Тип',
    coordinates: 'Координати', prepared: 'Підготовлено', published: 'Опубліковано', pageOf: 'сторінка {page} з {pages}', notes: 'Нотатки', continued: 'продовження', accessed: 'переглянуто', overview: 'Огляд', mapCredit: 'Картографічні дані: Natural Earth', contacts: 'Зустрічі',
  },
  ru: {
    briefing: 'Брифинг', keyPoints: 'Главное', timeline: 'Хронология', actors: 'Действующие лица', places: 'Места', sources: 'Источники',
    quotation: 'Цитата', date: 'Дата', event: 'Событие', name: 'Имя', role: 'Роль', side: 'Сторона', place: 'Место', kind: 'Тип',
    coordinates: 'Координаты', prepared: 'Подготовлено', published: 'Опубликовано', pageOf: 'страница {page} из {pages}', notes: 'Заметки', continued: 'продолжение', accessed: 'просмотрено', overview: 'Обзор', mapCredit: 'Картографические данные: Natural Earth', contacts: 'Встречи',
  },
};

const catalogue: Record<Lang, Labels> = Object.fromEntries(
  (Object.keys(ownLabels) as Lang[]).map((lang) => [lang, { ...ownLabels[lang], ...backMatter[lang] }]),
) as Record<Lang, Labels>;

/** The names of the labels, as a theme's `labels:` may override them. */
export const LABEL_NAMES = Object.keys(catalogue.en) as (keyof Labels)[];

/** The labels of a language, with a theme's overrides for that language. */
export function labelsFor(lang: Lang, overrides?: Partial<Record<Lang, Partial<Labels>>>): Labels {
  const own = overrides?.[lang];
  return own ? { ...catalogue[lang], ...own } : catalogue[lang];
}

/** A date (ISO yyyy-mm-dd or epoch ms) in the language's long form: "18 April 2023", "18 красавіка 2023 г.". */
export function formatLongDate(date: string | number, lang: Lang): string {
  const instant = typeof date === 'number' ? new Date(date) : new Date(`${date}T00:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(instant);
}
