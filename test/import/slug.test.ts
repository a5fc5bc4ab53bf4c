// A title in, a stable id out: transliterated per language, lowercase, hyphens, at most 60 characters, always valid.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugify } from '../../src/import/slug.js';

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

describe('slugify', () => {
  it('lowercases, drops apostrophes and joins words with hyphens', () => {
    expect(slugify("Lukashenko regime's cooperation", 'en')).toBe('lukashenko-regimes-cooperation');
    expect(slugify('“Nobody asked us” — the villages count the cost', 'en')).toBe('nobody-asked-us-the-villages-count-the-cost');
    expect(slugify('Café Zürich: 2023–2024', 'en')).toBe('cafe-zurich-2023-2024');
  });

  it('transliterates Cyrillic by the language: г is h in Belarusian and Ukrainian, g in Russian; и is y in Ukrainian, i in Russian', () => {
    expect(slugify('Генеральнае консульства ў Растове', 'be')).toBe('heneralnae-konsulstva-u-rastove');
    expect(slugify('Генеральне консульство в Ростові', 'uk')).toBe('heneralne-konsulstvo-v-rostovi');
    expect(slugify('Генеральное консульство в Ростове', 'ru')).toBe('generalnoe-konsulstvo-v-rostove');
    expect(slugify('Київ і Харків', 'uk')).toBe('kyiv-i-kharkiv');
    expect(slugify('Щит и меч', 'ru')).toBe('shchit-i-mech');
  });

  it('cuts a long title at a hyphen to at most 60 characters', () => {
    const slug = slugify("Lukashenko regime's cooperation with the Russian-occupied territories of Ukraine", 'en');
    expect(slug).toBe('lukashenko-regimes-cooperation-with-the-russian-occupied');
    expect(slugify('a'.repeat(100), 'en')).toBe('a'.repeat(60));
  });

  it('gives a title with no Latin or Cyrillic letters a stable id of its own', () => {
    expect(slugify('？！', 'en')).toMatch(/^article-[0-9a-f]{8}$/);
    expect(slugify('？！', 'en')).toBe(slugify('？！', 'en'));
    expect(slugify('？！', 'en')).not.toBe(slugify('——', 'en'));
  });

  it('always gives a valid id, the same for the same title (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('en', 'be', 'uk', 'ru'), (title, lang) => {
        const slug = slugify(title, lang);
        expect(slug).toMatch(ID);
        expect(slug.length).toBeLessThanOrEqual(60);
        expect(slugify(title, lang)).toBe(slug);
      }),
      { numRuns: 500 },
    );
  });
});
