// Diagnostics in, nothing out: the shared shape of what a stage has to say, and the error that carries them.

export type Severity = 'error' | 'warning' | 'note';

export interface Place {
  file?: string;
  line?: number;
  column?: number;
  /** Data path such as sections[2].paragraphs[0]. */
  path?: string;
}

export interface Diagnostic extends Place {
  severity: Severity;
  /** Stable rule id, e.g. "schema", "yaml-syntax", "slide-title-too-long". */
  rule: string;
  message: string;
  hint?: string;
}

export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** A failure caused by the user's input or settings: printed as diagnostics, never as a stack trace. */
export class BriefkitError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'BriefkitError';
  }
}

export function fail(diagnostic: Omit<Diagnostic, 'severity'>): never {
  throw new BriefkitError([{ severity: 'error', ...diagnostic }]);
}

/** "sections[2].body" from ["sections", 2, "body"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** data/x.yaml:12:5: error: sections[2].body: must not be empty */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((part) => part !== undefined).join(':');
  const head = `${where ? `${where}: ` : ''}${d.severity}: ${d.path ? `${d.path}: ` : ''}${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
