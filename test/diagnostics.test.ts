// Tests src/diagnostics.ts: data paths as text (formatPath), one diagnostic as a line (formatDiagnostic), and BriefkitError / fail carrying them.
import { describe, expect, it } from 'vitest';
import { BriefkitError, fail, formatDiagnostic, formatPath, type Diagnostic } from '../src/diagnostics.js';

describe('formatPath', () => {
  it('joins keys with dots and puts indices in brackets', () => {
    expect(formatPath(['sections', 2, 'paragraphs', 0])).toBe('sections[2].paragraphs[0]');
    expect(formatPath(['author', 'name'])).toBe('author.name');
    expect(formatPath(['events', 3, 'actors', 1])).toBe('events[3].actors[1]');
  });

  it('gives a single key as itself and no keys as the empty string', () => {
    expect(formatPath(['title'])).toBe('title');
    expect(formatPath([])).toBe('');
  });

  it('writes consecutive indices as consecutive brackets and a leading index without a dot', () => {
    expect(formatPath(['rows', 1, 2])).toBe('rows[1][2]');
    expect(formatPath([0, 'name'])).toBe('[0].name');
  });

  it('treats a numeric string as a key, not an index', () => {
    expect(formatPath(['map', '2'])).toBe('map.2');
  });
});

describe('formatDiagnostic', () => {
  const full: Diagnostic = { severity: 'error', file: 'data/x.yaml', line: 12, column: 5, path: 'sections[2].body', rule: 'schema', message: 'must not be empty' };

  it('writes file:line:col: severity: path: message', () => {
    expect(formatDiagnostic(full)).toBe('data/x.yaml:12:5: error: sections[2].body: must not be empty');
  });

  it('leaves out each part of the place that is missing', () => {
    expect(formatDiagnostic({ ...full, column: undefined })).toBe('data/x.yaml:12: error: sections[2].body: must not be empty');
    expect(formatDiagnostic({ ...full, line: undefined, column: undefined })).toBe('data/x.yaml: error: sections[2].body: must not be empty');
    expect(formatDiagnostic({ ...full, path: undefined })).toBe('data/x.yaml:12:5: error: must not be empty');
    expect(formatDiagnostic({ severity: 'warning', rule: 'r', message: 'just this' })).toBe('warning: just this');
  });

  it('keeps a line or column of 0 (only absent parts are left out)', () => {
    expect(formatDiagnostic({ severity: 'note', file: 'f', line: 0, column: 0, rule: 'r', message: 'm' })).toBe('f:0:0: note: m');
  });

  it('leaves out an empty path', () => {
    expect(formatDiagnostic({ ...full, path: '' })).toBe('data/x.yaml:12:5: error: must not be empty');
  });

  it('does not print the rule id', () => {
    expect(formatDiagnostic(full)).not.toContain('schema');
  });

  it('puts a hint on its own indented line', () => {
    const text = formatDiagnostic({ ...full, hint: 'write a paragraph' });
    expect(text.split('\n')).toEqual(['data/x.yaml:12:5: error: sections[2].body: must not be empty', '  hint: write a paragraph']);
  });
});

describe('BriefkitError', () => {
  const a: Diagnostic = { severity: 'error', file: 'a.yaml', line: 1, column: 2, rule: 'yaml-syntax', message: 'bad' };
  const b: Diagnostic = { severity: 'warning', file: 'a.yaml', path: 'title', rule: 'schema', message: 'odd', hint: 'look' };

  it('carries its diagnostics and is an Error named BriefkitError', () => {
    const error = new BriefkitError([a, b]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BriefkitError');
    expect(error.diagnostics).toEqual([a, b]);
  });

  it('has as its message every diagnostic formatted, one per line, in order', () => {
    expect(new BriefkitError([a, b]).message).toBe('a.yaml:1:2: error: bad\na.yaml: warning: title: odd\n  hint: look');
  });

  it('fail throws a BriefkitError with one error-severity diagnostic', () => {
    let thrown: unknown;
    try {
      fail({ file: 'x.yaml', rule: 'input-missing', message: 'no such file' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BriefkitError);
    expect((thrown as BriefkitError).diagnostics).toEqual([{ severity: 'error', file: 'x.yaml', rule: 'input-missing', message: 'no such file' }]);
    expect((thrown as Error).message).toBe('x.yaml: error: no such file');
  });
});
