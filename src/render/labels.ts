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
  /** The kinds of place (`kind` in the article), in the places table, the notes and the map's alt text. */
  kindCapital: string;
  kindCity: string;
  kindRegion: string;
  kindOccupiedTerritory: string;
  /** The unit of the map's scale bar. */
  kilometres: string;
  /** Hemispheres after a latitude or longitude ("53.90° N, 27.56° E"). */
  north: string;
  south: string;
  east: string;
  west: string;
  /** Beside each slide on a handout page: "Slide 3". */
  slide: string;
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
    kindCapital: 'capital', kindCity: 'city', kindRegion: 'region', kindOccupiedTerritory: 'occupied territory', kilometres: 'km',
    north: 'N', south: 'S', east: 'E', west: 'W', slide: 'Slide',
  },
  be: {
    briefing: 'Брыфінг', keyPoints: 'Галоўнае', timeline: 'Храналогія', actors: 'Дзейныя асобы', places: 'Месцы', sources: 'Крыніцы',
    quotation: 'Цытата', date: 'Дата', event: 'Падзея', name: 'Імя', role: 'Роля', side: 'Бок', place: 'Месца', kind: 'Тып',
    coordinates: 'Каардынаты', prepared: 'Падрыхтавана', published: 'Апублікавана', pageOf: 'старонка {page} з {pages}', notes: 'Нататкі', continued: 'працяг', accessed: 'праглядзена', overview: 'Агляд', mapCredit: 'Картаграфічныя даныя: Natural Earth', contacts: 'Сустрэчы',
    kindCapital: 'сталіца', kindCity: 'горад', kindRegion: 'рэгіён', kindOccupiedTerritory: 'акупаваная тэрыторыя', kilometres: 'км',
    // CLDR's short coordinate units for Belarusian (common/main/be.xml, coordinateUnit).
    north: 'паўн. ш.', south: 'паўд. ш.', east: 'усх. д.', west: 'зах. д.', slide: 'Слайд',
  },
  uk: {
    briefing: 'Брифінг', keyPoints: 'Головне', timeline: 'Хронологія', actors: 'Дійові особи', places: 'Місця', sources: 'Джерела',
    quotation: 'Цитата', date: 'Дата', event: 'Подія', name: 'Ім’я', role: 'Роль', side: 'Сторона', place: 'Місце', kind: 'Тип',
    coordinates: 'Координати', prepared: 'Підготовлено', published: 'Опубліковано', pageOf: 'сторінка {page} з {pages}', notes: 'Нотатки', continued: 'продовження', accessed: 'переглянуто', overview: 'Огляд', mapCredit: 'Картографічні дані: Natural Earth', contacts: 'Зустрічі',
    kindCapital: 'столиця', kindCity: 'місто', kindRegion: 'регіон', kindOccupiedTerritory: 'окупована територія', kilometres: 'км',
    north: 'пн. ш.', south: 'пд. ш.', east: 'сх. д.', west: 'зх. д.', slide: 'Слайд',
  },
  ru: {
    briefing: 'Брифинг', keyPoints: 'Главное', timeline: 'Хронология', actors: 'Действующие лица', places: 'Места', sources: 'Источники',
    quotation: 'Цитата', date: 'Дата', event: 'Событие', name: 'Имя', role: 'Роль', side: 'Сторона', place: 'Место', kind: 'Тип',
    coordinates: 'Координаты', prepared: 'Подготовлено', published: 'Опубликовано', pageOf: 'страница {page} из {pages}', notes: 'Заметки', continued: 'продолжение', accessed: 'просмотрено', overview: 'Обзор', mapCredit: 'Картографические данные: Natural Earth', contacts: 'Встречи',
    kindCapital: 'столица', kindCity: 'город', kindRegion: 'регион', kindOccupiedTerritory: 'оккупированная территория', kilometres: 'км',
    north: 'с. ш.', south: 'ю. ш.', east: 'в. д.', west: 'з. д.', slide: 'Слайд',
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

export type PlaceKind = Article['places'][number]['kind'];

/** A place's kind in the labels' language: "occupied territory", "акупаваная тэрыторыя". */
export function placeKindLabel(kind: PlaceKind, labels: Labels): string {
  const names: Record<PlaceKind, string> = { capital: labels.kindCapital, city: labels.kindCity, region: labels.kindRegion, 'occupied-territory': labels.kindOccupiedTerritory };
  return names[kind];
}

/** Made once per language (and digits): an Intl formatter costs far more to make than to use. */
const decimalFormats = new Map<string, Intl.NumberFormat>();
const longDateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A number as the language writes it, without grouping: "53.90" in English, "53,90" in be, uk and ru. */
export function formatDecimal(value: number, lang: Lang, fractionDigits: number): string {
  const key = `${lang} ${fractionDigits}`;
  let format = decimalFormats.get(key);
  if (!format) decimalFormats.set(key, (format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, useGrouping: false })));
  return format.format(value);
}


/**
 * Latitude and longitude with two decimals and the hemispheres in the labels' language: "53.90° N, 27.56° E",
 * "53,90° паўн. ш., 27,56° усх. д.". Each coordinate is held together by no-break spaces, so a line breaks only between them.
 */
export function formatCoordinates(lat: number, lon: number, lang: Lang, labels: Labels): string {
  const one = (value: number, positive: string, negative: string) => `${formatDecimal(Math.abs(value), lang, 2)}°\u00A0${(value >= 0 ? positive : negative).replace(/ /g, '\u00A0')}`;
  return `${one(lat, labels.north, labels.south)}, ${one(lon, labels.east, labels.west)}`;
}

/** A distance with its unit (`labels.kilometres`), held together: "250 km", "1000 км". */
export function formatKilometres(km: number, lang: Lang, unit: string): string {
  return `${formatDecimal(km, lang, 0)}\u00A0${unit}`;
}

/** A date (ISO yyyy-mm-dd or epoch ms) in the language's long form: "18 April 2023", "18 красавіка 2023 г.". */
export function formatLongDate(date: string | number, lang: Lang): string {
  const instant = typeof date === 'number' ? new Date(date) : new Date(`${date}T00:00:00Z`);
  let format = longDateFormats.get(lang);
  if (!format) longDateFormats.set(lang, (format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(instant);
}
