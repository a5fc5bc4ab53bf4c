// Article files + build options + output folder in; each article rebuilt and written whenever it, a picture it shows, a
// template or the theme is saved (debounced, one build at a time, in this warm process), each outcome reported.
import { watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { build, TEMPLATES_DIR, type BuildOptions, type BuildResult } from '../pipeline/build.js';
import { writeDocuments } from '../pipeline/write.js';
import { forgetTemplates } from '../render/render.js';
import { BriefkitError, type Diagnostic } from '../diagnostics.js';
import type { Article } from '../model/article.js';

export interface WatchReport {
  file: string;
  /** The article's id, when it built. */
  id?: string;
  /** The files written (none when the build failed: the last good ones stay). */
  paths: string[];
  diagnostics: Diagnostic[];
  failed: boolean;
  /** What set the rebuild off: "start", or the saved file. */
  cause: string;
  buildMs: number;
}

export interface WatchOptions {
  inputs: string[];
  build: BuildOptions;
  outRoot: string;
  /** Quiet time after the last save before building (editors write a file in several steps, milliseconds apart). */
  debounceMs?: number;
  onReport: (report: WatchReport) => void;
}

export interface Watching {
  /** Resolves when the first build of every article is done. */
  ready: Promise<void>;
  /** Ids and titles of the articles whose last build worked, in input order. */
  articles: () => { id: string; title: string; file: string }[];
  close: () => void;
}

export function watchArticles(options: WatchOptions): Watching {
  const inputs = options.inputs.map((file) => resolve(file));
  const outRoot = resolve(options.outRoot);
  const debounceMs = options.debounceMs ?? 40;
  const good = new Map<string, { id: string; title: string }>();
  const pictures = new Map<string, Set<string>>(); // picture file → the articles showing it
  const watchers = new Map<string, FSWatcher>();
  const dirty = new Map<string, string>(); // article → cause
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();
  let closed = false;

  const templateDirs = [options.build.templatesDir ?? TEMPLATES_DIR, options.build.theme, options.build.templates].filter((dir): dir is string => dir !== undefined).map((dir) => resolve(dir));
  const isUnder = (path: string, dir: string) => {
    const rel = relative(dir, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };

  const schedule = (articles: string[], cause: string) => {
    for (const article of articles) dirty.set(article, cause);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      building = building.then(rebuildDirty);
    }, debounceMs);
  };

  const onChange = (dir: string, recursive: boolean) => (_event: string, name: string | Buffer | null) => {
    if (closed) return;
    const path = name ? join(dir, String(name)) : dir;
    if (isUnder(path, outRoot) || /\.tmp$/.test(path)) return;
    if (recursive) {
      forgetTemplates();
      return schedule(inputs, path);
    }
    const articles = [...inputs.filter((input) => input === path), ...(pictures.get(path) ?? [])];
    if (articles.length > 0) schedule(articles, path);
  };

  const watchDir = (dir: string, recursive: boolean) => {
    if (watchers.has(dir)) return;
    try {
      watchers.set(dir, watch(dir, { recursive, persistent: true }, onChange(dir, recursive)));
    } catch {
      // A folder that does not exist (yet): its articles fail with their own message when built.
    }
  };

  const rebuild = async (file: string, cause: string) => {
    const started = process.hrtime.bigint();
    let result: BuildResult | undefined;
    const report: WatchReport = { file, paths: [], diagnostics: [], failed: true, cause, buildMs: 0 };
    try {
      result = await build(file, options.build);
      report.diagnostics = result.diagnostics;
      report.failed = false;
    } catch (error) {
      if (!(error instanceof BriefkitError)) throw error;
      report.diagnostics = error.diagnostics;
    }
    if (result) {
      const { id, title } = result.article;
      try {
        report.paths = writeDocuments(join(outRoot, id), result.documents);
        report.id = id;
        good.set(file, { id, title });
        for (const picture of pictureFiles(result.article, file)) {
          pictures.set(picture, (pictures.get(picture) ?? new Set()).add(file));
          watchDir(dirname(picture), false);
        }
      } catch (error) {
        if (!(error instanceof BriefkitError)) throw error;
        report.diagnostics = [...report.diagnostics, ...error.diagnostics];
        report.failed = true;
      }
    }
    report.buildMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (!closed) options.onReport(report);
  };

  const rebuildDirty = async () => {
    const now = inputs.filter((input) => dirty.has(input));
    for (const file of now) {
      const cause = dirty.get(file)!;
      dirty.delete(file);
      if (closed) return;
      await rebuild(file, cause);
    }
  };

  for (const input of inputs) watchDir(dirname(input), false);
  for (const dir of templateDirs) watchDir(dir, true);
  const ready = (async () => {
    for (const input of inputs) await rebuild(input, 'start');
  })();
  building = ready;

  return {
    ready,
    articles: () => inputs.flatMap((file) => {
      const article = good.get(file);
      return article ? [{ ...article, file }] : [];
    }),
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}

/** The pictures an article shows (its paragraphs' images, relative to its file). */
function pictureFiles(article: Article, file: string): string[] {
  const files = new Set<string>();
  for (const section of article.sections) {
    for (const block of section.paragraphs) {
      if (typeof block === 'object' && block !== null && 'image' in block) files.add(resolve(dirname(file), String(block.image)));
    }
  }
  return [...files];
}
