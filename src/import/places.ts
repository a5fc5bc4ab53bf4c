// The article's texts (with their lines) in, its places out: each place the gazetteer knows, once, in the order the
// text first names it, written in the article's language, with a note for each naming what the text called it.
import { findPlaceMentions, placeName, type GazetteerLang } from './gazetteer.js';
import type { ArticleInput } from '../model/article.js';

export type ImportedPlace = NonNullable<ArticleInput['places']>[number];

export interface PlaceNote {
  line: number;
  message: string;
}

/** Natural Earth's country names in the article's language (the map knows these spellings too). */
const COUNTRY_NAMES: Record<string, Partial<Record<GazetteerLang, string>>> = {
  Belarus: { be: 'Беларусь', uk: 'Білорусь', ru: 'Беларусь' },
  Ukraine: { be: 'Украіна', uk: 'Україна', ru: 'Украина' },
  Russia: { be: 'Расія', uk: 'Росія', ru: 'Россия' },
  Poland: { be: 'Польшча', uk: 'Польща', ru: 'Польша' },
  Lithuania: { be: 'Літва', uk: 'Литва', ru: 'Литва' },
  Latvia: { be: 'Латвія', uk: 'Латвія', ru: 'Латвия' },
  Moldova: { be: 'Малдова', uk: 'Молдова', ru: 'Молдова' },
  Estonia: { be: 'Эстонія', uk: 'Естонія', ru: 'Эстония' },
  Georgia: { be: 'Грузія', uk: 'Грузія', ru: 'Грузия' },
};

export function countryName(country: string, lang: GazetteerLang): string {
  return COUNTRY_NAMES[country]?.[lang] ?? country;
}

export function articlePlaces(texts: readonly { text: string; line: number }[], lang: GazetteerLang): { places: ImportedPlace[]; notes: PlaceNote[] } {
  const places = new Map<string, { place: ImportedPlace; line: number; forms: Set<string> }>();
  for (const { text, line } of texts) {
    for (const mention of findPlaceMentions(text)) {
      const known = places.get(mention.row.id);
      if (known) {
        known.forms.add(mention.text);
        continue;
      }
      const { row } = mention;
      places.set(row.id, {
        line,
        forms: new Set([mention.text]),
        place: { id: row.id, name: placeName(row, lang), lat: row.lat, lon: row.lon, kind: row.kind, country: countryName(row.country, lang) },
      });
    }
  }
  const notes = [...places.values()].map(({ place, line, forms }) => ({
    line,
    message: `place: ${place.name} (${place.kind}, ${place.lat}, ${place.lon}) from ${[...forms].map((f) => `"${f}"`).join(', ')}`,
  }));
  return { places: [...places.values()].map((p) => p.place), notes };
}

/** The ids of the places a sentence names, among those the article has. */
export function placesIn(sentence: string, known: ReadonlySet<string>): string[] {
  return [...new Set(findPlaceMentions(sentence).map((m) => m.row.id))].filter((id) => known.has(id));
}
