// The timeline figure: labels never collide or leave their frame for random events; fuzzy dates drawn; the figure kind's data and pieces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FontRegistry } from '../../../src/layout/fonts.js';
import { horizontalTimelineParts, verticalTimelineRows, type TimelineEvent } from '../../../src/layout/figures/timeline.js';
import { timeScale } from '../../../src/layout/figures/time-scale.js';
import { intersects, inside } from '../../../src/layout/figures/boxes.js';
import { event, frame, RUNS, textBoxes, timelineStyle } from '../../support/figure-items.js';

const fonts = new FontRegistry();

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

