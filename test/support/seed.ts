// Builds the seed article once per test file into a temporary folder and hands back the paths of its documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFile, PROJECT_ROOT, type BuildResult } from '../../src/pipeline/build.js';
import { writeDocuments } from '../../src/pipeline/write.js';

export const SEED_DATA = join(PROJECT_ROOT, 'data', 'lukashenko-occupied-territories.yaml');
/** The raw seed article as scraped (a copy of ../shared/seeds/000_5972e0fa3fba95e6.txt). */
export const SEED_TEXT = join(PROJECT_ROOT, 'test', 'fixtures', 'seed-000.txt');

/**
 * All a build of the seed prints on stderr, for a data file named `file`: the warning about its one unclosed quotation
 * (sections[2].paragraphs[0], "stressed that "Belarusian enterprises…", unclosed in the article as published too).
 */
export function seedStderr(file: string): RegExp {
  const name = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${name}: warning: sections\\[2\\]\\.paragraphs\\[0\\]: the quotation mark “ opened at character \\d+ \\("… then stressed that “Belarusian enterpris…"\\) is never closed; left unpaired, no mark added or removed\n  hint: close or remove the quotation mark in the data\n$`);
}

export interface BuiltSeed {
  dir: string;
  result: BuildResult;
  path: (name: string) => string;
}

let built: Promise<BuiltSeed> | undefined;

export function buildSeed(file = SEED_DATA): Promise<BuiltSeed> {
  if (file === SEED_DATA && built) return built;
  const promise = (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-seed-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const result = await buildFile(file, { sourceDateEpoch: 1_700_000_000 });
    writeDocuments(dir, result.documents);
    return { dir, result, path: (name: string) => join(dir, name) };
  })();
  if (file === SEED_DATA) built = promise;
  return promise;
}
