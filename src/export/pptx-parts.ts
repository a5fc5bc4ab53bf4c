// A pptxgenjs presentation in, its package parts (name → bytes, as its zip would hold them) out, without the zip:
// pptxgenjs only writes through JSZip, whose streamed generation costs more than the parts themselves, and the
// finisher (pptx-finish.ts) would only unzip it again.
import JSZip from 'jszip';

export type PackageParts = Record<string, Uint8Array>;

interface Written {
  data: unknown;
  options?: { base64?: boolean; binary?: boolean };
}

const PARTS = Symbol('briefkit package parts');
type CapturingZip = JSZip & { [PARTS]?: Map<string, Written> };
type JsZipPrototype = { file: (...args: unknown[]) => unknown; generateAsync: (...args: unknown[]) => Promise<unknown> };

let writing = 0;
let restore: (() => void) | undefined;

/**
 * While a presentation is written here, the zips JSZip makes keep what they are given: a zip whose first file is
 * `[Content_Types].xml` is a package being written (pptxgenjs writes it first), and its `generateAsync` gives the
 * parts back instead of an archive. Any other zip (a chart's workbook, a caller's own) is left to JSZip.
 */
function capture(): void {
  if (writing++ > 0) return;
  const prototype = JSZip.prototype as unknown as JsZipPrototype;
  const { file, generateAsync } = prototype;
  prototype.file = function (this: CapturingZip, ...args: unknown[]) {
    const [name, data, options] = args as [unknown, unknown, Written['options']];
    if (typeof name === 'string' && data !== undefined) {
      if (name === '[Content_Types].xml' && this[PARTS] === undefined && Object.keys(this.files).every((n) => n.endsWith('/'))) this[PARTS] = new Map();
      this[PARTS]?.set(name, { data, ...(options ? { options } : {}) });
    }
    return file.apply(this, args);
  };
  prototype.generateAsync = function (this: CapturingZip, ...args: unknown[]) {
    const parts = this[PARTS] && asBytes(this[PARTS]);
    return parts ? Promise.resolve(parts) : generateAsync.apply(this, args);
  };
  restore = () => {
    prototype.file = file;
    prototype.generateAsync = generateAsync;
  };
}

function release(): void {
  if (--writing === 0) restore?.();
}

/** The parts' bytes as JSZip would store them: text as UTF-8, base64 decoded; undefined for data of another kind. */
function asBytes(written: Map<string, Written>): PackageParts | undefined {
  const parts: PackageParts = {};
  for (const [name, { data, options }] of written) {
    if (typeof data === 'string') parts[name] = Buffer.from(data, options?.base64 ? 'base64' : options?.binary ? 'latin1' : 'utf8');
    else if (data instanceof Uint8Array) parts[name] = data;
    else if (data instanceof ArrayBuffer) parts[name] = new Uint8Array(data);
    else return undefined;
  }
  return parts;
}

/** The presentation's parts, or (when they cannot be taken as written) its zip from pptxgenjs, as a Buffer. */
export async function presentationParts(pptx: { write: (props: { outputType: 'nodebuffer' }) => Promise<unknown> }): Promise<PackageParts | Buffer> {
  capture();
  try {
    return (await pptx.write({ outputType: 'nodebuffer' })) as PackageParts | Buffer;
  } finally {
    release();
  }
}
