// The protective marking: one centred line, set smaller until it fits, never cut, tagged as pagination.
import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../src/layout/fonts.js';
import { markingLine } from '../../src/layout/marking.js';

const fonts = new FontRegistry();
const place = { x: 68, y: 16, width: 459, family: 'sans' as const, sizePt: 8.5, colour: '#8a1c2b', fonts, lang: 'en' };
const text = (item: ReturnType<typeof markingLine>) => item.paragraphs[0]!.lines.map((l) => l.fragments.map((f) => f.text).join('')).join(' | ');

describe('markingLine', () => {
  it('centres a short marking at its size, bold, as a pagination artifact', () => {
    const item = markingLine('OFFICIAL — FOR INTERNAL USE', place);
    expect(text(item)).toBe('OFFICIAL — FOR INTERNAL USE');
    const line = item.paragraphs[0]!.lines[0]!;
    const fragment = line.fragments[0]!;
    expect(fragment.style).toMatchObject({ sizePt: 8.5, weight: 'bold', colour: '#8a1c2b' });
    expect(Math.abs(fragment.x + line.width / 2 - place.width / 2)).toBeLessThan(0.01);
    expect(item.tag).toEqual({ artifact: 'Pagination' });
    expect([item.x, item.y, item.w]).toEqual([68, 16, 459]);
  });

  it('sets a long marking smaller instead of wrapping it, and keeps every word', () => {
    const long = 'OFFICIAL-SENSITIVE — COMMERCIAL — FOR THE MINISTRY AND ITS AGENCIES ONLY — NOT FOR RELEASE OUTSIDE GOVERNMENT';
    const item = markingLine(long, place);
    expect(item.paragraphs[0]!.lines).toHaveLength(1);
    expect(text(item)).toBe(long);
    const size = item.paragraphs[0]!.lines[0]!.fragments[0]!.style.sizePt;
    expect(size).toBeLessThan(8.5);
    expect(size).toBeGreaterThanOrEqual(6);
    expect(item.paragraphs[0]!.lines[0]!.width).toBeLessThanOrEqual(place.width + 1e-6);
  });

  it('puts line breaks and runs of spaces in the marking on one line', () => {
    expect(text(markingLine('OFFICIAL\n  INTERNAL', place))).toBe('OFFICIAL INTERNAL');
  });
});
