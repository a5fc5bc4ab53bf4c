// A pdfkit document in, the same document deflating each stream through a memo (by a SHA-1 of its bytes) out: a warm
// rebuild repeats most of its streams (unchanged pages, the same font subsets), and deflate is most of a PDF's cost.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { Memo } from '../layout/memo.js';

/** The parts of pdfkit's PDFReference that finishing a stream touches; pdfkit does not export the class. */
interface PdfReference {
  compress: boolean;
  buffer: Uint8Array[];
  write: (chunk: string | Uint8Array) => void;
  finalize: () => void;
}

const MAX_REMEMBERED_BYTES = 8 * 1024 * 1024;
const deflated = new Memo<Buffer>(1024, { weigh: (bytes) => bytes.length, maxWeight: MAX_REMEMBERED_BYTES });

/** The stream's bytes deflated as pdfkit deflates them (zlib's defaults), once per content. */
export function deflateOnce(bytes: Uint8Array): Buffer {
  return deflated.get(createHash('sha1').update(bytes).digest('base64'), () => deflateSync(bytes));
}

/**
 * Every reference the document makes from now on gathers the text pdfkit writes into it (operators, dictionaries) and
 * turns it into bytes at once, not a string at a time (pdfkit does that character by character in JavaScript); it
 * finishes its stream deflated by deflateOnce and then tells pdfkit it is not to compress it (pdfkit has set the
 * FlateDecode filter already, when the first bytes were written).
 */
export function deflateStreamsOnce(doc: PDFKit.PDFDocument): void {
  const makeReference = (doc as unknown as { ref: (data?: object) => PdfReference }).ref.bind(doc);
  (doc as unknown as { ref: (data?: object) => PdfReference }).ref = (data?: object) => {
    const reference = makeReference(data);
    const { write, finalize } = reference;
    let text: string[] = [];
    // pdfkit's own conversion of a string: each character's low byte, then a newline; latin1 is the same.
    const writeText = () => {
      if (text.length === 0) return;
      const bytes = Buffer.from(text.join(''), 'latin1');
      text = [];
      write.call(reference, bytes);
    };
    reference.write = function (this: PdfReference, chunk: string | Uint8Array) {
      if (typeof chunk === 'string') {
        text.push(`${chunk}\n`);
        return;
      }
      writeText();
      write.call(this, chunk);
    };
    reference.finalize = function (this: PdfReference) {
      writeText();
      if (this.compress && this.buffer.length > 0) {
        this.buffer = [deflateOnce(this.buffer.length === 1 ? this.buffer[0]! : Buffer.concat(this.buffer))];
        this.compress = false;
      }
      finalize.call(this);
    };
    return reference;
  };
}
