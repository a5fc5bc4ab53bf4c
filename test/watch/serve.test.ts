// Tests src/watch/serve.ts in Debian's Chromium (headless, through playwright-core): the page loads on 127.0.0.1, draws every
// page of the briefing and of the slides, and draws them again with the new text after a save.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { watchArticles, type Watching } from '../../src/watch/watch.js';
import { servePreview, type Preview } from '../../src/watch/serve.js';
import { SEED_DATA } from '../support/seed.js';
import { missing } from '../support/tools.js';

const skip = missing('chromium');
/** Pages of a PDF from pdfkit (no object streams: every page object is written out). */
const pageCount = (file: string) => readFileSync(file).toString('latin1').match(/\/Type \/Page\b/g)!.length;

let browser: Browser | undefined;
let watching: Watching | undefined;
let preview: Preview | undefined;
afterAll(async () => {
  await browser?.close();
  watching?.close();
  await preview?.close();
});

describe.runIf(!skip)(`the preview page in headless Chromium${skip ? ` (${skip})` : ''}`, () => {
  it('shows every page of the briefing and the slides, and the new ones after a save', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-preview-'));
    const article = join(dir, 'article.yaml');
    cpSync(SEED_DATA, article);
    const out = join(dir, 'out');
    let builds = 0;
    watching = watchArticles({ inputs: [article], build: { sourceDateEpoch: 1700000000, only: ['briefing', 'deck-pdf'] }, outRoot: out, onReport: (r) => { if (!r.failed) { builds++; preview?.rebuilt(); } } });
    await watching.ready;
    preview = await servePreview(out, watching.articles);
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(String(error)));
    await page.goto(preview.url);
    await page.waitForFunction(() => Number(document.body.dataset.version) >= 0, null, { timeout: 90_000 });
    const drawn = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.column')].map((c) => [c.dataset.document, [Number(c.dataset.pages), c.querySelectorAll('canvas').length]])));
    const folder = join(out, 'lukashenko-occupied-territories');
    const briefingPages = pageCount(join(folder, 'briefing.pdf'));
    const slidePages = pageCount(join(folder, 'slides.pdf'));
    expect(briefingPages).toBeGreaterThan(1);
    expect(await drawn()).toEqual({ 'briefing.pdf': [briefingPages, briefingPages], 'slides.pdf': [slidePages, slidePages] });
    // A canvas with something on it: not every pixel of the first slide is the same colour.
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-document="slides.pdf"] canvas')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return colours.size;
    });
    expect(inked).toBeGreaterThan(10);
    expect(await page.textContent('h2')).toContain('Lukashenko regime');

    const version = await page.evaluate(() => Number(document.body.dataset.version));
    writeFileSync(article, readFileSync(SEED_DATA, 'utf8').replace(/^title: .*$/m, 'title: Saved while the preview was open'));
    await page.waitForFunction((v) => Number(document.body.dataset.version) > v, version, { timeout: 90_000 });
    expect(await page.textContent('h2')).toBe('Saved while the preview was open');
    expect(builds).toBeGreaterThanOrEqual(2);
    const after = await drawn();
    expect(after['slides.pdf']).toEqual([pageCount(join(folder, 'slides.pdf')), pageCount(join(folder, 'slides.pdf'))]);
    // Nothing but the watched documents is served.
    const outside = await page.evaluate(async () => (await fetch('/documents/..%2F..%2Fetc/passwd')).status);
    expect(outside).toBe(404);
    expect(failures).toEqual([]);
  }, 300_000);
});
