// Timeline and map figures: labels never collide or leave their frame, for random events and places; fuzzy dates drawn.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FontRegistry } from '../../../src/layout/fonts.js';
import { horizontalTimelineParts, verticalTimelineRows, type TimelineEvent } from '../../../src/layout/figures/timeline.js';
import { mapItems, placeLabels, type MapPlace } from '../../../src/layout/figures/map.js';
import { timeScale } from '../../../src/layout/figures/time-scale.js';
import { layoutParagraph } from '../../../src/layout/text.js';
import { plainRuns } from '../../../src/layout/runs.js';
import type { FrameItem, TextItem } from '../../../src/layout/frame.js';
import { intersects, inside, type Box } from '../../../src/layout/figures/boxes.js';

const fonts = new FontRegistry();
const figure = { role: 'Figure' as const, id: 'f', alt: 'alt' };
const timelineStyle = { role: 'slides' as const, size: 16, text: '#1d232b', muted: '#5b6573', accent: '#8a1c2b', axis: '#c9ced6', background: '#ffffff' };
const mapStyle = { role: 'sans' as const, size: 9, text: '#1d232b', muted: '#5b6573', accent: '#8a1c2b', water: '#e6eef5', land: '#f3f1ec', border: '#a9a397', tint: '#f0dadd', tintBorder: '#8a1c2b' };
const frame: Box = { x: 40, y: 120, w: 880, h: 360 };
const RUNS = Number(process.env.BRIEFKIT_PROPERTY_RUNS ?? 60);

const textBoxes = (items: FrameItem[]): (Box & { text: string })[] =>
  items.filter((i): i is TextItem => i.kind === 'text').map((i) => ({ x: i.x, y: i.y, w: Math.max(...i.paragraphs[0]!.lines.map((l) => l.width)), h: i.h, text: i.paragraphs[0]!.lines.map((l) => l.fragments.map((f) => f.text).join('')).join(' ') }));

const isoDay = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const edtfDate = fc.oneof(isoDay, isoDay.map((d) => `${d.slice(0, 7)}~`), isoDay.map((d) => `../${d}`), isoDay.map((d) => `${d.slice(0, 7)}/..`), isoDay.map((d) => d.slice(0, 4)));
const words = fc.array(fc.constantFrom('Vitebsk', 'committee', 'signed', 'an', 'agreement', 'Lukashenko', 'meets', 'consulate', 'opens', 'in', 'Rostov-on-Don', 'Сустрэча', 'ў', 'Мінску'), { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
const event = fc.record({ date: edtfDate, wording: words, label: words });

describe('timeline', () => {
  it('places a time scale with compressed gaps, year ticks and fuzzy spans', () => {
    const scale = timeScale([
      { date: '../2022-02-24' }, { date: '2022-02-24' }, { date: '2023-03~' }, { date: '2023-04-18' }, { date: '../2024-07-01' }, { date: '2040-01-01' },
    ]);
    expect(scale.events.map((e) => e.position)).toEqual([...scale.events.map((e) => e.position)].sort((a, b) => a - b));
    expect(scale.events[0]!.openStart).toBe(true);
    expect(scale.ticks.map((t) => t.year)).toEqual(expect.arrayContaining([2023, 2024]));
    expect(scale.breaks.length).toBeGreaterThanOrEqual(1);
    expect(scale.events.find((e) => e.event.date === '2023-03~')!.span).toBeDefined();
  });

  it('for random sets of 2–30 events, no two labels collide and none leaves the frame; every event is drawn once', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 2, maxLength: 30 }), (events: TimelineEvent[]) => {
        const parts = horizontalTimelineParts(events, { box: frame, style: timelineStyle, fonts, lang: 'en', figure });
        expect(parts.flatMap((p) => p.events)).toHaveLength(events.length);
        for (const part of parts) {
          const boxes = textBoxes(part.items);
          for (const box of boxes) expect(inside(box, frame), box.text).toBe(true);
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!), `${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
          expect(part.items.filter((i) => i.kind === 'ellipse')).toHaveLength(part.events.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('stacks a vertical timeline in rows whose labels never overlap', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 2, maxLength: 30 }), (events) => {
        const rows = verticalTimelineRows(events, { style: { ...timelineStyle, role: 'sans', size: 9.5 }, fonts, lang: 'en', figure, x: 60, width: 460 });
        let y = 100;
        const boxes = rows.flatMap((row) => {
          const items = row.items(y);
          y += row.height;
          return textBoxes(items);
        });
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!)).toBe(false);
        for (const box of boxes) expect(box.x + box.w).toBeLessThanOrEqual(60 + 460 + 0.5);
      }),
      { numRuns: RUNS },
    );
  });
});

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
        const items = mapItems({ places, countries: ['Belarus'], credit: 'Map data: Natural Earth' }, { box, style: mapStyle, fonts, lang: 'en', figure });
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
    const items = mapItems({ places, countries: ['Belarus', 'Ukraine'], credit: 'Map data: Natural Earth' }, { box: frame, style: mapStyle, fonts, lang: 'en', figure });
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
    const layout = layoutParagraph({ runs: plainRuns('A long place name', { role: 'sans', size: 9, color: '#000000' }), align: 'left', lineHeight: 11, spaceBefore: 0, spaceAfter: 0, indent: 0, hyphenate: false }, 1e6, fonts, 'en');
    const anchors = Array.from({ length: 200 }, (_, i) => ({ x: 10 + (i % 20) * 10, y: 10 + Math.floor(i / 20) * 10, size: 4, layout }));
    const placed = placeLabels(anchors, { x: 0, y: 0, w: 220, h: 120 }, []);
    expect(placed.length).toBeLessThan(200);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(intersects(placed[i]!.box, placed[j]!.box)).toBe(false);
  });
});
