// The seed's raw text built as a user builds it: a map with its places and an actors table in the deck and the
// briefing, and `briefkit import` listing the places with their coordinates.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildSeed, SEED_TEXT, type BuiltSeed } from '../support/seed.js';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { pptxParts } from '../support/clients.js';
import { figureGroups } from '../support/deck-check.js';
import { missing } from '../support/tools.js';

let seed: BuiltSeed;
beforeAll(async () => {
  seed = await buildSeed(SEED_TEXT);
});

const PLACES = ['Vitebsk', 'Crimea', 'Rostov-on-Don'];
const PEOPLE = ['Lukashenko', 'Denis Pushilin', 'Sergey Aksyonov', 'Alexander Subbotin'];

describe('the seed built from its raw text', () => {
  it('has a map slide naming Vitebsk, Crimea and Rostov-on-Don, and an actors slide with the four people', async () => {
    const parts = await pptxParts(seed.path('slides.pptx'));
    const map = figureGroups(parts).groups.filter((g) => g.figure.startsWith('map-'));
    expect(map).toHaveLength(1);
    for (const name of PLACES) expect(map[0]!.descr).toContain(name);
    const slides = parts.slides.map((slide) => parts.xml.get(slide.part) ?? '');
    const mapSlide = slides.find((xml) => xml.includes('<a:t>Places</a:t>'))!;
    for (const name of PLACES) expect(mapSlide).toContain(`<a:t>${name}</a:t>`);
    const actorsSlide = slides.find((xml) => xml.includes('<a:t>Actors</a:t>'))!;
    for (const name of PEOPLE) expect(actorsSlide).toContain(`<a:t>${name}</a:t>`);
  });

  const noPoppler = missing('pdftotext');
  it.runIf(!noPoppler)(`the briefing has the map's labels and the actors table ${noPoppler ?? ''}`, () => {
    const text = spawnSync('pdftotext', [seed.path('briefing.pdf'), '-'], { encoding: 'utf8' }).stdout;
    for (const word of [...PLACES, ...PEOPLE, 'Actors', 'Map data: Natural Earth', '55.19° N, 30.20° E']) expect(text).toContain(word);
  });

  it('`briefkit import` lists the places with their coordinates and the actors', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'briefkit-raw-seed-')), 'seed.yaml');
    const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefkit.js'), 'import', SEED_TEXT, '-o', out], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const data = parse(readFileSync(out, 'utf8'));
    const places = new Map(data.places.map((p: { name: string; lat: number; lon: number }) => [p.name, [p.lat, p.lon]]));
    expect(places.get('Vitebsk')).toEqual([55.1904, 30.2049]);
    expect(places.get('Crimea')).toEqual([45.3, 34.2]);
    expect(places.get('Rostov-on-Don')).toEqual([47.2314, 39.7233]);
    expect(data.actors.map((a: { name: string }) => a.name)).toEqual(PEOPLE);
    expect(result.stderr).toMatch(/seed-000\.txt:17: note: place: Rostov-on-Don \(city, 47\.2314, 39\.7233\) from "Rostov-on-Don"/);
  });
});
