// Issue 13: PDF streams deflated once per content give the very bytes pdfkit's own deflate gives.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { deflateStreamsOnce } from '../../src/export/pdf-deflate.js';
import { clearMemos, memoCounts } from '../../src/layout/memo.js';

const PNG = readFileSync('test/fixtures/raw/sites/consulate.png');

async function drawn(remember: boolean, squares: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, font: null, compress: true, info: { CreationDate: new Date(0) } } as unknown as PDFKit.PDFDocumentOptions);
  if (remember) deflateStreamsOnce(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let page = 0; page < 3; page++) {
    doc.addPage({ size: 'A4', margin: 0 });
    for (let i = 0; i < squares; i++) doc.rect(10 + i, 10 + page, 5, 5).fill(i % 2 ? '#224466' : '#aa3300');
    // A picture between the drawings: its bytes written between pdfkit's text, in order.
    doc.image(PNG, 100, 100 + page, { width: 50 });
    doc.moveTo(0, 0).lineTo(30, 40).stroke();
  }
  doc.end();
  return ended;
}

describe('deflateStreamsOnce', () => {
  it('leaves the PDF (drawings, a picture) byte for byte as pdfkit writes it, and deflates a repeated document’s streams only once', async () => {
    clearMemos();
    const plain = await drawn(false, 40);
    const remembered = await drawn(true, 40);
    expect(remembered.equals(plain)).toBe(true);
    const { misses } = memoCounts();
    expect(misses).toBeGreaterThanOrEqual(3); // three pages' content at least
    const again = await drawn(true, 40);
    expect(again.equals(plain)).toBe(true);
    expect(memoCounts().misses).toBe(misses);
    const changed = await drawn(true, 41);
    expect(changed.equals(plain)).toBe(false);
    expect(changed.equals(await drawn(false, 41))).toBe(true);
  });
});
