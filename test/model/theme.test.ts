// Tests src/model/theme.ts: the shipped theme passes ThemeSchema; bad colours, unknown keys, bad sizes and inverted minimums are refused at their path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ThemeSchema } from '../../src/model/theme.js';

const THEME_FILE = fileURLToPath(new URL('../../templates/theme.yaml', import.meta.url));
/** A fresh copy of the shipped theme, as plain data, for each test to spoil. */
const theme = (): Record<string, any> => parse(readFileSync(THEME_FILE, 'utf8'));
const issues = (data: unknown) => {
  const result = ThemeSchema.safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues;
};
const paths = (data: unknown) => issues(data).map((issue) => issue.path.join('.'));

describe('the shipped theme', () => {
  it('parses with ThemeSchema', () => {
    const result = ThemeSchema.safeParse(theme());
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
  });

  it('keeps the values of the file', () => {
    const parsed = ThemeSchema.parse(theme());
    expect(parsed.colors.accent).toBe('#8a1c2b');
    expect(parsed.briefing.paper).toBe('a4');
    expect(parsed.briefing.sizes.body).toBe(10.5);
    expect(parsed.slides.aspect).toBe('16:9');
    expect(parsed.slides.fonts).toEqual({ body: 'slides', heading: 'slides' });
    expect(parsed.slides.sizes.minTitle).toBeLessThanOrEqual(parsed.slides.sizes.title);
  });
});

describe('refusals', () => {
  it.each(['#12345', '1d232b', '#1d232g', 'red', '#1d232b0'])('refuses the colour %j at its path', (colour) => {
    const data = theme();
    data.colors.muted = colour;
    const found = issues(data);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['colors', 'muted']);
    expect(found[0]!.message).toMatch(/colour/);
  });

  it('accepts an upper-case colour', () => {
    const data = theme();
    data.colors.rule = '#C9CED6';
    expect(ThemeSchema.safeParse(data).success).toBe(true);
  });

  it('refuses an unknown key, naming the key and the object it is in', () => {
    const data = theme();
    data.colors.linkColour = '#000000';
    const [issue, ...rest] = issues(data);
    expect(rest).toEqual([]);
    expect(issue!.code).toBe('unrecognized_keys');
    expect(issue!.path).toEqual(['colors']);
    expect((issue as { keys?: string[] }).keys).toEqual(['linkColour']);
  });

  it('refuses an unknown key at the top level and deep inside', () => {
    const top = theme();
    top.handout = {};
    expect(issues(top).map((i) => [i.code, i.path])).toEqual([['unrecognized_keys', []]]);
    const deep = theme();
    deep.briefing.margins.gutter = 10;
    expect(paths(deep)).toEqual(['briefing.margins']);
  });

  it.each([
    ['briefing', 'sizes', 'body', -10.5],
    ['briefing', 'sizes', 'small', 0],
    ['briefing', 'margins', 'left', -1],
    ['slides', 'sizes', 'notes', -12],
  ] as const)('refuses a size of %s.%s.%s = %d at its path', (section, group, key, value) => {
    const data = theme();
    data[section][group][key] = value;
    expect(paths(data)).toEqual([`${section}.${group}.${key}`]);
  });

  it('refuses a slide margin that is not a positive number', () => {
    const negative = theme();
    negative.slides.margin = -42;
    expect(paths(negative)).toEqual(['slides.margin']);
    const text = theme();
    text.slides.margin = '42';
    expect(paths(text)).toEqual(['slides.margin']);
  });

  it('refuses a size above its maximum', () => {
    const data = theme();
    data.briefing.sizes.title = 73;
    expect(paths(data)).toEqual(['briefing.sizes.title']);
  });

  it('refuses an unknown font role and paper size at their paths', () => {
    const data = theme();
    data.briefing.fonts.body = 'comic';
    data.briefing.paper = 'a5';
    expect(paths(data).sort()).toEqual(['briefing.fonts.body', 'briefing.paper']);
  });

  it('refuses a line height ratio below 1 and a safety margin above 0.3', () => {
    const data = theme();
    data.briefing.lineHeightRatio = 0.9;
    data.slides.safetyMargin = 0.5;
    expect(paths(data).sort()).toEqual(['briefing.lineHeightRatio', 'slides.safetyMargin']);
  });

  it('refuses a minimum title size above the title size, on the field of the minimum', () => {
    const data = theme();
    data.slides.sizes.minTitle = data.slides.sizes.title + 1;
    const found = issues(data);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['slides', 'sizes', 'minTitle']);
    expect(found[0]!.message).toBe(`must not exceed sizes.title (${data.slides.sizes.title})`);
  });

  it('refuses a minimum body size above the body size, and accepts equal sizes', () => {
    const above = theme();
    above.slides.sizes.minBody = 25;
    expect(issues(above).map((i) => i.path)).toEqual([['slides', 'sizes', 'minBody']]);
    const equal = theme();
    equal.slides.sizes.minTitle = equal.slides.sizes.title;
    equal.slides.sizes.minBody = equal.slides.sizes.body;
    expect(ThemeSchema.safeParse(equal).success).toBe(true);
  });

  it('refuses a theme with a section missing', () => {
    const data = theme();
    delete data.slides;
    expect(paths(data)).toEqual(['slides']);
  });
});
