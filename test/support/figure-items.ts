// Shared setup for the figure tests: a frame, the styles, the text boxes of a figure's items, random events.
import fc from 'fast-check';
import type { FrameItem, TextItem } from '../../src/layout/frame.js';
import type { Box } from '../../src/layout/figures/boxes.js';

export const frame: Box = { x: 40, y: 120, w: 880, h: 360 };
export const RUNS = Number(process.env.BRIEFKIT_PROPERTY_RUNS ?? 60);
export const timelineStyle = { family: 'slides' as const, sizePt: 16, text: '#1d232b', muted: '#5b6573', accent: '#8a1c2b', axis: '#c9ced6', background: '#ffffff' };
export const mapStyle = { family: 'sans' as const, sizePt: 9, scaleSizePt: 8, creditSizePt: 7, text: '#1d232b', muted: '#5b6573', accent: '#8a1c2b', water: '#e6eef5', land: '#f3f1ec', border: '#a9a397', tint: '#f0dadd', tintBorder: '#8a1c2b' };

/** The box each text item's lines take, with their text. */
export const textBoxes = (items: FrameItem[]): (Box & { text: string })[] =>
  items.filter((i): i is TextItem => i.kind === 'text').map((i) => ({ x: i.x, y: i.y, w: Math.max(...i.paragraphs[0]!.lines.map((l) => l.width)), h: i.h, text: i.paragraphs[0]!.lines.map((l) => l.fragments.map((f) => f.text).join('')).join(' ') }));

const isoDay = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const edtfDate = fc.oneof(isoDay, isoDay.map((d) => `${d.slice(0, 7)}~`), isoDay.map((d) => `../${d}`), isoDay.map((d) => `${d.slice(0, 7)}/..`), isoDay.map((d) => d.slice(0, 4)));
const words = fc.array(fc.constantFrom('Vitebsk', 'committee', 'signed', 'an', 'agreement', 'Lukashenko', 'meets', 'consulate', 'opens', 'in', 'Rostov-on-Don', 'Сустрэча', 'ў', 'Мінску'), { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
/** A random timeline event: any kind of EDTF date, labels of 1–14 words in three scripts. */
export const event = fc.record({ date: edtfDate, wording: words, label: words });
