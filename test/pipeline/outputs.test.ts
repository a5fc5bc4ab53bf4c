// The layout and output registries: what each output needs, in which order layouts run, and how a subset is chosen.
import { describe, expect, it } from 'vitest';
import { LAYOUTS, OUTPUTS, layoutsFor, selectOutputs, templatesFor, figureSource } from '../../src/pipeline/outputs.js';
import { OUTPUT_IDS } from '../../src/pipeline/output-ids.js';
import { BriefkitError } from '../../src/diagnostics.js';
import { loadArticleFile } from '../../src/load/load.js';
import { labelsFor } from '../../src/render/labels.js';
import { SEED_DATA } from '../support/seed.js';

describe('output registry', () => {
  it('holds the four documents, one entry per id, each on a known layout', () => {
    expect(OUTPUTS.map((o) => [o.id, o.file, o.layout])).toEqual([
      ['briefing', 'briefing.pdf', 'briefing'],
      ['deck', 'slides.pptx', 'slides'],
      ['deck-pdf', 'slides.pdf', 'slides'],
      ['handout', 'handout.pdf', 'handout'],
    ]);
    expect(OUTPUTS.map((o) => o.id)).toEqual([...OUTPUT_IDS]);
    for (const output of OUTPUTS) expect(Object.keys(LAYOUTS)).toContain(output.layout);
  });

  it('runs a layout after the layout it reads, and only the layouts and templates asked for', () => {
    expect(layoutsFor(selectOutputs(['handout']))).toEqual(['slides', 'handout']);
    expect(templatesFor(layoutsFor(selectOutputs(['handout'])))).toEqual(['slides']);
    expect(layoutsFor(selectOutputs(['briefing']))).toEqual(['briefing']);
    expect(templatesFor(layoutsFor(selectOutputs(undefined)))).toEqual(['briefing', 'slides']);
    expect(layoutsFor(selectOutputs([]))).toEqual(['briefing', 'slides', 'handout']);
  });

  it('takes ids or file names, keeps registry order, and refuses an unknown name listing the known ones', () => {
    expect(selectOutputs(['handout', 'slides.pptx']).map((o) => o.id)).toEqual(['deck', 'handout']);
    try {
      selectOutputs(['briefing', 'poster']);
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(BriefkitError);
      expect((error as BriefkitError).diagnostics[0]).toMatchObject({ path: '--only', message: 'unknown output "poster"; expected briefing, deck, deck-pdf, handout' });
    }
  });
});

describe('figureSource', () => {
  const article = loadArticleFile(SEED_DATA).value;
  const source = figureSource(article, labelsFor('en'));

  it('gives each figure its data and alt text from the article', () => {
    const timeline = source('timeline', {});
    expect(timeline?.alt).toMatch(/^Timeline \(5\): before 24 February 2022 — /);
    const map = source('map', {});
    expect(map?.alt).toContain('Minsk (capital');
  });

  it('has nothing to draw for an article without events or places', () => {
    const bare = figureSource({ ...article, events: [], places: [] }, labelsFor('en'));
    expect(bare('timeline', {})).toBeNull();
    expect(bare('map', {})).toBeNull();
  });
});
