// The seed's pictures with real readers: native shapes (no pictures) in the deck, vectors and text in the briefing.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { buildSeed, type BuiltSeed } from '../support/seed.js';
import { missing } from '../support/tools.js';

let seed: BuiltSeed;
let slides: string[];
beforeAll(async () => {
  seed = await buildSeed();
  const zip = await JSZip.loadAsync(seed.result.documents.find((d) => d.name === 'slides.pptx')!.bytes);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  slides = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
});

const shapesOf = (xml: string) => [...xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)].map((m) => m[0]);
const slideTitled = (title: string) => slides.find((xml) => xml.includes(`<a:t>${title}</a:t>`))!;

describe('seed figures', () => {
  it('the timeline slide is made of native shapes with alt text, no picture', () => {
    const xml = slideTitled('Timeline');
    const figureShapes = shapesOf(xml).filter((s) => /name="Figure timeline/.test(s));
    expect(figureShapes.length).toBeGreaterThanOrEqual(8);
    expect(figureShapes.filter((s) => s.includes('prst="ellipse"'))).toHaveLength(seed.result.article.events.length);
    expect(figureShapes.every((s) => /descr="Timeline \(5\): before 24\u00A0February 2022/.test(s))).toBe(true);
    expect(xml).not.toContain('<p:pic>');
  });

  it('the map slide is made of custom-geometry outlines with alt text, no picture', () => {
    const xml = slideTitled('Places');
    const outlines = shapesOf(xml).filter((s) => s.includes('<a:custGeom>'));
    expect(outlines.length).toBeGreaterThan(10);
    const points = outlines.reduce((sum, s) => sum + (s.match(/<a:pt /g) ?? []).length, 0);
    // Simplified outlines: enough points to be recognisable, few enough for an editable slide.
    expect(points).toBeGreaterThan(500);
    expect(points).toBeLessThan(20_000);
    expect(outlines.every((s) => /descr="Places \(6\): Minsk \(capital, Belarus\)/.test(s))).toBe(true);
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
