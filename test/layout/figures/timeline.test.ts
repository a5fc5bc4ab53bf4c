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

  it('draws the run-in of an open date as dashes (3 pt rectangles 3 pt apart), not as a dashed line a viewer may draw solid', () => {
    const events: TimelineEvent[] = [{ date: '../2022-02-24', wording: 'before 24 February 2022', label: 'ties begin' }, { date: '2023-04-18', wording: '18 April 2023', label: 'a meeting' }, { date: '2024-07-01/..', wording: 'from 1 July 2024', label: 'a consulate' }];
    const [part] = horizontalTimelineParts(events, { box: frame, style: timelineStyle, fonts, lang: 'en' });
    expect(part!.items.filter((i) => i.kind === 'rule' && i.dash)).toEqual([]);
    const dashes = part!.items.filter((i) => i.kind === 'rect' && i.fill === timelineStyle.accent && i.opacity === undefined);
    expect(dashes.length).toBeGreaterThanOrEqual(4);
    for (const dash of dashes) if (dash.kind === 'rect') expect([Math.round(dash.w * 100) / 100, dash.h]).toEqual([dash.w < 3 ? Math.round(dash.w * 100) / 100 : 3, 4]);
    // Left of the first marker (before …) and right of the last (from …), dash, gap, dash.
    const xs = dashes.map((d) => (d.kind === 'rect' ? d.x : 0)).sort((a, b) => a - b);
    expect(xs[1]! - xs[0]!).toBeCloseTo(6, 5);
    const rows = verticalTimelineRows(events, { style: { ...timelineStyle, family: 'sans', sizePt: 9.5 }, fonts, lang: 'en', width: 460 });
    const vertical = rows[0]!.items.filter((i) => i.kind === 'rect' && i.fill === timelineStyle.accent);
    expect(vertical.map((d) => (d.kind === 'rect' ? [d.w, Math.round(d.h * 100) / 100] : []))).toEqual([[4, 3], [4, 3], [4, 3]]);
  });
});
