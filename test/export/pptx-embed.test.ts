// Tests src/export/pptx-embed.ts: a deck set in a brand font carries it as EOT font parts PowerPoint reads; a checker that
// catches a broken one; licence bits that forbid embedding give a warning and no part; metric twins embed nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { build } from '../../src/pipeline/build.js';
import { SEED_DATA } from '../support/seed.js';
import { brandTheme, LORA } from '../support/brand-theme.js';
import { embeddedFontProblems } from '../support/font-parts.js';

const deckOf = async (theme?: string) => {
  const result = await build(SEED_DATA, { only: ['deck'], sourceDateEpoch: 1_700_000_000, ...(theme ? { theme } : {}) });
  return { bytes: result.documents[0]!.bytes, diagnostics: result.diagnostics };
};

/** The deck with one part's text changed. */
function patched(bytes: Buffer, part: string, change: (xml: string) => string): Buffer {
  const entries = unzipSync(new Uint8Array(bytes));
  entries[part] = strToU8(change(strFromU8(entries[part]!)));
  return Buffer.from(zipSync(entries));
}

describe('a deck set in a brand font', () => {
  it('embeds each style its runs use as a whole EOT of the very font, declared in the presentation as PowerPoint writes it', async () => {
    const { bytes, diagnostics } = await deckOf(brandTheme());
    const { problems, slots } = await embeddedFontProblems(bytes);
    expect(problems).toEqual([]);
    // The seed's slides have regular, bold (titles) and italic (quotations) text; no bold italic.
    expect(slots.map((slot) => [slot.typeface, slot.style])).toEqual([['Lora', 'regular'], ['Lora', 'bold'], ['Lora', 'italic']]);
    for (const slot of slots) expect(slot.font.equals(readFileSync(LORA[slot.style as keyof typeof LORA])), slot.style).toBe(true);
    expect(diagnostics.filter((d) => d.rule.startsWith('deck-font'))).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'deck-font-viewers', path: 'slides.fonts.body', message: expect.stringContaining('LibreOffice before 25.8 and PowerPoint for the web do not read embedded fonts') }),
    ]);
  });

  it('has a checker that catches a slot pointing nowhere, a missing content type and a damaged part', async () => {
    const { bytes } = await deckOf(brandTheme());
    const nowhere = patched(bytes, 'ppt/_rels/presentation.xml.rels', (xml) => xml.replace('Target="fonts/font2.fntdata"', 'Target="fonts/font9.fntdata"'));
    expect((await embeddedFontProblems(nowhere)).problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/Lora bold: relationship rId\d+ points at ppt\/fonts\/font9\.fntdata, which the package does not have/),
      'ppt/fonts/font2.fntdata is reached by no relationship',
    ]));
    const untyped = patched(bytes, '[Content_Types].xml', (xml) => xml.replace(/<Default Extension="fntdata"[^>]*\/>/, ''));
    expect((await embeddedFontProblems(untyped)).problems).toContain('ppt/fonts/font1.fntdata: content type (none), not application/x-fontdata');
    const entries = unzipSync(new Uint8Array(bytes));
    entries['ppt/fonts/font1.fntdata']![34] = 0; // the magic number
    expect((await embeddedFontProblems(Buffer.from(zipSync(entries)))).problems).toContain('ppt/fonts/font1.fntdata: EOT magic 0x5000');
    const misplaced = patched(bytes, 'ppt/presentation.xml', (xml) => {
      const list = /<p:embeddedFontLst>.*<\/p:embeddedFontLst>/s.exec(xml)![0];
      return xml.replace(list, '').replace('</p:presentation>', `${list}</p:presentation>`);
    });
    expect((await embeddedFontProblems(misplaced)).problems).toContain('p:embeddedFontLst does not follow p:notesSz (schema order)');
  });

  it.each([
    [0x0002, 'restricted licence'],
    [0x0004, 'preview & print'],
    [0x0200, 'bitmap embedding only'],
  ])('embeds nothing when the licence bits are 0x%s (%s), and warns naming the font and what re-wraps', async (fsType, reason) => {
    const theme = brandTheme({ fsType });
    const { bytes, diagnostics } = await deckOf(theme);
    expect((await embeddedFontProblems(bytes)).problems).toEqual(['presentation.xml has no p:embeddedFontLst']);
    const warnings = diagnostics.filter((d) => d.rule === 'deck-font-not-embedded');
    expect(warnings).toHaveLength(4); // one per style file
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: join(theme, 'theme.yaml'), path: 'slides.fonts.body' });
    expect(warnings[0]!.message).toContain(`"Lora" (${join(theme, 'fonts', 'Lora-regular.ttf')}) is not embedded in slides.pptx`);
    expect(warnings[0]!.message).toContain(reason);
    expect(warnings[0]!.message).toContain('re-wraps');
    expect(diagnostics.some((d) => d.rule === 'deck-font-viewers')).toBe(false);
  });

  it('embeds a font whose licence bits allow editing (0x0008)', async () => {
    const { bytes, diagnostics } = await deckOf(brandTheme({ fsType: 0x0008 }));
    expect((await embeddedFontProblems(bytes)).slots).toHaveLength(3);
    expect(diagnostics.some((d) => d.rule === 'deck-font-not-embedded')).toBe(false);
  });

  it('sets bold text of a family without a bold file in its regular — b="0", no bold slot — and says so once', async () => {
    const { bytes, diagnostics } = await deckOf(brandTheme({ without: ['bold', 'boldItalic'] }));
    const { problems, slots } = await embeddedFontProblems(bytes);
    expect(problems).toEqual([]);
    expect(slots.map((slot) => slot.style)).toEqual(['regular', 'italic']);
    const slides = unzipSync(new Uint8Array(bytes));
    const xml = Object.keys(slides).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => strFromU8(slides[n]!)).join('');
    expect(xml).toContain('<a:latin typeface="Lora"');
    expect(xml).not.toMatch(/<a:rPr [^>]*\bb="1"/);
    expect(diagnostics.filter((d) => d.rule === 'face-style-missing')).toEqual([expect.objectContaining({ path: 'faces.Lora', message: 'has no bold, boldItalic file: bold text is set in its regular, bold italic text is set in its italic (no bold or slant is faked)' })]);
  });

  it('embeds nothing and warns of nothing for the default slides font, measured with Arial\'s metric twin', async () => {
    const { bytes, diagnostics } = await deckOf();
    expect((await embeddedFontProblems(bytes)).problems).toEqual(['presentation.xml has no p:embeddedFontLst']);
    expect(diagnostics.some((d) => d.rule.startsWith('deck-font') || d.rule === 'face-style-missing')).toBe(false);
  });
});
