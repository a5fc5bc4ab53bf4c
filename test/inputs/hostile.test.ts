// Hostile inputs, second round (issue 14): each refused before the work, with its place and what to do; the limits
// tested at the limit and just past it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { DEFAULT_MAX_INPUT_BYTES, MAX_DATA_NESTING, parseArticle, readInput } from '../../src/load/load.js';
import { tooDeep } from '../../src/load/nesting.js';
import { importArticle, MAX_IMPORTED_EVENTS, MAX_NESTING } from '../../src/import/import.js';
import { checkArticleText } from '../../src/check/text.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { compileTemplates } from '../../src/render/templates.js';
import { BriefkitError, type Diagnostic } from '../../src/diagnostics.js';
import { refusal } from '../support/refusal.js';
import { SEED_DATA, SEED_TEXT } from '../support/seed.js';
import { articleFrames } from '../support/seed-frames.js';
import { articleWithEvents, rawArticleOfBytes } from '../support/hostile-inputs.js';
import { centralityPeers, CENTRALITY_PEERS } from '../../src/import/key-points.js';
import { build } from '../../src/pipeline/build.js';
import { eventsForSlides, MAX_SLIDE_TIMELINE_EVENTS } from '../../src/layout/figures/timeline.js';
import type { Frame } from '../../src/layout/frame.js';
import { MAX_TITLE_CHARS } from '../../src/model/article.js';
import { checkArticleLimits, MAX_PARAGRAPHS, MAX_WORDS } from '../../src/check/limits.js';
import { layoutSlides } from '../../src/layout/slides.js';
import { layoutBriefing } from '../../src/layout/briefing.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { validateOoxml } from '../support/clients.js';
import { textItems } from '../support/frames.js';

const BIN = join(PROJECT_ROOT, 'bin', 'briefkit.js');
const dir = mkdtempSync(join(tmpdir(), 'briefkit-hostile-'));
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
const seed = readFileSync(SEED_DATA, 'utf8');
const CRASH = /\n\s+at |RangeError|TypeError|internal error/;


describe('what is read', () => {
  it('refuses a device, a pipe and a link to a device: only regular files are read', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    spawnSync('mkfifo', [join(dir, 'pipe.txt')]);
    for (const name of ['zero.txt', 'pipe.txt']) {
      const run = cli(['build', name, '--out', 'o']);
      expect(run.status, name).toBe(1);
      expect(run.stderr, name).toContain('error: is not a regular file (a device, a pipe or a socket): briefkit reads only files');
    }
  });

  it('takes a file of exactly the limit and refuses one byte more, naming the limit and the flag', () => {
    const file = join(dir, 'sized.txt');
    writeFileSync(file, 'x'.repeat(1000));
    expect(readInput(file, 1000)).toHaveLength(1000);
    writeFileSync(file, 'x'.repeat(1001));
    expect(refusal(() => readInput(file, 1000))[0]).toMatchObject({ file, rule: 'input-size' });
    writeFileSync(join(dir, 'big.txt'), 'word '.repeat(DEFAULT_MAX_INPUT_BYTES / 5 + 1));
    const run = cli(['build', 'big.txt', '--out', 'o']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('big.txt: error: is 2.0 MB, more than the 2.0 MB an article may be (raise the limit with --max-input-mb)\n');
    expect(cli(['build', 'big.txt', '--out', 'o', '--max-input-mb', '0']).stderr).toContain('--max-input-mb: expected a whole number from 1');
  });
});

describe('nesting', () => {
  const quotes = (depth: number) => `Title of the piece\n\nA first paragraph that says something.\n\n${'> '.repeat(depth)}nested words here.\n`;

  it(`imports quotations nested ${MAX_NESTING} deep and refuses ${MAX_NESTING + 1}, at their line`, () => {
    expect(importArticle(quotes(MAX_NESTING), 'a.txt').value.article.title).toBe('Title of the piece');
    expect(refusal(() => importArticle(quotes(MAX_NESTING + 1), 'a.txt'))[0]).toMatchObject({ file: 'a.txt', line: 5, column: 1, rule: 'nesting' });
  });

  it('refuses 5,000 nested quotations and 10,000 list markers in a row with a message, not a crash', () => {
    writeFileSync(join(dir, 'deep.txt'), quotes(5000));
    writeFileSync(join(dir, 'deep.md'), `# T\n\nSome text here.\n\n${'- '.repeat(10_000)}x\n`);
    for (const [name, line] of [['deep.txt', 5], ['deep.md', 5]] as const) {
      const run = cli(['build', name, '--out', 'o']);
      expect(run.status, name).toBe(1);
      expect(run.stderr, name).toMatch(new RegExp(`^${name.replace('.', '\\.')}:${line}:1: error: quotations or lists nested \\d+ deep; an article may nest at most 20`));
      expect(run.stderr, name).not.toMatch(CRASH);
    }
  });
});

describe('validation that means it', () => {
  it('refuses a day the calendar does not have, also inside an approximate date or an interval', () => {
    for (const date of ['2023-02-29~', '2023-02-29/2023-03-05', '2023-04-31']) {
      const text = seed.replace("date: '2023-04-18'", `date: '${date}'`).replace('date: 2023-04-18\n', `date: '${date}'\n`);
      expect(text).not.toBe(seed);
      expect(refusal(() => parseArticle(text, 'a.yaml')).some((d) => d.message.includes(`"${date}" is not an EDTF date`)), date).toBe(true);
    }
    expect(() => parseArticle(seed.replace(/date: '?2023-04-18'?\n/, "date: '2024-02-29'\n"), 'a.yaml')).not.toThrow();
  });

  it('refuses a title of invisible characters only, and sets line and paragraph separators as line breaks', () => {
    const article = parseArticle(seed, 'a.yaml').value;
    const fonts = new FontRegistry();
    expect(refusal(() => checkArticleText({ ...article, title: '\u00AD\u200B\u00AD' }, fonts, 'a.yaml'))[0]).toMatchObject({ path: 'title', rule: 'empty-text', message: expect.stringContaining('has no visible text') });
    const checked = checkArticleText({ ...article, subtitle: 'One line\u2028and the next\u2029and a third' }, fonts, 'a.yaml');
    expect(checked.diagnostics).toEqual([]);
    expect(checked.value.subtitle).toBe('One line\nand the next\nand a third');
  });

  it('refuses {{log}} in a template at compile time (it would print into the CLI\'s output)', () => {
    expect(refusal(() => compileTemplates({ t: { source: 'Hello {{log "x"}}', file: 't.md.hbs' } }, {}, {}))[0]).toMatchObject({ file: 't.md.hbs', line: 1, message: expect.stringContaining('unknown helper log') });
  });
});

describe('counts and linear costs', () => {
  /** Alt texts of the figures on the frames (tagged groups), in order. */
  const figureAlts = (frames: Frame[]) => frames.flatMap((frame) => frame.items.flatMap((item) => (item.kind === 'group' && 'struct' in item.tag ? item.tag.struct.filter((level) => level.role === 'Figure' && level.alt).map((level) => level.alt!) : [])));

  it(`2,000 events: the slides' timeline draws ${MAX_SLIDE_TIMELINE_EVENTS} and says so, each part's alt text its own, every event in the notes`, async () => {
    const file = join(dir, 'events.yaml');
    writeFileSync(file, articleWithEvents(2000));
    const frames = articleFrames(file).slides;
    const timeline = frames.filter((frame) => frame.layout === 'figure' && frame.title?.startsWith('Timeline'));
    expect(timeline.length).toBeGreaterThan(1);
    expect(timeline.length).toBeLessThanOrEqual(10);
    const alts = figureAlts(timeline);
    expect(alts).toHaveLength(timeline.length);
    // Every part described once: the alt texts together hold each drawn event once, not the whole timeline per slide.
    const described = alts.join('; ').match(/Event number \d+ /g) ?? [];
    expect(described).toHaveLength(MAX_SLIDE_TIMELINE_EVENTS);
    expect(new Set(described).size).toBe(MAX_SLIDE_TIMELINE_EVENTS);
    const notes = timeline.flatMap((frame) => frame.notes).join('\n');
    expect(new Set(notes.match(/Event number \d+ /g)).size).toBe(2000);
    const { diagnostics } = await build(file, { only: ['deck'], sourceDateEpoch: 1_700_000_000 });
    expect(diagnostics.find((d) => d.rule === 'figure-reduced')).toMatchObject({ severity: 'warning', path: 'events', message: expect.stringMatching(/draws 40 of the 2000 events.*the other 1960 \("2000-01-02", .*speaker notes/) });
  }, 120_000);

  it(`${MAX_SLIDE_TIMELINE_EVENTS} events are all drawn, with no warning (the limit itself)`, () => {
    const events = Array.from({ length: MAX_SLIDE_TIMELINE_EVENTS + 1 }, (_, i) => i);
    expect(eventsForSlides(events.slice(0, MAX_SLIDE_TIMELINE_EVENTS))).toHaveLength(MAX_SLIDE_TIMELINE_EVENTS);
    const reduced = eventsForSlides(events);
    expect(reduced).toHaveLength(MAX_SLIDE_TIMELINE_EVENTS);
    expect([reduced[0], reduced[reduced.length - 1]]).toEqual([0, MAX_SLIDE_TIMELINE_EVENTS]);
  });
});

describe('the importer on a long text: proposals capped and ranked, centrality against a bounded set', () => {
  it(`proposes at most ${MAX_IMPORTED_EVENTS} events, the most precise first, and notes how many dates it did not propose`, () => {
    const text = rawArticleOfBytes(60_000).replace('Paragraph 7. On 7 July 2006,', 'Paragraph 7. In 2006,');
    const { value: { article }, diagnostics } = importArticle(text, 'long.txt');
    expect(article.events).toHaveLength(MAX_IMPORTED_EVENTS);
    expect(article.events.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date)), 'days before years').toBe(true);
    const left = diagnostics.find((d) => d.message.includes('not proposed as timeline events'));
    expect(left?.message).toMatch(/^\d+ more dates \(lines \d+, \d+, .*at most 40/);
    expect(diagnostics.filter((d) => d.message.endsWith('proposed as a timeline event'))).toHaveLength(MAX_IMPORTED_EVENTS);
  });

  it('at the limit every date is an event, with no note of dates left out', () => {
    const text = rawArticleOfBytes(60_000).split('\n\n').slice(0, 3 + MAX_IMPORTED_EVENTS).join('\n\n');
    const { value: { article }, diagnostics } = importArticle(text, 'limit.txt');
    expect(article.events).toHaveLength(MAX_IMPORTED_EVENTS);
    expect(diagnostics.some((d) => d.message.includes('not proposed'))).toBe(false);
    const over = importArticle(rawArticleOfBytes(60_000).split('\n\n').slice(0, 4 + MAX_IMPORTED_EVENTS).join('\n\n'), 'over.txt');
    expect(over.value.article.events).toHaveLength(MAX_IMPORTED_EVENTS);
    expect(over.diagnostics.some((d) => d.message.startsWith('1 more date (line '))).toBe(true);
  });

  it(`measures centrality against all sentences up to ${CENTRALITY_PEERS}, an even spread of as many beyond`, () => {
    const few = Array.from({ length: CENTRALITY_PEERS }, (_, i) => i);
    expect(centralityPeers(few)).toBe(few);
    const many = Array.from({ length: 10 * CENTRALITY_PEERS + 7 }, (_, i) => i);
    const peers = centralityPeers(many);
    expect(peers).toHaveLength(CENTRALITY_PEERS);
    expect(peers[0]).toBe(0);
    expect(peers[peers.length - 1]).toBeGreaterThan(many.length - 12);
  });
});

describe('messages a user can act on: what is wrong and what to do, in a few lines', () => {
  const refusedWith = (name: string, content: string | Buffer, says: RegExp) => {
    writeFileSync(join(dir, name), content);
    const run = cli(['build', name, '--out', 'o']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.slice(0, 1000)).toMatch(says);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.stderr.split('\n').length, run.stderr.slice(0, 300)).toBeLessThanOrEqual(4);
    expect(run.stderr.length).toBeLessThan(400);
  };

  it('a UTF-16 file without a byte order mark (data and raw text): named as UTF-16, with what to do', () => {
    const le = Buffer.from(seed, 'utf16le');
    refusedWith('u16.yaml', le, /^u16\.yaml: error: the file is not valid UTF-8 \(first bad byte at offset 0\): it is UTF-16 little-endian without a byte order mark.*\n  hint: save it as UTF-8/);
    const be = Buffer.from(readFileSync(SEED_TEXT, 'utf8'), 'utf16le').swap16();
    refusedWith('u16.txt', be, /^u16\.txt: error: .*it is UTF-16 big-endian without a byte order mark/);
  });

  it('a YAML tag such as !!binary: refused at its place, naming the tag', () => {
    const text = seed.replace('lang: en', 'lang: !!binary ZW4=');
    refusedWith('tag.yaml', text, /^tag\.yaml:4:16: error: the YAML tag !!binary is not allowed: an article holds only text, numbers, true\/false, lists and mappings\n  hint: remove !!binary/);
  });

  it(`data nested deeper than ${MAX_DATA_NESTING}, in YAML and in JSON: refused at its line before parsing, never a stack overflow`, () => {
    refusedWith('deep.yaml', `${seed}\nextra: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, new RegExp(`^deep\\.yaml:${seed.split('\n').length + 1}:\\d+: error: lists or mappings nested 21 deep here; data may nest at most 20`));
    refusedWith('deep.json', `{"id": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`, /^deep\.json:1:\d+: error: lists or mappings nested 21 deep here/);
    refusedWith('deep-block.yaml', `${seed}\nextra:\n${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i + 1)}- x${i}:`).join('\n')}\n`, /^deep-block\.yaml:\d+:\d+: error: lists or mappings nested \d+ deep here/);
  });

  it(`nesting of exactly ${MAX_DATA_NESTING} passes the scan, one more does not; brackets inside quotes and comments do not count`, () => {
    expect(tooDeep(`a: ${'['.repeat(MAX_DATA_NESTING - 1)}${']'.repeat(MAX_DATA_NESTING - 1)}\n`, MAX_DATA_NESTING)).toBeUndefined();
    expect(tooDeep(`a: ${'['.repeat(MAX_DATA_NESTING)}${']'.repeat(MAX_DATA_NESTING)}\n`, MAX_DATA_NESTING)).toMatchObject({ depth: MAX_DATA_NESTING + 1, line: 1 });
    expect(tooDeep(`a: "${'['.repeat(100)}" # ${'{'.repeat(100)}\nb: '${'['.repeat(100)}'\n`, MAX_DATA_NESTING)).toBeUndefined();
    expect(tooDeep(seed, MAX_DATA_NESTING)).toBeUndefined();
  });

  it('a whole file where a mapping goes is quoted by its start and length, not whole', () => {
    refusedWith('text.yaml', `"${'All of the text of an article pasted as one string. '.repeat(500)}"\n`, /^text\.yaml:1:1: error: \(top level\): expected object, got string "All of the text.{20,60}"… \(26000 characters\)/);
  });

  it('an output folder where no folder can be made (/proc): an error naming it, never a hang', () => {
    const run = cli(['build', SEED_DATA, '--out', `/proc/briefkit-${process.pid}`]);
    expect(run.signal, 'the build hung until the test killed it').toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/: error: cannot write the documents: no folder can be made in it \(ENOENT: a read-only or special file system\); nothing was changed\n  hint: \/proc refused it; choose another output folder with --out/);
  });
});

describe('the signal path', () => {
  // A child process writes three documents; while the second is being written it receives SIGINT (or SIGTERM). The
  // write is synchronous, so the signal reaches JavaScript right after it: the child must then exit 130 (143), with
  // every document complete and no temporary file left — before, the Ctrl-C was lost and the build went on.
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s while the documents are written: exit %i, no temporary file left', (signal, code) => {
    const out = join(dir, `signal-${signal}`);
    const script = join(dir, `signal-${signal}.mjs`);
    writeFileSync(script, `import { writeDocuments } from ${JSON.stringify(join(PROJECT_ROOT, 'lib', 'bundle', 'briefkit.mjs'))};
const documents = ['briefing.pdf', 'slides.pdf', 'handout.pdf'].map((name, index) => ({ name, get bytes() {
  if (index === 1) process.kill(process.pid, ${JSON.stringify(signal)});
  return Buffer.alloc(100_000, index);
} }));
writeDocuments(${JSON.stringify(out)}, documents);
await new Promise((resolve) => setTimeout(resolve, 2000));
console.log('went on after the signal');
`);
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toBe('');
    expect(run.status).toBe(code);
    expect(readdirSync(out).sort()).toEqual(['briefing.pdf', 'handout.pdf', 'slides.pdf']);
  });
});

describe('a batch with one hostile file', () => {
  it('builds all the others and names it: exit 1, the summary names the file, every other article written', () => {
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    writeFileSync(join(batch, 'a.yaml'), seed);
    writeFileSync(join(batch, 'b.yaml'), seed.replace('id: lukashenko-occupied-territories', 'id: second-copy'));
    writeFileSync(join(batch, 'c.txt'), readFileSync(SEED_TEXT, 'utf8'));
    writeFileSync(join(batch, 'hostile.json'), `{"id": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const run = cli(['build', 'batch/a.yaml', 'batch/hostile.json', 'batch/b.yaml', 'batch/c.txt', '--out', 'batch-out', '--jobs', '2']);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^batch\/hostile\.json:1:\d+: error: lists or mappings nested 21 deep here/m);
    expect(run.stderr).toMatch(/4 articles, 12 documents, 1 failed, [\d.]+ s: batch\/hostile\.json/);
    expect(run.stderr).not.toMatch(CRASH);
    const built = readdirSync(join(dir, 'batch-out')).sort();
    expect(built).toHaveLength(3);
    for (const id of built) expect(readdirSync(join(dir, 'batch-out', id)).sort()).toEqual(['briefing.pdf', 'handout.pdf', 'slides.pdf', 'slides.pptx']);
  }, 120_000);
});

describe('no text lost', () => {
  it(`a title of more than ${MAX_TITLE_CHARS} characters (it would run off the cover) is refused at its place; ${MAX_TITLE_CHARS} builds`, () => {
    const withTitle = (title: string) => seed.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
    expect(parseArticle(withTitle('T'.repeat(MAX_TITLE_CHARS)), 'a.yaml').value.title).toHaveLength(MAX_TITLE_CHARS);
    const [error] = refusal(() => parseArticle(withTitle('Title words '.repeat(170).trim()), 'a.yaml'));
    expect(error).toMatchObject({ file: 'a.yaml', line: 5, column: 8, path: 'title', message: expect.stringMatching(/^is 2039 characters, more than the 250 a title may have .*: shorten it/) });
  });

  it('numbers from 10 up hang clear of their text on slides (the indent is as wide as the widest number)', () => {
    const items = Array.from({ length: 12 }, (_, i) => `${i + 1}. Source number ${i + 1}, a title that is long enough to wrap onto a second line on the slide`).join('\n');
    const frames = layoutSlides(parseMarkdown(`# Sources\n\n${items}\n`, 'slides.md', figureSource(parseArticle(seed, 'a.yaml').value, labelsFor('en'))).value, loadTheme(TEMPLATES_DIR), new FontRegistry(), { aspect: '16:9', lang: 'en', footer: 'F' }).value;
    let numbered = 0;
    for (const frame of frames) {
      for (const item of frame.items) {
        if (item.kind !== 'text') continue;
        for (const paragraph of item.paragraphs) {
          const label = paragraph.layout.spec.bullet?.text;
          if (!label || !/^\d+\.$/.test(label)) continue;
          numbered++;
          const [number, text] = paragraph.lines[0]!.fragments;
          expect(number!.text).toBe(label);
          expect(number!.x + number!.width, `"${label}" runs into its text`).toBeLessThan(text!.x);
        }
      }
    }
    expect(numbered).toBe(12);
  });
});

describe('theme sizes within what the layouts can honour', () => {
  const themeDir = (name: string, yaml: string) => {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'theme.yaml'), yaml);
    return folder;
  };
  const SLIDE_MIN = '{ title: 16, minTitle: 12, body: 12, minBody: 12, maxBody: 12, statement: 18, minStatement: 18, quote: 16, minQuote: 12, attribution: 12, minAttribution: 12, keyNumber: 24, minKeyNumber: 18, keyCaption: 12, sectionTitle: 18, notes: 8, small: 12, coverTitle: 18 }';
  const SLIDE_MAX = '{ title: 48, minTitle: 48, body: 40, minBody: 40, maxBody: 48, statement: 72, minStatement: 72, quote: 60, minQuote: 60, attribution: 36, minAttribution: 36, keyNumber: 120, minKeyNumber: 120, keyCaption: 36, sectionTitle: 72, notes: 24, small: 18, coverTitle: 60 }';

  it('a size below the minimum or above the maximum is refused at its line and column in the theme folder', () => {
    const small = themeDir('theme-small', 'slides:\n  sizes:\n    minBody: 0.5\n');
    expect(refusal(() => loadTheme(TEMPLATES_DIR, small))).toContainEqual(expect.objectContaining({ file: join(small, 'theme.yaml'), line: 3, column: 14, path: 'slides.sizes.minBody', message: expect.stringMatching(/^must be at least 12 pt/) }));
    const large = themeDir('theme-large', 'briefing:\n  sizes:\n    body: 17\n');
    expect(refusal(() => loadTheme(TEMPLATES_DIR, large))).toContainEqual(expect.objectContaining({ line: 3, column: 11, path: 'briefing.sizes.body', message: expect.stringMatching(/^must be at most 16 pt: larger does not fit/) }));
  });

  it.each([['smallest', SLIDE_MIN], ['largest', SLIDE_MAX]])('the %s sizes allowed build a deck the Open XML SDK validator accepts, every word on its slide', async (label, sizes) => {
    const folder = themeDir(`theme-${label}`, `slides:\n  sizes: ${sizes}\n`);
    const { documents } = await build(SEED_DATA, { theme: folder, only: ['deck', 'deck-pdf'], sourceDateEpoch: 1_700_000_000 });
    const deck = join(folder, 'slides.pptx');
    writeFileSync(deck, documents.find((d) => d.name === 'slides.pptx')!.bytes);
    expect(await validateOoxml(deck)).toEqual([]);
    const frames = layoutSlides(parseMarkdown(renderMarkdown(parseArticle(seed, 'a.yaml').value, loadTemplates(TEMPLATES_DIR), 0).value.slides!, 'slides.md', figureSource(parseArticle(seed, 'a.yaml').value, labelsFor('en'))).value, loadTheme(TEMPLATES_DIR, folder), new FontRegistry(), { aspect: '16:9', lang: 'en', footer: 'F' }).value;
    for (const frame of frames) {
      for (const item of textItems(frame)) {
        for (const paragraph of item.paragraphs) for (const line of paragraph.lines) {
          expect(item.x + line.width, `${frame.title}: a line wider than the slide`).toBeLessThanOrEqual(frame.width + 0.01);
          expect(item.y + paragraph.top + line.top + line.height, `${frame.title}: a line below the slide`).toBeLessThanOrEqual(frame.height + 0.01);
        }
      }
    }
  }, 120_000);
});

describe('raw HTML in an imported article', () => {
  const page = `# A title of the piece\n\n<script>var tracking = "do not import me";</script>\n\nThe first paragraph says something about the regime and its ties.\n\n<style>\n.ad { display: none }\n</style>\n\nThe second paragraph says more about the regime and its ties.\n\n<SCRIPT type="text/javascript">\ndocument.write("still script")\n`;

  it.each(['page.md', 'page.txt'])('%s: <script> and <style> content is dropped with a note at its line, the text around it kept', (name) => {
    const { value, diagnostics } = importArticle(page, name);
    const all = JSON.stringify(value.data);
    expect(all).not.toMatch(/tracking|display|still script/);
    expect(all).toContain('The second paragraph says more');
    const notes = diagnostics.filter((d) => d.message.startsWith('dropped the content of a <'));
    expect(notes.map((d) => [d.line, d.message.slice(0, 40)])).toEqual([
      [3, 'dropped the content of a <script> elemen'],
      [7, 'dropped the content of a <style> element'],
      [13, 'dropped the content of a <script> elemen'],
    ]);
  });
});

describe('seven key points of 80 words', () => {
  it('the key-points box breaks across pages: every point whole, nothing below the bottom margin', () => {
    const words = (k: number) => Array.from({ length: 80 }, (_, i) => ['point', 'number', String(k), 'says', 'the', 'regime', 'keeps', 'its', 'ties', 'quiet'][i % 10]).join(' ');
    const points = Array.from({ length: 7 }, (_, k) => `Point ${k + 1}: ${words(k + 1)}.`);
    const markdown = `:::cover\n# Lukashenko regime's cooperation with the Russian-occupied territories of Ukraine\n\nPavel Latushka, deputy Head of the United Transitional Cabinet of Belarus\n\nBriefing · prepared 2 December 2026\n:::\n\n:::keypoints\n## Key points\n\n${points.map((p) => `- ${p}`).join('\n')}\n:::\n\n## A section\n\nA paragraph of the article.\n`;
    const theme = loadTheme(TEMPLATES_DIR);
    const pages = layoutBriefing(parseMarkdown(markdown, 'briefing.md', figureSource(parseArticle(seed, 'a.yaml').value, labelsFor('en'))).value, theme, new FontRegistry(), { paper: 'a4', lang: 'en', header: 'Briefing · T', footerLeft: 'A', pageOf: 'page {page} of {pages}' }).value;
    const bottom = (page: Frame) => page.height - theme.briefing.margins.bottom;
    const shown: string[] = [];
    for (const page of pages) {
      for (const item of textItems(page)) {
        for (const paragraph of item.paragraphs) {
          const text = paragraph.lines.map((line) => line.fragments.map((f) => f.text).join('')).join(' ');
          if (!text.includes('Point ')) continue;
          shown.push(text);
          expect(item.y + paragraph.top + paragraph.layout.height, `${text.slice(0, 12)} runs below the margin`).toBeLessThanOrEqual(bottom(page) + 0.5);
        }
      }
    }
    expect(shown.map((t) => t.match(/Point \d/)![0])).toEqual(points.map((p) => p.slice(0, 7)));
    // The box goes on over the next page rather than moving whole and leaving the first page empty.
    const first = pages.findIndex((page) => textItems(page).some((i) => i.paragraphs.some((p) => p.lines.some((l) => l.fragments.some((f) => f.text.includes('Point 1'))))));
    const last = pages.findIndex((page) => textItems(page).some((i) => i.paragraphs.some((p) => p.lines.some((l) => l.fragments.some((f) => f.text.includes('Point 7'))))));
    expect(last).toBeGreaterThan(first);
  });
});

describe(`at most ${MAX_PARAGRAPHS} paragraphs and ${MAX_WORDS} words an article`, () => {
  const article = parseArticle(seed, 'a.yaml').value;
  const withParagraphs = (count: number, wordsEach: number) => ({ ...article, sections: [{ ...article.sections[0]!, paragraphs: Array.from({ length: count }, (_, i) => `${i} ${'word '.repeat(wordsEach - 1).trim()}`) }] });

  it('takes exactly the limits and refuses one more, naming the count, the limit and what to do', () => {
    expect(() => checkArticleLimits(withParagraphs(MAX_PARAGRAPHS, 2), 'a.yaml')).not.toThrow();
    expect(refusal(() => checkArticleLimits(withParagraphs(MAX_PARAGRAPHS + 1, 2), 'a.yaml'))[0]).toMatchObject({ file: 'a.yaml', path: 'sections', rule: 'article-size', message: `the article has ${MAX_PARAGRAPHS + 1} paragraphs; one build sets at most ${MAX_PARAGRAPHS}`, hint: expect.stringContaining('split the article') });
    expect(() => checkArticleLimits(withParagraphs(1000, MAX_WORDS / 1000), 'a.yaml')).not.toThrow();
    const over = withParagraphs(1000, MAX_WORDS / 1000);
    over.sections[0]!.paragraphs[0] += ' one';
    expect(refusal(() => checkArticleLimits(over, 'a.yaml'))[0]?.message).toBe(`the article has ${MAX_WORDS + 1} words; one build sets at most ${MAX_WORDS} (about 200 pages)`);
  });

  it('a 1 MB raw article (160,000 words) is refused by the CLI before the layout, with nothing written', () => {
    writeFileSync(join(dir, 'one-mb.txt'), rawArticleOfBytes(1_000_000));
    const run = cli(['build', 'one-mb.txt', '--out', 'one-mb-out']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^one-mb\.txt: error: sections: the article has 1\d{5} words; one build sets at most 100000/m);
    expect(existsSync(join(dir, 'one-mb-out'))).toBe(false);
  }, 60_000);
});
