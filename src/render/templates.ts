// Template sources in, compiled render functions out: an isolated, strict Handlebars whose {{x}} escapes for Markdown.
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { escapeMarkdown } from './markdown-escape.js';
import { BriefkitError, type Diagnostic } from '../diagnostics.js';

type HelperFn = (...args: unknown[]) => unknown;
type AstNode = { type: string; [key: string]: unknown };

const ESCAPE_HELPER = 'md';

declare const __briefkitPrecompiledTemplates: Record<string, object> | undefined;
/**
 * The default templates' compiled specs, put into the bundle's script when the package was built (scripts/bundle.mjs),
 * by a key of the template's source and the compile options: a template that differs (a theme's) is compiled here.
 */
const PRECOMPILED: Record<string, object> = typeof __briefkitPrecompiledTemplates === 'object' && __briefkitPrecompiledTemplates !== null ? __briefkitPrecompiledTemplates : {};
let collecting: Record<string, string> | undefined;

/** The specs (JavaScript object literals) of every template `run` compiles, by key, for the bundle to hold. */
export function collectTemplateSpecs(run: () => void): Record<string, string> {
  collecting = {};
  try {
    run();
    return collecting;
  } finally {
    collecting = undefined;
  }
}

export interface TemplateSet {
  render(name: string, view: object): string;
}

/** The directive names the templates may write: `:::name` containers and `::name` leaves; any other is an error at its place. */
export interface DirectiveNames {
  container: readonly string[];
  leaf: readonly string[];
}

/**
 * Compiles the named templates with their partials. Partials are only the ones given (no dynamic partials),
 * helpers only the ones listed (knownHelpersOnly), and prototype access stays forbidden (Handlebars' default).
 */
export function compileTemplates(
  templates: Record<string, { source: string; file: string }>,
  partials: Record<string, { source: string; file: string }>,
  helpers: Record<string, HelperFn>,
  directives?: DirectiveNames,
): TemplateSet {
  const hb = Handlebars.create();
  const allHelpers: Record<string, HelperFn> = { ...helpers, [ESCAPE_HELPER]: (value: unknown) => escapeMarkdown(toText(value)) };
  for (const [name, fn] of Object.entries(allHelpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  // {{log}} would write to the console (stdout of the CLI, where the documents are listed): not a template's business.
  hb.unregisterHelper('log');
  const knownHelpers: Record<string, boolean> = { ...Object.fromEntries(Object.keys(allHelpers).map((name) => [name, true])), log: false };
  const options: CompileOptions = { strict: true, knownHelpers, knownHelpersOnly: true, noEscape: true, preventIndent: true };

  const parse = (entry: { source: string; file: string }): AstNode => {
    try {
      if (directives) checkDirectives(entry, directives);
      const ast = hb.parse(entry.source) as unknown as AstNode;
      checkNoDynamicPartials(ast, entry.file);
      return ast;
    } catch (error) {
      if (error instanceof BriefkitError) throw error;
      throw templateError(entry.file, error as Error);
    }
  };
  const compile = (ast: AstNode, entry: { source: string; file: string }): HandlebarsTemplateDelegate => {
    const file = entry.file;
    try {
      return compileEagerly(hb, escapeAllMustaches(ast), options, specKey(entry.source, options));
    } catch (error) {
      throw templateError(file, error as Error);
    }
  };

  const partialAsts = Object.fromEntries(Object.entries(partials).map(([name, entry]) => [name, parse(entry)]));
  checkNoPartialCycles(partialAsts, partials);
  for (const [name, entry] of Object.entries(partials)) {
    const fn = compile(partialAsts[name]!, entry);
    // A render error inside a partial names the partial's file, not the template that included it.
    const located = ((context: unknown, runtime?: Handlebars.RuntimeOptions) => {
      try {
        return fn(context, runtime);
      } catch (error) {
        throw error instanceof BriefkitError ? error : templateError(entry.file, error as Error);
      }
    }) as HandlebarsTemplateDelegate;
    hb.registerPartial(name, located);
  }
  const compiled = Object.fromEntries(Object.entries(templates).map(([name, entry]) => [name, { fn: compile(parse(entry), entry), file: entry.file }]));

  return {
    render(name, view) {
      const template = compiled[name];
      if (!template) throw new BriefkitError([{ severity: 'error', rule: 'template-missing', message: `no template named "${name}"` }]);
      try {
        return template.fn(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw error instanceof BriefkitError ? error : templateError(template.file, error as Error);
      }
    },
  };
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`cannot insert a ${Array.isArray(value) ? 'list' : 'mapping'} as text`);
}

/** What Handlebars.compile does on first call, done now: unknown helpers and syntax errors surface at compile time. */
function compileEagerly(hb: typeof Handlebars, ast: AstNode, options: CompileOptions, key: string): HandlebarsTemplateDelegate {
  const internals = hb as unknown as {
    Compiler: new () => { compile(ast: unknown, options: object): unknown };
    JavaScriptCompiler: new () => { compile(environment: unknown, options: object, context: undefined, asObject: boolean): unknown };
    template(spec: unknown): HandlebarsTemplateDelegate;
  };
  const precompiled = PRECOMPILED[key];
  if (precompiled && !collecting) return internals.template(precompiled);
  const fullOptions = { data: true, ...options };
  const environment = new internals.Compiler().compile(ast, fullOptions);
  if (collecting) {
    // The spec as source, which the bundle will hold; the template made from that very source, so that it is checked.
    const source = String(new internals.JavaScriptCompiler().compile(environment, fullOptions, undefined, false));
    collecting[key] = source;
    return internals.template(new Function(`return ${source}`)());
  }
  const spec = new internals.JavaScriptCompiler().compile(environment, fullOptions, undefined, true);
  return internals.template(spec);
}

/** A template's source and everything its compilation depends on (the options, the helpers' names, Handlebars' version). */
function specKey(source: string, options: CompileOptions): string {
  const known = Object.keys(options.knownHelpers ?? {}).sort().map((name) => `${name}=${String(options.knownHelpers![name])}`);
  return createHash('sha256').update(JSON.stringify([Handlebars.VERSION, source, known, { ...options, knownHelpers: undefined }])).digest('hex').slice(0, 32);
}

/** Handlebars errors say "... on line 3" or carry a loc; turn them into a diagnostic at the template's file. */
function templateError(file: string, error: Error): BriefkitError {
  const text = error.message.split('\n')[0] ?? error.message;
  const where = /line (\d+)(?:, column (\d+))?/.exec(error.message) ?? /Parse error on line (\d+)/.exec(error.message);
  // Handlebars exceptions with a node carry lineNumber and a 0-based column (their message ends in " - line:column").
  const located = error as Error & { lineNumber?: unknown; column?: unknown };
  const lineNumber = typeof located.lineNumber === 'number' ? located.lineNumber : where?.[1] ? Number(where[1]) : undefined;
  const column = typeof located.column === 'number' ? located.column + 1 : where?.[2] ? Number(where[2]) + 1 : undefined;
  const fieldMatch = /"([^"]+)" not defined in/.exec(text);
  const message = fieldMatch ? `the template uses the field "${fieldMatch[1]}", which the article data does not have` : text.replace(/ - \d+:\d+$/, '');
  return new BriefkitError([{ severity: 'error', file, line: lineNumber, column, rule: 'template', message }]);
}

/** {{x}} and {{helper a}} become {{{md x}}} and {{{md (helper a)}}}, so that every escaped insertion is Markdown-escaped. */
function escapeAllMustaches(node: AstNode): AstNode {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!value || typeof value !== 'object') return value;
    const current = value as AstNode;
    for (const key of Object.keys(current)) {
      if (key !== 'loc') current[key] = visit(current[key]);
    }
    if (current.type === 'MustacheStatement' && current.escaped === true) {
      const inner = (current.params as unknown[]).length > 0 || current.hash
        ? { type: 'SubExpression', path: current.path, params: current.params, hash: current.hash, loc: current.loc }
        : { ...(current.path as AstNode), strict: true }; // a helper parameter is not looked up strictly unless marked, as {{x}} itself would be
      return {
        ...current,
        escaped: false,
        path: { type: 'PathExpression', data: false, depth: 0, parts: [ESCAPE_HELPER], original: ESCAPE_HELPER, loc: current.loc },
        params: [inner],
        hash: undefined,
      };
    }
    return current;
  };
  return visit(node) as AstNode;
}

function checkNoDynamicPartials(node: AstNode, file: string): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const current = value as AstNode & { name?: AstNode; loc?: { start: { line: number; column: number } } };
    if ((current.type === 'PartialStatement' || current.type === 'PartialBlockStatement') && current.name?.type === 'SubExpression') {
      throw new BriefkitError([{ severity: 'error', file, line: current.loc?.start.line, column: (current.loc?.start.column ?? 0) + 1, rule: 'template', message: 'dynamic partials are not allowed' }]);
    }
    for (const key of Object.keys(current)) if (key !== 'loc') visit(current[key]);
  };
  visit(node);
}

/** The partials a template includes by name ({{> name}}, {{#> name}}), with the line of each inclusion. */
function partialReferences(node: AstNode): { name: string; line?: number }[] {
  const found: { name: string; line?: number }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const current = value as AstNode & { name?: { type: string; original?: unknown; value?: unknown }; loc?: { start: { line: number } } };
    if ((current.type === 'PartialStatement' || current.type === 'PartialBlockStatement') && current.name) {
      const name = current.name.type === 'PathExpression' ? current.name.original : current.name.value;
      if (name !== undefined) found.push({ name: String(name), line: current.loc?.start.line });
    }
    for (const key of Object.keys(current)) if (key !== 'loc') visit(current[key]);
  };
  visit(node);
  return found;
}

/** A partial that includes itself, directly or through other partials, would recurse without end: refuse it at compile time. */
function checkNoPartialCycles(asts: Record<string, AstNode>, partials: Record<string, { source: string; file: string }>): void {
  const references = new Map(Object.entries(asts).map(([name, ast]) => [name, partialReferences(ast)]));
  for (const [start, direct] of references) {
    for (const first of direct) {
      const chain = [start, first.name];
      const seen = new Set<string>();
      const stack: string[][] = [chain];
      while (stack.length > 0) {
        const path = stack.pop()!;
        const last = path[path.length - 1]!;
        if (last === start) {
          const via = path.length > 2 ? ` (${path.join(' → ')})` : '';
          throw new BriefkitError([{ severity: 'error', file: partials[start]?.file, line: first.line, rule: 'template', message: `partial "${start}" includes itself${via}` }]);
        }
        if (seen.has(last)) continue;
        seen.add(last);
        for (const next of references.get(last) ?? []) stack.push([...path, next.name]);
      }
    }
  }
}

/** Every `::name` and `:::name` at the start of a template line must be a known directive; each unknown one is an error at its place. */
function checkDirectives(entry: { source: string; file: string }, names: DirectiveNames): void {
  const errors: Diagnostic[] = [];
  entry.source.split(/\r?\n/).forEach((text, index) => {
    const match = /^(\s*)(:{2,})([A-Za-z][\w-]*)/.exec(text);
    if (!match) return;
    const [, indent, colons, name] = match as unknown as [string, string, string, string];
    const container = colons.length >= 3;
    const known = container ? names.container : names.leaf;
    if (known.includes(name)) return;
    const prefix = container ? ':::' : '::';
    errors.push({
      severity: 'error', file: entry.file, line: index + 1, column: indent.length + 1, rule: 'template-directive',
      message: `unknown directive ${prefix}${name}; the templates may use ${known.map((n) => `${prefix}${n}`).join(', ')}`,
    });
  });
  if (errors.length > 0) throw new BriefkitError(errors);
}
