// The seed's figures with real readers: in the deck one group of native shapes each (no pictures), alt text once; vectors and text in the briefing.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { buildSeed, type BuiltSeed } from '../support/seed.js';
import { missing } from '../support/tools.js';
import { pptxParts } from '../support/clients.js';
import { figureGroups } from '../support/deck-check.js';

let seed: BuiltSeed;
let slides: string[];
beforeAll(async () => {
  seed = await buildSeed();
  const zip = await JSZip.loadAsync(seed.result.documents.find((d) => d.name === 'slides.pptx')!.bytes);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  slides = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
});

const slideTitled = (title: string) => slides.find((xml) => xml.includes(`<a:t>${title}</a:t>`))!;

describe('seed figures', () => {
  it('the timeline slide is one group of native shapes with the alt text once, on the group; no picture', async () => {
    const { groups, problems } = figureGroups(await pptxParts(seed.path('slides.pptx')));
    expect(problems).toEqual([]);
    const timeline = groups.filter((g) => g.figure.startsWith('timeline-'));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.children.length).toBeGreaterThanOrEqual(8);
    expect(timeline[0]!.ellipses).toBe(seed.result.article.events.length);
    expect(timeline[0]!.descr).toMatch(/^Timeline \(5\): before 24\u00A0February 2022/);
    const xml = slideTitled('Timeline');
    expect(xml.match(/descr="/g)).toHaveLength(1);
    expect(xml).not.toContain('<p:pic>');
  });

  it('the map slide is one group of custom-geometry outlines, markers and labels with the alt text once; no picture', async () => {
    const { groups } = figureGroups(await pptxParts(seed.path('slides.pptx')));
    const map = groups.filter((g) => g.figure.startsWith('map-'));
    expect(map).toHaveLength(1);
    expect(map[0]!.customGeometries).toBeGreaterThan(10);
    expect(map[0]!.textBoxes).toBe(seed.result.article.places.length + 2); // the names, the scale bar, the credit
    expect(map[0]!.descr).toMatch(/^Places \(6\): Minsk \(capital, Belarus\)/);
    const xml = slideTitled('Places');
    const outlines = [...xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)].map((m) => m[0]).filter((s) => s.includes('<a:custGeom>'));
    const points = outlines.reduce((sum, s) => sum + (s.match(/<a:pt /g) ?? []).length, 0);
    // Simplified outlines: enough points to be recognisable, few enough for an editable slide.
    expect(points).toBeGreaterThan(500);
    expect(points).toBeLessThan(20_000);
    expect(xml.match(/descr="/g)).toHaveLength(1);
    for (const name of ['Minsk', 'Vitebsk', 'Rostov-on-Don', 'Crimea', 'Donetsk', 'Luhansk']) expect(xml).toContain(`<a:t>${name}</a:t>`);
    expect(xml).not.toContain('<p:pic>');
  });

  const noPoppler = missing('pdfimages', 'pdftotext');
  it.runIf(!noPoppler)(`the briefing draws both as vectors with their labels as text ${noPoppler ?? ''}`, () => {
    const file = seed.path('briefing.pdf');
    const images = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(images).toHaveLength(2); // the two header lines: no image at all
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    for (const word of ['Minsk', 'Vitebsk', 'Rostov-on-Don', '2022', '2023', '2024', 'Map data: Natural Earth']) expect(text).toContain(word);
  });
});
