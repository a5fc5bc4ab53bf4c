// The timeline figure: labels never collide or leave their frame for random events; fuzzy dates drawn; the figure kind's data and pieces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FontRegistry } from '../../../src/layout/fonts.js';
import { horizontalTimelineParts, verticalTimelineRows, type TimelineEvent } from '../../../src/layout/figures/timeline.js';
import { timeScale } from '../../../src/layout/figures/time-scale.js';
import { layoutParagraph } from '../../../src/layout/text.js';
import { plainRuns } from '../../../src/layout/runs.js';
import type { FrameItem, TextItem } from '../../../src/layout/frame.js';
import { intersects, inside, type Box } from '../../../src/layout/figures/boxes.js';

const fonts = new FontRegistry();
const timelineStyle = { family: 'slides' as const, sizePt: 16, text: '#1d232b', muted: '#5b6573', accent: '#8a1c2b', axis: '#c9ced6', background: '#ffffff' };
const mapStyle = { family: 'sans' as const, sizePt: 9, text: '#1d232b', muted: '#5b6573', accent: '#8a1c2b', water: '#e6eef5', land: '#f3f1ec', border: '#a9a397', tint: '#f0dadd', tintBorder: '#8a1c2b' };
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
        const parts = horizontalTimelineParts(events, { box: frame, style: timelineStyle, fonts, lang: 'en' });
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
        const rows = verticalTimelineRows(events, { style: { ...timelineStyle, family: 'sans', sizePt: 9.5 }, fonts, lang: 'en', width: 460 });
        // Rows are laid out from their own top left corner; stacked as the briefing places them.
        let y = 0;
        const boxes = rows.flatMap((row) => {
          const top = y;
          y += row.height;
          return textBoxes(row.items).map((b) => ({ ...b, y: b.y + top }));
        });
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!)).toBe(false);
        for (const box of boxes) expect(box.x + box.w).toBeLessThanOrEqual(460 + 0.5);
      }),
      { numRuns: RUNS },
    );
  });
});

