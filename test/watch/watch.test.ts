// Tests src/watch/watch.ts: a save rebuilds the article, a template save rebuilds every article, a broken save keeps the last good files.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchArticles, type WatchReport, type Watching } from '../../src/watch/watch.js';
import { TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { SEED_DATA } from '../support/seed.js';
import { bandedPng } from '../support/images.js';
import { mkdirSync } from 'node:fs';

/** Reports as they come, and a way to wait for the next one (a generous timeout: no time is asserted). */
function reports() {
  const seen: WatchReport[] = [];
  const waiting: ((report: WatchReport) => void)[] = [];
  return {
    seen,
    push: (report: WatchReport) => {
      seen.push(report);
      waiting.shift()?.(report);
    },
    next: () => new Promise<WatchReport>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no rebuild came; reports so far: ${seen.map((r) => r.cause).join(', ')}`)), 90_000);
      waiting.push((report) => {
        clearTimeout(timer);
        resolve(report);
      });
    }),
  };
}

let watching: Watching | undefined;
afterEach(() => watching?.close());

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-watch-'));
  const article = join(dir, 'article.yaml');
  cpSync(SEED_DATA, article);
  const templates = join(dir, 'templates');
  cpSync(TEMPLATES_DIR, templates, { recursive: true });
  return { dir, article, templates, out: join(dir, 'out') };
}

const briefing = (out: string) => readFileSync(join(out, 'lukashenko-occupied-territories', 'briefing.pdf'));
const seedText = readFileSync(SEED_DATA, 'utf8');

describe('watchArticles', () => {
  it('builds at start, rebuilds on a save, and keeps the last good documents when a save does not build', async () => {
    const { article, templates, out } = project();
    const got = reports();
    const first = got.next();
    watching = watchArticles({ inputs: [article], build: { templatesDir: templates, sourceDateEpoch: 1700000000 }, outRoot: out, onReport: got.push });
    await watching.ready;
    expect((await first).cause).toBe('start');
    expect(got.seen[0]!.failed).toBe(false);
    expect(got.seen[0]!.paths.map((p) => p.slice(out.length + 1)).sort()).toEqual(['briefing', 'handout', 'slides', 'slides'].map((n, i) => `lukashenko-occupied-territories/${n}.${i === 3 ? 'pptx' : 'pdf'}`).sort());
    const before = briefing(out);

    const saved = got.next();
    writeFileSync(article, seedText.replace(/^title: .*$/m, 'title: A title saved while watching'));
    const rebuilt = await saved;
    expect(rebuilt.failed).toBe(false);
    expect(rebuilt.cause).toBe(article);
    const after = briefing(out);
    expect(after.equals(before)).toBe(false);
    expect(watching.articles()).toEqual([{ id: 'lukashenko-occupied-territories', title: 'A title saved while watching', file: article }]);

    const broken = got.next();
    writeFileSync(article, seedText.replace(/^title: .*$/m, 'title: [unclosed'));
    const failed = await broken;
    expect(failed.failed).toBe(true);
    expect(failed.paths).toEqual([]);
    // The YAML parser notices the unclosed flow sequence on the line after the title.
    expect(failed.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}`)).toEqual([`${article}:6`]);
    expect(briefing(out).equals(after)).toBe(true);
    expect(watching.articles().map((a) => a.title)).toEqual(['A title saved while watching']);
  }, 240_000);

  it('builds a save written in steps (emptied, half written, whole) once, from the whole file', async () => {
    const { article, templates, out } = project();
    const got = reports();
    const first = got.next();
    watching = watchArticles({ inputs: [article], build: { templatesDir: templates, sourceDateEpoch: 1700000000 }, outRoot: out, onReport: got.push });
    await watching.ready;
    await first;
    const whole = seedText.replace(/^title: .*$/m, 'title: Saved in three steps');
    const saved = got.next();
    writeFileSync(article, '');
    writeFileSync(article, whole.slice(0, whole.length >> 1));
    writeFileSync(article, whole);
    const rebuilt = await saved;
    expect(rebuilt.failed, rebuilt.diagnostics.map((d) => d.message).join('\n')).toBe(false);
    expect(watching.articles().map((a) => a.title)).toEqual(['Saved in three steps']);
    // One more save: the report after it is its own (no report of a half-written file came in between).
    const next = got.next();
    writeFileSync(article, whole.replace('Saved in three steps', 'Saved once more'));
    expect((await next).failed).toBe(false);
    expect(got.seen.map((r) => r.failed)).toEqual([false, false, false]);
    expect(watching.articles().map((a) => a.title)).toEqual(['Saved once more']);
  }, 240_000);

  it('rebuilds the articles when a template is saved, with the saved template', async () => {
    const { article, templates, out } = project();
    const got = reports();
    watching = watchArticles({ inputs: [article], build: { templatesDir: templates, sourceDateEpoch: 1700000000, only: ['deck'] }, outRoot: out, onReport: got.push });
    await watching.ready;
    const saved = got.next();
    const slides = join(templates, 'slides.md.hbs');
    writeFileSync(slides, readFileSync(slides, 'utf8').replace(/^\{\{dateLine\}\}$/m, '{{dateLine}}\n\nA sentence only the saved template has.'));
    const rebuilt = await saved;
    expect(rebuilt.failed, JSON.stringify(rebuilt.diagnostics)).toBe(false);
    expect(rebuilt.cause).toBe(slides);
    const { unzipSync, strFromU8 } = await import('fflate');
    const deck = unzipSync(readFileSync(join(out, 'lukashenko-occupied-territories', 'slides.pptx')));
    expect(Object.entries(deck).some(([name, bytes]) => name.startsWith('ppt/slides/') && strFromU8(bytes).includes('A sentence only the saved template has.'))).toBe(true);
  }, 240_000);

  it('rebuilds an article when a picture it shows is saved, with the new picture', async () => {
    const { dir, article, templates, out } = project();
    mkdirSync(join(dir, 'photos'));
    writeFileSync(join(dir, 'photos', 'banner.png'), bandedPng(900, 300));
    const at = seedText.indexOf('    paragraphs:\n') + '    paragraphs:\n'.length;
    writeFileSync(article, `${seedText.slice(0, at)}      - image: photos/banner.png\n        alt: A banner\n${seedText.slice(at)}`);
    const got = reports();
    watching = watchArticles({ inputs: [article], build: { templatesDir: templates, sourceDateEpoch: 1700000000, only: ['briefing'] }, outRoot: out, onReport: got.push });
    await watching.ready;
    expect(got.seen.map((r) => r.failed)).toEqual([false]);
    const before = briefing(out);
    const saved = got.next();
    writeFileSync(join(dir, 'photos', 'banner.png'), bandedPng(900, 300, '#8b0000', '#ffffff'));
    const rebuilt = await saved;
    expect(rebuilt.cause).toBe(join(dir, 'photos', 'banner.png'));
    expect(briefing(out).equals(before)).toBe(false);
  }, 240_000);
});
