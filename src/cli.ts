// Command-line arguments in, an exit code out: the only module that prints.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { BriefkitError, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { PROJECT_ROOT, type BuildOptions } from './pipeline/build.js';
import { buildMany } from './pipeline/batch.js';
import { selectOutputs } from './pipeline/outputs.js';
import { writeDocuments } from './pipeline/write.js';
import { importArticle } from './import/import.js';
import { articleYaml } from './import/to-yaml.js';
import { decodeUtf8, parseArticle, parseValidated, readInput } from './load/load.js';
import { SUPPORTED_LANGS, type Article, type ArticleInput } from './model/article.js';
import { watchArticles } from './watch/watch.js';
import { servePreview, type Preview } from './watch/serve.js';

const HELP = `briefkit — an analytical article in, a PDF briefing, a PPTX deck and a handout out

Usage:
  briefkit build [files…] [--out dir] [--only outputs] [--paper a4|letter] [--aspect 16:9|4:3] [--handout lines|notes]
  briefkit watch [files…] [--serve] [build options]
  briefkit import article.txt [-o data/<id>.yaml] [--lang en|be|uk|ru] [--force]
  briefkit --help | --version

  briefkit theme init DIR [--force]

  build     builds each article: a data file (.yaml, .yml, .json) or a raw article (.txt, .md) imported on
            the fly; a folder stands for its data files; without files, every data file in data/
  watch     builds each article, then rebuilds it whenever it, a picture it shows, a template or the theme
            is saved; a save that does not build prints its errors and keeps the last good documents
  --serve   (watch) a preview page on 127.0.0.1: the briefing's pages beside the slides, redrawn on each rebuild
  import    turns a raw article (text copied from a web page, or Markdown) into a data file to check and
            improve by hand; prints what it found, guessed and dropped, line by line
  -o        where import writes (default data/<id>.yaml); it never overwrites a file without --force
  --out     output folder (default: dist); each article goes to <out>/<id>/
  -j, --jobs  articles built at once (default: the machine's cores); documents and their order are the same
            as one by one
  --max-input-mb  refuse article files larger than this (default 2)
  -q, --quiet  print errors only (no document lines, warnings, progress or summary)
  --verbose  also print how long each article's steps took (load, environment, render, parse, layout, export)
  --theme   an office's theme folder: theme.yaml with what differs from the default (colours, sizes,
            marking, labels), templates/ overriding any template or partial by file name
  --templates  a folder of templates overriding the defaults by file name
  --only    a comma-separated subset of the outputs: briefing (briefing.pdf), deck (slides.pptx),
            deck-pdf (slides.pdf), handout (handout.pdf); default: all four
  --paper   paper of the briefing (default: the theme's, A4)
  --aspect  slide shape (default: the theme's, 16:9)
  --handout lines: three slides a page with ruled note lines (default); notes: slides with their speaker notes

  theme init  writes a starter theme folder: theme.yaml (the default theme, commented) and templates/

A project file briefkit.config.yaml in the current folder may set theme, templates, out, paper, aspect,
handout and jobs (paths relative to it); options on the command line win.

Environment:
  SOURCE_DATE_EPOCH  seconds since 1970; fixes every date written, for byte-identical builds
  NO_COLOR           set: "error" and "warning" are not coloured on a terminal
`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (a progress line is shown there). */
  isTTY?: boolean;
  /** Whether "error" and "warning" are printed in colour (a terminal, and no NO_COLOR). */
  colour?: boolean;
}

/** Colour on a terminal unless NO_COLOR is set (to anything but the empty string, https://no-color.org) or TERM is dumb. */
export function wantsColour(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  return isTTY && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}

/** The severity word of a formatted diagnostic in red (error) or yellow (warning). */
function colourDiagnostic(text: string): string {
  return text.replace(/(^|: )(error|warning)(: )/, (_, before: string, word: string, after: string) => `${before}\u001b[${word === 'error' ? '31' : '33'}m${word}\u001b[39m${after}`);
}

/** A reader that closes our output (`briefkit build | head -1`) ends what we print, not the build: the documents are still written. */
let stdoutClosed = false;
let stderrClosed = false;
const closedPipe = (mark: () => void) => (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  mark();
};
let listening = false;
const processIo: CliIo = {
  out: (text) => {
    listen();
    if (!stdoutClosed) process.stdout.write(text);
  },
  err: (text) => {
    listen();
    if (!stderrClosed) process.stderr.write(text);
  },
  // Read when asked, not when the module is loaded: a start-up snapshot (scripts/snapshot.mjs) loads it at build time.
  get isTTY() {
    return Boolean(process.stderr.isTTY) && !process.env.CI;
  },
  get colour() {
    return wantsColour(process.env, Boolean(process.stderr.isTTY));
  },
};
function listen(): void {
  if (listening) return;
  listening = true;
  process.stdout.on('error', closedPipe(() => (stdoutClosed = true)));
  process.stderr.on('error', closedPipe(() => (stderrClosed = true)));
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const report = (diagnostics: Diagnostic[]) => diagnostics.forEach((d) => io.err(`${io.colour ? colourDiagnostic(formatDiagnostic(d)) : formatDiagnostic(d)}\n`));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        paper: { type: 'string' },
        aspect: { type: 'string' },
        handout: { type: 'string' },
        only: { type: 'string' },
        theme: { type: 'string' },
        templates: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'max-input-mb': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean' },
        serve: { type: 'boolean' },
        lang: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.err(`briefkit: ${(error as Error).message}\n${HELP}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (values.version) {
    io.out(`${JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (values.quiet && values.verbose) {
    io.err('briefkit: --quiet and --verbose ask for opposite things; give one of them\n');
    return 1;
  }
  if (command === 'import') {
    try {
      return runImport(files, values, io, report);
    } catch (error) {
      if (!(error instanceof BriefkitError)) throw error;
      report(error.diagnostics);
      return 1;
    }
  }
  if (command === 'theme') {
    try {
      return themeInit(files, values, io);
    } catch (error) {
      if (!(error instanceof BriefkitError)) throw error;
      report(error.diagnostics);
      return 1;
    }
  }
  if (command === 'watch') {
    try {
      return await runWatch(files, values, io, report);
    } catch (error) {
      if (!(error instanceof BriefkitError)) throw error;
      report(error.diagnostics);
      return 1;
    }
  }
  if (command !== 'build') {
    io.err(command ? `briefkit: unknown command "${command}"\n\n${HELP}` : HELP);
    return 1;
  }

  try {
    const project = loadProjectFile(PROJECT_FILE);
    const settings = { ...project, ...definedOnly(values) };
    const options = buildOptions(settings);
    const inputs = files.length > 0 ? expandFolders(files) : defaultInputs();
    const outRoot = settings.out ?? 'dist';
    const jobs = settings.jobs === undefined ? availableParallelism() : positiveInteger(String(settings.jobs), '--jobs');
    const started = Date.now();
    const progress = !values.quiet && io.isTTY && inputs.length > 1;
    if (values.verbose) io.err(`building ${inputs.length} article${inputs.length === 1 ? '' : 's'} into ${outRoot}${sep}, ${Math.min(jobs, inputs.length)} at a time\n`);
    let failed = 0;
    let written = 0;
    const failures: string[] = [];
    const clearProgress = () => progress && io.err('\r\u001b[K');
    // Each article is written and printed in input order as soon as it and those before it are done.
    await buildMany(inputs, options, {
      jobs,
      keepDocuments: false,
      onProgress: progress ? (entry, done, total) => io.err(`\r\u001b[K${progressLine(entry, done, total, Date.now() - started)}`) : undefined,
      onEntry: (entry) => {
        clearProgress();
        report(values.quiet ? entry.diagnostics.filter((d) => d.severity === 'error') : entry.diagnostics);
        if (values.verbose && entry.timingsMs) io.err(`${entry.file}: ${stepTimes(entry.timingsMs)}\n`);
        const fail = () => {
          failed++;
          failures.push(entry.file);
        };
        if (entry.failed || !entry.documents || entry.id === undefined) return fail();
        try {
          for (const path of writeDocuments(join(outRoot, entry.id), entry.documents)) {
            written++;
            if (!values.quiet) io.out(`${relative(process.cwd(), path) || path}  ${formatSize(statSync(path).size)}\n`);
          }
        } catch (error) {
          if (!(error instanceof BriefkitError)) throw error;
          report(error.diagnostics);
          fail();
        }
      },
    });
    clearProgress();
    if (inputs.length > 1 && !values.quiet) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      io.err(`${inputs.length} articles, ${written} documents, ${failed} failed, ${seconds} s${failed > 0 ? `: ${failures.join(', ')}` : ''}\n`);
    }
    return failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof BriefkitError) {
      report(error.diagnostics);
      return 1;
    }
    io.err(`briefkit: internal error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

/**
 * `briefkit watch`: every article built, then rebuilt on each save until Ctrl-C; with --serve, a preview page too.
 * Resolves (0) when the process is told to stop.
 */
async function runWatch(files: string[], values: Record<string, string | boolean | undefined>, io: CliIo, report: (d: Diagnostic[]) => void): Promise<number> {
  const project = loadProjectFile(PROJECT_FILE);
  const settings = { ...project, ...definedOnly(values) } as Record<string, string | undefined>;
  const options = buildOptions(settings);
  const inputs = files.length > 0 ? expandFolders(files) : defaultInputs();
  const outRoot = settings.out ?? 'dist';
  let preview: Preview | undefined;
  const watching = watchArticles({
    inputs, build: options, outRoot,
    onReport: (built) => {
      report(values.quiet ? built.diagnostics.filter((d) => d.severity === 'error') : built.diagnostics);
      const cause = built.cause === 'start' ? '' : ` (${relative(process.cwd(), built.cause) || built.cause} saved)`;
      if (built.failed) io.err(`${relative(process.cwd(), built.file)}: not rebuilt${cause}; the last good documents stay\n`);
      else if (!values.quiet) io.out(`built ${relative(process.cwd(), built.file)} → ${relative(process.cwd(), join(outRoot, built.id!)) || '.'}${sep} in ${Math.round(built.buildMs)} ms${cause}\n`);
      if (!built.failed) preview?.rebuilt();
    },
  });
  await watching.ready;
  if (values.serve) {
    preview = await servePreview(resolve(outRoot), watching.articles);
    io.out(`preview: ${preview.url}\n`);
  }
  if (!values.quiet) io.out(`watching ${inputs.length} article${inputs.length === 1 ? '' : 's'}, the templates and the theme; Ctrl-C to stop\n`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', () => stop());
    process.once('SIGTERM', () => stop());
  });
  watching.close();
  await preview?.close();
  return 0;
}

function runImport(files: string[], values: { out?: string; lang?: string; force?: boolean; 'max-input-mb'?: string }, io: { out: (s: string) => void }, report: (d: Diagnostic[]) => void): number {
  if (files.length !== 1) throw new BriefkitError([{ severity: 'error', rule: 'cli', message: `import takes one raw article file, got ${files.length}` }]);
  const file = files[0]!;
  if (values.lang !== undefined && !(SUPPORTED_LANGS as readonly string[]).includes(values.lang)) {
    throw new BriefkitError([{ severity: 'error', rule: 'cli', path: '--lang', message: `expected one of ${SUPPORTED_LANGS.join(', ')}, got "${values.lang}"` }]);
  }
  const imported = importArticle(decodeUtf8(readInput(file, values['max-input-mb'] ? positiveInteger(values['max-input-mb'], '--max-input-mb') * 1024 * 1024 : undefined), file), file, values.lang ? { lang: values.lang as Article['lang'] } : {});
  report(imported.diagnostics);
  const target = values.out ?? join('data', `${imported.value.data.id}.yaml`);
  if (existsSync(target) && !values.force) {
    throw new BriefkitError([{ severity: 'error', file: target, rule: 'output-exists', message: 'already exists; it may hold your edits, so import does not overwrite it (use --force, or -o another path)' }]);
  }
  const yamlText = articleYaml(picturesRelativeTo(imported.value.data, dirname(file), dirname(target)), file, imported.value.captions);
  parseArticle(yamlText, target); // what we write must load back
  writeDocuments(dirname(target) || '.', [{ name: basename(target), bytes: Buffer.from(yamlText, 'utf8') }]);
  io.out(`${target}\n`);
  return 0;
}

/** The data with each picture's path, written relative to the raw article, made relative to where the data file goes. */
function picturesRelativeTo(data: ArticleInput, from: string, to: string): ArticleInput {
  return {
    ...data,
    sections: data.sections.map((section) => ({
      ...section,
      paragraphs: section.paragraphs.map((block) => (typeof block === 'object' && 'image' in block && !isAbsolute(block.image) ? { ...block, image: relative(to, resolve(from, block.image)).split(sep).join('/') } : block)),
    })),
  };
}

function buildOptions(values: { paper?: string; aspect?: string; handout?: string; only?: string; theme?: string; templates?: string; 'max-input-mb'?: string }): BuildOptions {
  const options: BuildOptions = {};
  if (values.theme !== undefined) options.theme = values.theme;
  if (values['max-input-mb'] !== undefined) options.maxInputBytes = positiveInteger(values['max-input-mb'], '--max-input-mb') * 1024 * 1024;
  if (values.templates !== undefined) options.templates = values.templates;
  if (values.only !== undefined) {
    options.only = values.only.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
    selectOutputs(options.only); // an unknown name fails here, before any article is read
  }
  if (values.handout !== undefined) {
    if (values.handout !== 'lines' && values.handout !== 'notes') throw new BriefkitError([{ severity: 'error', rule: 'cli', path: '--handout', message: `expected lines or notes, got "${values.handout}"` }]);
    options.handout = values.handout;
  }
  if (values.paper !== undefined) {
    if (values.paper !== 'a4' && values.paper !== 'letter') throw new BriefkitError([{ severity: 'error', rule: 'cli', path: '--paper', message: `expected a4 or letter, got "${values.paper}"` }]);
    options.paper = values.paper;
  }
  if (values.aspect !== undefined) {
    if (values.aspect !== '16:9' && values.aspect !== '4:3') throw new BriefkitError([{ severity: 'error', rule: 'cli', path: '--aspect', message: `expected 16:9 or 4:3, got "${values.aspect}"` }]);
    options.aspect = values.aspect;
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) throw new BriefkitError([{ severity: 'error', rule: 'cli', path: 'SOURCE_DATE_EPOCH', message: `expected whole seconds since 1970, got "${epoch}"` }]);
    options.sourceDateEpoch = Number(epoch);
  }
  return options;
}

const PROJECT_FILE = 'briefkit.config.yaml';

const ProjectSchema = z.strictObject({
  theme: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  paper: z.enum(['a4', 'letter']).optional(),
  aspect: z.enum(['16:9', '4:3']).optional(),
  handout: z.enum(['lines', 'notes']).optional(),
  jobs: z.number().int().min(1).max(1024).optional(),
});
type ProjectSettings = z.output<typeof ProjectSchema>;

/** briefkit.config.yaml of the current folder, when there is one, with its paths made relative to where it stands. */
function loadProjectFile(file: string): Omit<ProjectSettings, 'jobs'> & { jobs?: string } {
  if (!existsSync(file)) return {};
  const settings = parseValidated(readFileSync(file, 'utf8'), file, ProjectSchema, 'project settings (theme, out, paper, aspect, handout, jobs)');
  const base = dirname(file);
  const path = (value: string | undefined) => (value === undefined ? undefined : isAbsolute(value) ? value : join(base, value));
  return definedOnly({ ...settings, theme: path(settings.theme), templates: path(settings.templates), out: path(settings.out), jobs: settings.jobs === undefined ? undefined : String(settings.jobs) });
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** `briefkit theme init DIR`: the default theme, commented, and an empty templates/ folder, to edit. */
function themeInit(args: string[], values: { force?: boolean }, io: CliIo): number {
  const [action, dir, ...rest] = args;
  if (action !== 'init' || dir === undefined || rest.length > 0) throw new BriefkitError([{ severity: 'error', rule: 'cli', message: 'usage: briefkit theme init DIR [--force]' }]);
  const target = join(dir, 'theme.yaml');
  if (existsSync(target) && !values.force) throw new BriefkitError([{ severity: 'error', file: target, rule: 'output-exists', message: 'already exists; it may hold your edits, so theme init does not overwrite it (use --force)' }]);
  const defaults = readFileSync(join(PROJECT_ROOT, 'templates', 'theme.yaml'), 'utf8');
  const text = `${THEME_HEADER}${defaults.replace(/^# The look of every document.*\n/, '')}${THEME_FOOTER}`;
  mkdirSync(join(dir, 'templates', 'partials'), { recursive: true });
  writeDocuments(dir, [{ name: 'theme.yaml', bytes: Buffer.from(text, 'utf8') }]);
  io.out(`${target}\n${join(dir, 'templates')}${sep}\n`);
  return 0;
}

const THEME_HEADER = `# A briefkit theme. Everything here is merged onto the default theme, key by key: delete what you do not change
# (or leave it as it is). Colours are hex, sizes are points, font families are serif, sans, slides or one of faces:.
# Use it with: briefkit build --theme <this folder>   (or theme: <folder> in briefkit.config.yaml)
#
# templates/ may hold your own briefing.md.hbs, slides.md.hbs or partials/<name>.md.hbs: each overrides the
# default file of the same name (see the templates of the install and the README for the fields they may use).

`;

const THEME_FOOTER = `
# Your logo (PNG, JPEG or SVG, in this folder): on the briefing's cover and running header, the title slide and, small,
# every other slide (downscaled to 300 dpi of its largest place):
# logo: logo.png

# A protective marking, at the top and the bottom of every page and slide (one line, at most 120 characters):
# marking: "OFFICIAL — FOR INTERNAL USE"

# Your own fonts (TTF or OTF files in this folder; regular required), which the fonts: roles above may then name;
# a slide font that is not a metric twin of Arial, Calibri, Cambria, Times New Roman or Courier New is embedded in the deck:
# faces:
#   Lora:
#     regular: fonts/Lora-Regular.ttf
#     bold: fonts/Lora-Bold.ttf
#     italic: fonts/Lora-Italic.ttf
#     boldItalic: fonts/Lora-BoldItalic.ttf

# Your own wording of any label, per language (en, be, uk, ru):
# labels:
#   en:
#     keyPoints: Key judgements
`;

function positiveInteger(text: string, flag: string): number {
  if (!/^[1-9]\d{0,3}$/.test(text)) throw new BriefkitError([{ severity: 'error', rule: 'cli', path: flag, message: `expected a whole number from 1, got "${text}"` }]);
  return Number(text);
}

/** A folder among the inputs stands for its data files, in name order (a folder named like an article file stays, and is refused as one). */
function expandFolders(files: string[]): string[] {
  return files.flatMap((file) => (existsSync(file) && statSync(file).isDirectory() && !/\.(ya?ml|json|txt|text|md|markdown)$/i.test(file) ? dataFilesIn(file) : [file]));
}

function dataFilesIn(dir: string): string[] {
  const inputs = readdirSync(dir).filter((name) => /\.(ya?ml|json)$/i.test(name)).sort().map((name) => join(dir, name));
  if (inputs.length === 0) throw new BriefkitError([{ severity: 'error', file: dir, rule: 'input-missing', message: 'no article files (.yaml, .yml, .json) in this folder' }]);
  return inputs;
}

function defaultInputs(): string[] {
  const dir = 'data';
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new BriefkitError([{ severity: 'error', file: dir, rule: 'input-missing', message: 'no data/ folder here: run from the project folder or name the article files' }]);
  }
  const inputs = names.filter((name) => /\.(ya?ml|json)$/i.test(name)).sort().map((name) => join(dir, name));
  if (inputs.length === 0) throw new BriefkitError([{ severity: 'error', file: dir, rule: 'input-missing', message: 'no article files (.yaml, .yml, .json) in data/' }]);
  return inputs;
}

/** "[3/10] built a.yaml · about 4 s left": the time left from the mean time per article so far. */
export function progressLine(entry: { file: string; failed: boolean }, done: number, total: number, elapsedMs: number): string {
  const leftS = Math.round(((elapsedMs / done) * (total - done)) / 1000);
  const left = done < total ? ` · about ${leftS < 60 ? `${leftS} s` : `${Math.round(leftS / 60)} min`} left` : '';
  return `[${done}/${total}] ${entry.failed ? 'failed' : 'built'} ${basename(entry.file)}${left}`;
}

/** "412 ms: load 20, environment 31, render 12, parse 48, layout 130, export 171". */
function stepTimes(timingsMs: Record<string, number>): string {
  const total = Object.values(timingsMs).reduce((sum, ms) => sum + ms, 0);
  return `${Math.round(total)} ms: ${Object.entries(timingsMs).map(([step, ms]) => `${step} ${Math.round(ms)}`).join(', ')}`;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
