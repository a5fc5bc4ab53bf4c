// Generators of hostile inputs (issue 14), each a size or count in and the input's text out; shared by the catalogue
// (test/inputs/hostile.test.ts) and the benchmark (a 1 MB raw article, a 2,000-event article).
import { readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { SEED_DATA, SEED_TEXT } from './seed.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CITIES = ['Minsk', 'Vitebsk', 'Gomel', 'Brest', 'Grodno', 'Mogilev', 'Donetsk', 'Luhansk', 'Rostov-on-Don', 'Crimea'];

/** The seed data file as an object, to edit (a fresh copy each call). */
export function seedObject(): Record<string, unknown> {
  return parseYaml(readFileSync(SEED_DATA, 'utf8')) as Record<string, unknown>;
}

/**
 * A raw web article of about `bytes` bytes (UTF-8): the scraped seed's header, then numbered paragraphs, each naming a
 * day, a city and a person with a role — so that every part of the importer (dates, places, people, key points) works.
 */
export function rawArticleOfBytes(bytes: number): string {
  const header = "top of page\n\nLukashenko regime's cooperation with the Russian-occupied territories of Ukraine\n\nPavel Latushka, deputy Head of the United Transitional Cabinet of Belarus\n\n";
  const parts = [header];
  let size = Buffer.byteLength(header);
  for (let n = 0; size < bytes; n++) {
    const day = (n % 28) + 1;
    const month = MONTHS[n % 12]!;
    const year = 2000 + (n % 25);
    const city = CITIES[n % CITIES.length]!;
    const paragraph = `Paragraph ${n + 1}. On ${day} ${month} ${year}, the delegation met in ${city} with Ivan Petrov, the head of the regional committee, and agreed on trade worth ${n + 10} million dollars. Observers said the talks continued through the following weeks, with further meetings planned and a report due by the end of the year.\n\n`;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return parts.join('');
}

/** The seed data file with `count` events (distinct days, one a day from 1 January 2000), as YAML. */
export function articleWithEvents(count: number): string {
  const article = seedObject();
  const start = Date.UTC(2000, 0, 1);
  article.events = Array.from({ length: count }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return { date, wording: date, label: `Event number ${i + 1} of the long timeline` };
  });
  return toYaml(article);
}

/** The seed data file with its first section's paragraphs replaced by one paragraph of `words` words, as YAML. */
export function articleWithOneLongParagraph(words: number): string {
  const article = seedObject();
  const sections = article.sections as Array<Record<string, unknown>>;
  const vocabulary = ['regime', 'cooperation', 'territories', 'sanctions', 'Belarus', 'agreement', 'the', 'of', 'and', 'administration'];
  sections[0]!.paragraphs = [Array.from({ length: words }, (_, i) => vocabulary[i % vocabulary.length]).join(' ') + '.'];
  delete sections[0]!.bullets;
  return toYaml(article);
}

/** The raw seed text, for edits. */
export function seedText(): string {
  return readFileSync(SEED_TEXT, 'utf8');
}

/** The seed data file with `sections` sections of `perSection` short paragraphs each (the catalogue's case 17), as YAML. */
export function articleWithParagraphs(sections: number, perSection: number): string {
  const article = seedObject();
  article.sections = Array.from({ length: sections }, (_, s) => ({
    heading: `Section ${s + 1}`,
    paragraphs: Array.from({ length: perSection }, (_, p) => `Paragraph ${s + 1}.${p + 1}: the quick brown fox jumps over the lazy dog by the river bank, then runs into the forest.`),
  }));
  return toYaml(article);
}
