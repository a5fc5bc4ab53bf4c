// The map figure: labels never collide or leave their frame for random places; outlines, tint, scale bar, credit; the figure kind.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FontRegistry } from '../../../src/layout/fonts.js';
import { mapItems, placeLabels, type MapPlace } from '../../../src/layout/figures/map.js';
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
        const items = mapItems({ places, countries: ['Belarus'], credit: 'Map data: Natural Earth' }, { box, style: mapStyle, fonts, lang: 'en' });
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
    const items = mapItems({ places, countries: ['Belarus', 'Ukraine'], credit: 'Map data: Natural Earth' }, { box: frame, style: mapStyle, fonts, lang: 'en' });
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
    const items = mapItems({ places, countries: [], credit: 'Map data: Natural Earth' }, { box: frame, style: mapStyle, fonts, lang: 'en' });
    const label = items.find((i): i is TextItem => i.kind === 'text' && i.paragraphs[0]!.lines[0]!.fragments[0]!.text.startsWith('Novaya'))!;
    expect(label.paragraphs[0]!.lines.map((l) => l.fragments.map((f) => f.text).join(''))).toEqual(['Novaya Kakhovka']);
    expect(label.paragraphs[0]!.lines[0]!.width).toBeLessThanOrEqual(label.w);
  });
});
