// A pdfkit document in, the same document deflating each stream by deflate.ts (remembered by content, piece by piece)
// out: a warm rebuild repeats most of its streams (unchanged pages, the same font subsets, a map), and deflate is most of a PDF's cost.
import { deflateZlib } from './deflate.js';

/** The parts of pdfkit's PDFReference that finishing a stream touches; pdfkit does not export the class. */
interface PdfReference {
  compress: boolean;
  buffer: Uint8Array[];
  write: (chunk: string | Uint8Array) => void;
  finalize: () => void;
}

/**
 * Every reference the document makes from now on gathers the text pdfkit writes into it (operators, dictionaries) and
 * turns it into bytes at once, not a string at a time (pdfkit does that character by character in JavaScript); it
 * finishes its stream deflated by deflateZlib (remembered by content) and then tells pdfkit it is not to compress it (pdfkit has set the
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
        this.buffer = [deflateZlib(this.buffer.length === 1 ? this.buffer[0]! : Buffer.concat(this.buffer))];
        this.compress = false;
      }
      finalize.call(this);
    };
    return reference;
  };
}
