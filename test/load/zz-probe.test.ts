import { it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8 } from '../../src/load/load.js';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { inlineText } from '../../src/parse/doc.js';
const tryit = (label: string, f: () => unknown) => { try { const v = f(); console.log(label, 'OK', JSON.stringify(v)?.slice(0, 300)); } catch (e: any) { console.log(label, 'ERR', JSON.stringify(e.diagnostics ?? e.message)); } };
const rt = (s: string) => { const md = `${escapeMarkdown(s)}\n`; const doc = parseMarkdown(md).value; return { md, doc: JSON.stringify(doc.children.map((b: any) => b.type)), text: doc.children.length === 1 && doc.children[0]!.type === 'paragraph' ? inlineText((doc.children[0] as any).children) : null }; };
it('probe', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const cat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
  tryit('ff', () => decodeUtf8(cat(enc('abc€def'), [0xff], enc('gh')), 'f'));
  tryit('ff0', () => decodeUtf8(cat([0xff], enc('gh')), 'f'));
  tryit('trunc', () => decodeUtf8(cat(enc('abc'), [0xe2, 0x82], enc('xyz')), 'f'));
  tryit('trunc-end', () => decodeUtf8(cat(enc('abcdefghij'), [0xe2, 0x82]), 'f'));
  tryit('overlong', () => decodeUtf8(cat(enc('ab'), [0xc0, 0xaf], enc('xyz')), 'f'));
  tryit('long', () => decodeUtf8(cat(enc('ж'.repeat(1000)), [0x80], enc('ж'.repeat(10))), 'f'));
  tryit('bom', () => decodeUtf8(cat([0xef, 0xbb, 0xbf], enc('x: 1')), 'f'));
  for (let n = 0; n < 40; n++) { const b = cat(enc('é'.repeat(n)), [0xff], enc('zz')); try { decodeUtf8(b, 'f'); } catch (e: any) { const m = /offset (\d+)/.exec(e.diagnostics[0].message); if (Number(m![1]) !== 2 * n) console.log('mismatch', n, m![1]); } }
  for (const s of ['*a*', '# h', '1. x', '[x](javascript:alert(1))', '<script>alert(1)</script>', '{{> x}}', ':name', 'a | b', '\\', '&amp;', 'a\nb', '    code', '\tx', 'x\u000cy', '\u0000', '-', '+', '=', '***', '~~s~~', 'www.example.com', 'http://x.y', 'a@b.co', '\u00a0x', 'x\u00a0', '\u2028']) console.log(JSON.stringify(s), JSON.stringify(rt(s)));
  for (const unit of ['grapheme-ascii', 'binary', 'grapheme'] as const) {
    const r = fc.check(fc.property(fc.string({ unit, maxLength: 40 }).filter((s) => s.trim() !== ''), (s) => { const out = rt(s); return out.text === s.replace(/\s*[\r\n]+\s*/g, ' ').trim(); }), { numRuns: 3000 });
    console.log(unit, r.failed, JSON.stringify(r.counterexample), r.counterexample && JSON.stringify(rt(r.counterexample[0] as string)));
  }
});
