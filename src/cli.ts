// Command-line arguments in, an exit code out: the only module that prints.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefkitError, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { buildFile, PROJECT_ROOT, type BuildOptions } from './build/pipeline.js';
import { writeDocuments } from './build/write.js';

const HELP = `briefkit — an analytical article in, a PDF briefing, a PPTX deck and a handout out

Usage:
  briefkit build [files…] [--out dir] [--paper a4|letter] [--aspect 16:9|4:3] [--handout lines|notes]
  briefkit --help | --version

  build     builds each article file (.yaml, .yml, .json); without files, every article in data/
  --out     output folder (default: dist); each article goes to <out>/<id>/
  --paper   paper of the briefing (default: the theme's, A4)
  --aspect  slide shape (default: the theme's, 16:9)
  --handout lines: three slides a page with ruled note lines (default); notes: slides with their speaker notes

Environment:
  SOURCE_DATE_EPOCH  seconds since 1970; fixes every date written, for byte-identical builds
`;

export async function main(argv: string[], io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) }): Promise<number> {
  const report = (diagnostics: Diagnostic[]) => diagnostics.forEach((d) => io.err(`${formatDiagnostic(d)}\n`));
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
  if (command !== 'build') {
    io.err(command ? `briefkit: unknown command "${command}"\n\n${HELP}` : HELP);
    return 1;
  }

  try {
    const options = buildOptions(values);
    const inputs = files.length > 0 ? files : defaultInputs();
    const outRoot = values.out ?? 'dist';
    let failed = false;
    for (const file of inputs) {
      try {
        const result = await buildFile(file, options);
        report(result.diagnostics);
        for (const path of writeDocuments(join(outRoot, result.article.id), result.documents)) {
          io.out(`${relative(process.cwd(), path) || path}  ${formatSize(statSync(path).size)}\n`);
        }
      } catch (error) {
        if (!(error instanceof BriefkitError)) throw error;
        report(error.diagnostics);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  } catch (error) {
    if (error instanceof BriefkitError) {
      report(error.diagnostics);
      return 1;
    }
    io.err(`briefkit: internal error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function buildOptions(values: { paper?: string; aspect?: string; handout?: string }): BuildOptions {
  const options: BuildOptions = {};
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

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
