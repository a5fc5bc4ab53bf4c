// Random slide Markdown in, slide frames out, for any input: every line inside its box, no size below the theme's
// minimum, every bullet and table cell shown exactly once over the continuation slides (fast-check, no external tools).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse.js';
import { layoutSlides, SLIDE_SIZES } from '../../src/layout/slides.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import type { Frame, TableItem, TextItem } from '../../src/layout/frame.js';
import { intersects, lineBoxes, textItems } from '../support/frames.js';

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const RUNS = Number(process.env.BRIEFKIT_PROPERTY_RUNS ?? 300);
const EPSILON = 0.01;

// Words without Markdown syntax: Latin and Cyrillic letters (Belarusian ў, і, ё), numbers, trailing punctuation, and
// now and then a word far wider than any slide.
const latin = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const cyrillic = 'абвгдеёжзійклмнопрстуўфхцчшыьэюяАБВГДЕЁЖЗІЙКЛМНОПРСТУЎФХЦЧШЫЬЭЮЯщъ';
const letters = (alphabet: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const word = fc.oneof(
  { weight: 10, arbitrary: letters(latin, 1, 12) },
  { weight: 6, arbitrary: letters(cyrillic, 1, 14) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
  { weight: 2, arbitrary: fc.tuple(letters(latin + cyrillic, 1, 10), fc.constantFrom(',', ';', ':', '?', '!', '—', '”')).map(([w, p]) => w + p) },
  { weight: 1, arbitrary: fc.tuple(letters(latin, 2, 8), letters(latin, 2, 8)).map(([a, b]) => `${a}-${b}`) },
  { weight: 1, arbitrary: letters(latin + cyrillic, 30, 160) },
);
const words = (min: number, max: number, of = word) => fc.array(of, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
// Title words: now and then one of up to 50 letters (a title must fit two lines at the minimum size; see below).
const titleWord = fc.oneof({ weight: 40, arbitrary: letters(latin + cyrillic, 1, 12) }, { weight: 1, arbitrary: letters(latin + cyrillic, 25, 50) });

const bullet = fc.oneof({ weight: 12, arbitrary: words(1, 30) }, { weight: 1, arbitrary: words(60, 400) });
const table = fc.integer({ min: 2, max: 3 }).chain((columns) =>
  fc.record({
    header: fc.array(words(1, 3), { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(fc.oneof({ weight: 8, arbitrary: words(1, 20) }, { weight: 1, arbitrary: words(80, 250) }), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 14 }),
  }),
);
const slide = fc.record({
  title: fc.oneof({ weight: 8, arbitrary: words(1, 6, titleWord) }, { weight: 1, arbitrary: words(7, 12, titleWord) }),
  bullets: fc.array(bullet, { minLength: 0, maxLength: 40 }),
  table: fc.option(table, { nil: undefined, freq: 3 }),
  notes: fc.array(words(1, 30), { minLength: 0, maxLength: 6 }),
  aspect: fc.constantFrom<'16:9' | '4:3'>('16:9', '4:3'),
});
type Slide = typeof slide extends fc.Arbitrary<infer T> ? T : never;

function markdown(s: Slide): string {
  const parts = [`# ${s.title}`];
  if (s.bullets.length > 0) parts.push(s.bullets.map((b) => `- ${b}`).join('\n'));
  if (s.table) parts.push([s.table.header, s.table.header.map(() => '---'), ...s.table.rows].map((row) => `| ${row.join(' | ')} |`).join('\n'));
  if (s.notes.length > 0) parts.push(`:::notes\n${s.notes.join('\n\n')}\n:::`);
  return `${parts.join('\n\n')}\n`;
}

const runsText = (item: TextItem) => item.paragraphs.map((p) => p.layout.spec.runs.map((r) => r.text).join(''));
const isPagination = (item: TextItem) => 'artifact' in item.tag;

/** Every defect of a deck laid out from one random slide; empty when it satisfies every property. */
function defects(s: Slide, frames: Frame[]): string[] {
  const out: string[] = [];
  const size = SLIDE_SIZES[s.aspect];
  const { minBody, minTitle } = theme.slides.sizes;
  frames.forEach((frame, f) => {
    const where = `slide ${f + 1} "${frame.title}"`;
    for (const item of textItems(frame)) {
      if (item.x < -EPSILON || item.y < -EPSILON || item.x + item.w > size.width + EPSILON || item.y + item.h > size.height + EPSILON) out.push(`${where}: box ${item.source} [${item.x}, ${item.y}, ${item.w} × ${item.h}] leaves the slide`);
      for (const paragraph of item.paragraphs) {
        for (const line of paragraph.lines) {
          const text = line.fragments.map((f) => f.text).join('');
          if (line.width > item.w - paragraph.layout.spec.indentPt + EPSILON) out.push(`${where}: line "${text}" is ${line.width} pt wide in a box of ${item.w} pt (indent ${paragraph.layout.spec.indentPt})`);
          for (const fragment of line.fragments) if (fragment.x + fragment.width > item.w + EPSILON || fragment.x < -EPSILON) out.push(`${where}: "${fragment.text}" spans ${fragment.x}–${fragment.x + fragment.width} pt in a box of ${item.w} pt`);
          if (paragraph.top + line.top + line.height > item.h + EPSILON) out.push(`${where}: line "${text}" ends ${paragraph.top + line.top + line.height} pt down a box of ${item.h} pt`);
        }
        for (const run of paragraph.layout.spec.runs) {
          if (item.slideTitle && run.style.sizePt < minTitle) out.push(`${where}: title run "${run.text}" at ${run.style.sizePt} pt < ${minTitle}`);
          if (!item.slideTitle && !isPagination(item) && run.style.sizePt < minBody) out.push(`${where}: body run "${run.text.slice(0, 30)}" at ${run.style.sizePt} pt < ${minBody}`);
        }
      }
    }
    for (const table of frame.items.filter((i): i is TableItem => i.kind === 'table')) {
      let top = table.y;
      for (const row of table.rows) {
        for (const cell of row.cells) if (cell.item.y + cell.item.h > top + row.height + EPSILON) out.push(`${where}: cell "${runsText(cell.item).join('').slice(0, 30)}" ends below its row`);
        top += row.height;
      }
      if (top > size.height - 30 + EPSILON) out.push(`${where}: table ends at ${top} pt, in the footer`);
    }
    const boxes = lineBoxes(frame, fonts);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i]!, boxes[j]!)) out.push(`${where}: lines "${boxes[i]!.text}" and "${boxes[j]!.text}" overlap`);
    if (frames.length > 1 && frame.title !== `${s.title} (${f + 1}/${frames.length})`) out.push(`${where}: expected the title "${s.title} (${f + 1}/${frames.length})"`);
  });

  // Bullets in order, each exactly once: a paragraph with a bullet starts one, a paragraph without continues it.
  const shown: string[] = [];
  for (const frame of frames) {
    for (const item of frame.items) {
      if (item.kind !== 'text' || item.slideTitle || isPagination(item)) continue;
      for (const paragraph of item.paragraphs) {
        const text = paragraph.layout.spec.runs.map((r) => r.text).join('');
        if (paragraph.layout.spec.bullet) shown.push(text);
        else if (shown.length > 0 && paragraph.layout.spec.indentPt > 0) shown[shown.length - 1] += text;
        else out.push(`body paragraph "${text.slice(0, 40)}" is neither a bullet nor a bullet's continuation`);
      }
    }
  }
  if (JSON.stringify(shown) !== JSON.stringify(s.bullets)) out.push(`bullets shown ${JSON.stringify(shown.map((b) => b.slice(0, 20)))} ≠ bullets given ${JSON.stringify(s.bullets.map((b) => b.slice(0, 20)))}`);

  // Table: the header on every slide that shows the table, each column's cells in order, each exactly once.
  if (s.table) {
    const tables = frames.flatMap((frame) => frame.items.filter((i): i is TableItem => i.kind === 'table'));
    if (tables.length === 0) out.push('the table is missing');
    for (const t of tables) if (JSON.stringify(t.rows[0]?.cells.map((c) => runsText(c.item).join(''))) !== JSON.stringify(s.table.header)) out.push('a table piece lacks the header row');
    s.table.header.forEach((_, column) => {
      const shownColumn = tables.flatMap((t) => t.rows.slice(1).map((r) => runsText(r.cells[column]!.item).join(''))).join('');
      if (shownColumn !== s.table!.rows.map((r) => r[column]).join('')) out.push(`table column ${column + 1} is not shown exactly once, in order`);
    });
  }
  if (JSON.stringify(frames.flatMap((f) => f.notes ?? [])) !== JSON.stringify(s.notes)) out.push('the notes are not shared out whole and in order');
  return out;
}

describe('layoutSlides on random slides (property)', () => {
  it(`keeps every line in its box, every size at or above the minimum, every bullet exactly once (${RUNS} runs)`, () => {
    let runs = 0;
    let titleTooLong = 0;
    fc.assert(
      fc.property(slide, (s) => {
        runs++;
        const doc = parseMarkdown(markdown(s)).value;
        const { value: frames, diagnostics } = layoutSlides(doc, theme, fonts, { aspect: s.aspect, lang: 'en', footer: 'Footer' });
        // The layout promises to fit slides whose title takes at most two lines at the minimum size; a longer title is
        // reported (slide-title-too-long, "shorten it") and may leave less room than a table's header and one line.
        if (diagnostics.some((d) => d.rule === 'slide-title-too-long')) {
          titleTooLong++;
          fc.pre(false);
        }
        expect(defects(s, frames)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // The exclusion must not empty the property.
    expect(titleTooLong / runs).toBeLessThan(0.1);
  });

  it('the property has teeth: a hand-broken deck is caught', () => {
    const s: Slide = { title: 'Teeth', bullets: ['one two three', 'four five six'], table: undefined, notes: ['note'], aspect: '16:9' };
    const frames = layoutSlides(parseMarkdown(markdown(s)).value, theme, fonts, { aspect: '16:9', lang: 'en', footer: 'Footer' }).value;
    expect(defects(s, frames)).toEqual([]);
    const body = frames[0]!.items.find((i): i is TextItem => i.kind === 'text' && !i.slideTitle && !('artifact' in i.tag))!;
    const narrow = structuredClone(frames);
    const narrowBody = narrow[0]!.items.find((i): i is TextItem => i.kind === 'text' && i.source === body.source)!;
    narrowBody.w = 20;
    narrowBody.h = 1;
    expect(defects(s, narrow).join('\n')).toMatch(/wide in a box[\s\S]*down a box/);
    const small = structuredClone(frames);
    small[0]!.items.find((i): i is TextItem => i.kind === 'text' && i.source === body.source)!.paragraphs[0]!.layout.spec.runs[0]!.style.sizePt = 12;
    expect(defects(s, small).join('\n')).toMatch(/at 12 pt < 18/);
    const lost = structuredClone(frames);
    lost[0]!.items.find((i): i is TextItem => i.kind === 'text' && i.source === body.source)!.paragraphs.pop();
    expect(defects(s, lost).join('\n')).toMatch(/bullets shown/);
  });
});
