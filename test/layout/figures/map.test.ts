// The map figure: labels never collide or leave their frame for random places, and every place keeps its label on slides (split when needed); outlines, tint, scale bar, credit; its words in the article's language.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FontRegistry } from '../../../src/layout/fonts.js';
import { clearOfAntimeridian, clipRing, clipRingToWindow, mapFigure, mapItems, mapLayout, mapParts, mapProjection, placeLabels, projectGeometry, SLIDE_MAP_SIZES, type MapPlace } from '../../../src/layout/figures/map.js';
import { loadWorld, type Bounds } from '../../../src/layout/figures/world.js';
import type { MultiLineString, MultiPolygon } from 'geojson';
import { labelsFor, type Lang } from '../../../src/render/labels.js';
import { loadTheme, TEMPLATES_DIR } from '../../../src/pipeline/build.js';
import { loadArticleFile } from '../../../src/load/load.js';
import { SEED_DATA } from '../../support/seed.js';
import { layoutParagraph } from '../../../src/layout/text.js';
import { plainRuns } from '../../../src/layout/runs.js';
import { intersects, inside } from '../../../src/layout/figures/boxes.js';
import type { TextItem } from '../../../src/layout/frame.js';
import { frame, mapStyle, RUNS, textBoxes } from '../../support/figure-items.js';

const fonts = new FontRegistry();

describe('map', () => {
  const place = fc.record({
    name: fc.constantFrom('Minsk', 'Vitebsk', 'Rostov-on-Don', 'Donetsk', 'Luhansk', 'Crimea', 'Hrodna', 'Brest', 'Гомель', 'Mahilioŭ', 'Kharkiv', 'Zaporizhzhia'),
    lat: fc.double({ min: 44, max: 56, noNaN: true }),
    lon: fc.double({ min: 23, max: 41, noNaN: true }),
    kind: fc.constantFrom('capital', 'city', 'region', 'occupied-territory') as fc.Arbitrary<MapPlace['kind']>,
  });

  it('for random sets of 2–25 places, every label is placed, none collides with another or leaves the frame', () => {
    fc.assert(
      fc.property(fc.array(place, { minLength: 2, maxLength: 25 }), (places) => {
        const box = { x: 60, y: 100, w: 480, h: 340 };
        const items = mapItems({ places, countries: ['Belarus'], credit: 'Map data: Natural Earth', kilometres: 'km' }, { box, style: mapStyle, fonts, lang: 'en' });
        const boxes = textBoxes(items);
        expect(boxes.length).toBe(places.length + 2); // names, the scale bar's label, the credit
        for (const b of boxes) expect(inside(b, box), b.text).toBe(true);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!), `${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
      }),
      { numRuns: Math.max(20, Math.round(RUNS / 3)) },
    );
  });

  it('draws the seed region as vector outlines with a scale bar and the Natural Earth credit', () => {
    const places: MapPlace[] = [
      { name: 'Minsk', lat: 53.9, lon: 27.56, kind: 'capital' }, { name: 'Rostov-on-Don', lat: 47.24, lon: 39.7, kind: 'city' }, { name: 'Crimea', lat: 45, lon: 34.1, kind: 'occupied-territory' },
    ];
    const items = mapItems({ places, countries: ['Belarus', 'Ukraine'], credit: 'Map data: Natural Earth', kilometres: 'km' }, { box: frame, style: mapStyle, fonts, lang: 'en' });
    const outlines = items.filter((i) => i.kind === 'path' && i.closed);
    expect(outlines.length).toBeGreaterThan(5);
    const tinted = outlines.filter((i) => i.kind === 'path' && i.fill === mapStyle.tint);
    // Named (Belarus, Ukraine) and holding a place (Russia: Rostov-on-Don).
    expect(tinted).toHaveLength(3);
    const texts = textBoxes(items).map((b) => b.text);
    expect(texts).toEqual(expect.arrayContaining(['Minsk', 'Rostov-on-Don', 'Crimea', 'Map data: Natural Earth']));
    expect(texts.some((t) => /^\d+ km$/.test(t))).toBe(true);
    for (const item of outlines) if (item.kind === 'path') for (const [x, y] of item.subpaths.flat()) expect(inside({ x, y, w: 0, h: 0 }, frame)).toBe(true);
  });

  it('never overlaps labels even when the frame is nearly full (labels it cannot place are left out)', () => {
    const layout = layoutParagraph({ runs: plainRuns('A long place name', { family: 'sans', sizePt: 9, colour: '#000000' }), align: 'left', lineHeightPt: 11, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, 1e6, fonts, 'en');
    const anchors = Array.from({ length: 200 }, (_, i) => ({ x: 10 + (i % 20) * 10, y: 10 + Math.floor(i / 20) * 10, size: 4, layout }));
    const placed = placeLabels(anchors, { x: 0, y: 0, w: 220, h: 120 }, []);
    expect(placed.length).toBeLessThan(200);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(intersects(placed[i]!.box, placed[j]!.box)).toBe(false);
  });
  // Was a bug, found by the article property once figures entered the Doc: a name with a line break ("a\naa") got a label
  // box as wide as its first line only, so its second line stuck out.
  it('sets a place name on one line, inside its label box', () => {
    const places: MapPlace[] = [{ name: 'Novaya\nKakhovka', lat: 46.75, lon: 33.37, kind: 'city' }, { name: 'Minsk', lat: 53.9, lon: 27.56, kind: 'capital' }];
    const items = mapItems({ places, countries: [], credit: 'Map data: Natural Earth', kilometres: 'km' }, { box: frame, style: mapStyle, fonts, lang: 'en' });
    const label = items.find((i): i is TextItem => i.kind === 'text' && i.paragraphs[0]!.lines[0]!.fragments[0]!.text.startsWith('Novaya'))!;
    expect(label.paragraphs[0]!.lines.map((l) => l.fragments.map((f) => f.text).join(''))).toEqual(['Novaya Kakhovka']);
    expect(label.paragraphs[0]!.lines[0]!.width).toBeLessThanOrEqual(label.w);
  });

  it('on slides (16 pt), for random sets of 2–25 places, gives every place its label, splitting the map when one does not fit', () => {
    const slideStyle = { ...mapStyle, family: 'slides' as const, ...SLIDE_MAP_SIZES };
    fc.assert(
      // A slide's body, and a small one where crowds do not fit one map.
      fc.property(fc.array(place, { minLength: 2, maxLength: 25 }), fc.constantFrom({ x: 0, y: 0, w: 876, h: 400 }, { x: 0, y: 0, w: 300, h: 150 }), (places, box) => {
        const parts = mapParts({ places, countries: [], credit: 'Map data: Natural Earth', kilometres: 'km' }, { box, style: slideStyle, fonts, lang: 'en' });
        expect(parts.flatMap((p) => p.places).map((p) => p.name).sort()).toEqual(places.map((p) => p.name).sort());
        for (const part of parts) {
          const boxes = textBoxes(part.items);
          expect(boxes.length).toBe(part.places.length + 2);
          for (const b of boxes) expect(inside(b, box), b.text).toBe(true);
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!), `${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
        }
      }),
      { numRuns: Math.max(20, Math.round(RUNS / 3)) },
    );
  });

  it('splits a crowded map west and east until every label fits, each part fitted to its own places', () => {
    const slideStyle = { ...mapStyle, family: 'slides' as const, ...SLIDE_MAP_SIZES };
    const names = ['Minsk', 'Vitebsk', 'Hrodna', 'Brest', 'Homiel', 'Mahilioŭ', 'Kharkiv', 'Zaporizhzhia', 'Donetsk', 'Luhansk', 'Crimea', 'Rostov-on-Don'];
    const places: MapPlace[] = names.map((name, i) => ({ name, lat: 45 + (i % 4) * 3, lon: 24 + i * 1.4, kind: 'city' }));
    const box = { x: 0, y: 0, w: 300, h: 150 };
    const data = { places, countries: [], credit: 'Map data: Natural Earth', kilometres: 'km' };
    const parts = mapParts(data, { box, style: slideStyle, fonts, lang: 'en' });
    expect(parts.length).toBeGreaterThan(1);
    // West to east: every part's places lie west of the next part's.
    for (let i = 1; i < parts.length; i++) expect(Math.max(...parts[i - 1]!.places.map((p) => p.lon))).toBeLessThan(Math.min(...parts[i]!.places.map((p) => p.lon)));
    expect(parts.flatMap((part) => textBoxes(part.items).map((b) => b.text)).filter((t) => names.includes(t)).sort()).toEqual([...names].sort());
    // The whole map would have left names out: that is what the split is for.
    expect(mapLayout(data, { box, style: slideStyle, fonts, lang: 'en' }).unlabelled.length).toBeGreaterThan(0);
    expect(mapParts(data, { box: { x: 0, y: 0, w: 876, h: 400 }, style: slideStyle, fonts, lang: 'en' })).toHaveLength(1);
  });

  // Was a bug, found by the property test: a place at a pole projected to infinity and pdfkit threw on drawing it.
  it('draws a place at a pole at 80° instead, every coordinate finite', () => {
    const places: MapPlace[] = [{ name: 'South Pole', lat: -90, lon: 179.99, kind: 'city' }, { name: 'North', lat: 90, lon: 0, kind: 'city' }];
    const { items } = mapLayout({ places, countries: [], credit: 'Map data: Natural Earth', kilometres: 'km' }, { box: { x: 0, y: 0, w: 400, h: 300 }, style: mapStyle, fonts, lang: 'en' });
    const numbers = JSON.stringify(items, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? 'NOT FINITE' : value));
    expect(numbers).not.toContain('NOT FINITE');
    expect(textBoxes(items).map((b) => b.text)).toEqual(expect.arrayContaining(['South Pole', 'North']));
  });

  // The fast path projects points one by one through d3's rectangle clip; geoPath's full stream is the reference.
  describe('outlines projected point by point', () => {
    const world = loadWorld();
    const box = { x: 10, y: 20, w: 400, h: 300 };
    const region = fc.record({ lon: fc.double({ min: -170, max: 170, noNaN: true }), lat: fc.double({ min: -55, max: 70, noNaN: true }), spread: fc.double({ min: 0.5, max: 25, noNaN: true }) });

    it('gives the same subpaths as geoPath for the countries and borders near random regions', () => {
      let compared = 0;
      fc.assert(
        fc.property(region, ({ lon, lat, spread }) => {
          const places: MapPlace[] = [
            { name: 'A', lon: lon - spread / 2, lat: lat - spread / 4, kind: 'city' },
            { name: 'B', lon: lon + spread / 2, lat: lat + spread / 4, kind: 'city' },
          ];
          const projection = mapProjection(places, box);
          const near = (b: Bounds) => clearOfAntimeridian(b, lon) && b[0] < lon + spread * 2 && b[2] > lon - spread * 2 && b[1] < lat + spread && b[3] > lat - spread;
          for (const country of world.countries.filter((c) => near(c.bounds))) {
            const geometry = country.geometry();
            const polygons: MultiPolygon = { type: 'MultiPolygon', coordinates: geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [] };
            expect(projectGeometry(polygons, projection, true, box)).toEqual(projectGeometry(polygons, projection, true));
            compared++;
          }
          const lines: MultiLineString = { type: 'MultiLineString', coordinates: world.borders.filter((b) => near(b.bounds)).map((b) => b.points()) };
          expect(projectGeometry(lines, projection, false, box)).toEqual(projectGeometry(lines, projection, false));
        }),
        { numRuns: 40, seed: 13 },
      );
      expect(compared).toBeGreaterThan(40);
    });

    it('is not used where d3 must cut lines at the antimeridian or around a pole', () => {
      expect(clearOfAntimeridian([20, 40, 40, 60], 30)).toBe(true);
      expect(clearOfAntimeridian([-180, 40, 180, 60], 30)).toBe(false);
      expect(clearOfAntimeridian([160, 40, 200, 60], 10)).toBe(false);
      expect(clearOfAntimeridian([20, -90, 40, -60], 30)).toBe(false);
      expect(clearOfAntimeridian([20, 60, 40, 88], 30)).toBe(false);
    });

    it('cuts a ring to the window as clipRing does: rings inside kept whole, rings outside dropped, the rest clipped', () => {
      const belarus = world.countries.find((c) => c.name === 'Belarus')!.geometry();
      const ring = (belarus.type === 'MultiPolygon' ? belarus.coordinates[0]![0]! : belarus.type === 'Polygon' ? belarus.coordinates[0]! : []) as [number, number][];
      const windows: [string, Bounds][] = [['inside', [20, 50, 35, 57]], ['outside', [100, 10, 110, 20]], ['straddling', [27, 52, 40, 60]]];
      for (const [what, window] of windows) {
        const cut = clipRingToWindow(ring, window);
        expect(cut, what).toEqual(clipRing(ring, ...window));
        if (what === 'inside') expect(cut).toBe(ring);
        if (what === 'outside') expect(cut).toEqual([]);
        if (what === 'straddling') expect(cut.length).toBeGreaterThan(3);
      }
    });
  });

  describe('its words in the article\'s language', () => {
    const seed = loadArticleFile(SEED_DATA).value;
    const context = (lang: Lang) => ({ theme: loadTheme(TEMPLATES_DIR), fonts, lang });
    const texts = (lang: Lang) => {
      const made = mapFigure.fromArticle({ ...seed, lang }, labelsFor(lang), {})!;
      return { alt: made.alt, words: mapFigure.onSlides(made.data, context(lang), { widthPt: 876, heightPt: 400 }).flatMap((part) => textBoxes(part.items).map((b) => b.text.replace(/\u00A0/g, ' '))) };
    };

    it.each([
      ['en', 'km', 'Map data: Natural Earth', 'capital'],
      ['be', 'км', 'Картаграфічныя даныя: Natural Earth', 'сталіца'],
      ['uk', 'км', 'Картографічні дані: Natural Earth', 'столиця'],
      ['ru', 'км', 'Картографические данные: Natural Earth', 'столица'],
    ] as const)('%s: the scale bar\'s unit, the credit and the kinds in the alt text', (lang, unit, credit, capital) => {
      const { alt, words } = texts(lang);
      expect(words.filter((w) => new RegExp(`^\\d+ ${unit}$`).test(w))).toHaveLength(1);
      expect(words).toContain(credit);
      expect(alt).toContain(`Minsk (${capital}, Belarus)`);
      if (lang !== 'en') expect(`${words.join(' ')} ${alt}`.replace(/Natural Earth/g, '')).not.toMatch(/\b(km|capital|city|region|occupied|territory)\b/);
    });
  });
});
