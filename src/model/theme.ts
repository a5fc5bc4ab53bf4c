// Theme schema in, the Theme type out: colours, font roles and sizes, checked before anything is drawn.
import { z } from 'zod';
import { LABEL_NAMES } from '../render/labels.js';
import { SUPPORTED_LANGS } from './article.js';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1d232b"');
const size = (max: number) => z.number().finite().positive().max(max);
/** A role's family: a built-in one (serif, sans, slides) or a family of the theme's `faces`. */
const fontRole = z.string().trim().min(1, 'must name a font family');
/** The built-in families: briefing text (PT Serif), briefing display (PT Sans), slides (Arimo, written as Arial). */
export const BUILT_IN_FAMILIES = ['serif', 'sans', 'slides'] as const;

const text = z.string().trim().min(1, 'must not be empty');

/** A theme's own wording of any label, per language (`labels: { en: { keyPoints: Key judgements } }`). */
/** A family the theme brings: its files, relative to the theme folder; only the regular is required. */
const FaceFilesSchema = z.strictObject({ regular: text, bold: text.optional(), italic: text.optional(), boldItalic: text.optional() });
export type FaceFiles = z.output<typeof FaceFilesSchema>;
export const FACE_STYLES = ['regular', 'bold', 'italic', 'boldItalic'] as const;
export type FaceStyle = (typeof FACE_STYLES)[number];

const LabelsSchema = z.partialRecord(z.enum(SUPPORTED_LANGS), z.strictObject(Object.fromEntries(LABEL_NAMES.map((name) => [name, text.optional()]))));

export const ThemeSchema = z.strictObject({
  /** A protective marking ("OFFICIAL — FOR INTERNAL USE"), at the top and bottom of every page and slide. */
  marking: text.max(120, 'a marking is one short line (at most 120 characters)').optional(),
  labels: LabelsSchema.optional(),
  /** A PNG or JPEG, relative to the theme folder: on the briefing's cover and running header, the title slide and every slide. */
  logo: text.optional(),
  /** Font families the theme brings (family name → TTF or OTF files), which the font roles may name. */
  faces: z.record(z.string().trim().min(1).max(64), FaceFilesSchema).optional(),
  colors: z.strictObject({
    text: color, muted: color, accent: color, accentSoft: color, rule: color, tableHeader: color,
    slideBackground: color, slideTitle: color, slideBand: color,
  }),
  briefing: z.strictObject({
    paper: z.enum(['a4', 'letter']),
    margins: z.strictObject({ top: size(200), bottom: size(200), left: size(200), right: size(200) }),
    fonts: z.strictObject({ body: fontRole, heading: fontRole }),
    sizes: z.strictObject({
      title: size(72), subtitle: size(48), byline: size(36), heading: size(48), subheading: size(36),
      body: size(36), quote: size(48), table: size(36), small: size(24),
    }),
    /** The side column (pull quotes, notes) and the gap between it and the text column, which gets the rest. */
    columns: z.strictObject({ sideWidthPt: z.number().finite().min(60).max(300), gutterPt: z.number().finite().min(6).max(72), side: z.enum(['left', 'right']) }),
    lineHeightRatio: z.number().finite().min(1).max(3),
    paragraphSpacing: z.number().finite().min(0).max(72),
  }),
  slides: z.strictObject({
    aspect: z.enum(['16:9', '4:3']),
    margin: size(144),
    fonts: z.strictObject({ body: fontRole, heading: fontRole }),
    sizes: z.strictObject({
      title: size(96), minTitle: size(96), body: size(72), minBody: size(72), maxBody: size(96), statement: size(120), minStatement: size(120),
      quote: size(96), minQuote: size(96), attribution: size(72), minAttribution: size(72), keyNumber: size(144), minKeyNumber: size(144), keyCaption: size(48),
      sectionTitle: size(120), notes: size(36), small: size(36), coverTitle: size(120),
    }),
    lineHeightRatio: z.number().finite().min(1).max(3),
    safetyMargin: z.number().finite().min(0).max(0.3),
  }).superRefine((s, ctx) => {
    if (s.sizes.minTitle > s.sizes.title) ctx.addIssue({ code: 'custom', path: ['sizes', 'minTitle'], message: `must not exceed sizes.title (${s.sizes.title})` });
    const ordered: [keyof typeof s.sizes, keyof typeof s.sizes][] = [
      ['minBody', 'body'], ['minStatement', 'statement'], ['minQuote', 'quote'], ['minAttribution', 'attribution'], ['minKeyNumber', 'keyNumber'],
    ];
    for (const [low, high] of ordered) {
      if (s.sizes[low] > s.sizes[high]) ctx.addIssue({ code: 'custom', path: ['sizes', low], message: `must not exceed sizes.${high} (${s.sizes[high]})` });
    }
  }),
}).superRefine((theme, ctx) => {
  // Every role names a family there is: built in, or one of the theme's faces. Checked even when other fields are wrong
  // (`when` below), so the data may be partly malformed here.
  const data = theme as unknown as { faces?: unknown; briefing?: { fonts?: Record<string, unknown> }; slides?: { fonts?: Record<string, unknown> } };
  const faces = data.faces && typeof data.faces === 'object' ? Object.keys(data.faces) : [];
  const known = [...BUILT_IN_FAMILIES, ...faces];
  for (const name of faces) {
    if ((BUILT_IN_FAMILIES as readonly string[]).includes(name)) ctx.addIssue({ code: 'custom', path: ['faces', name], message: 'is the name of a built-in family (serif, sans, slides): give the face another name' });
  }
  for (const part of ['briefing', 'slides'] as const) {
    for (const role of ['body', 'heading'] as const) {
      const family = data[part]?.fonts?.[role];
      if (typeof family === 'string' && !known.includes(family.trim())) {
        ctx.addIssue({ code: 'custom', path: [part, 'fonts', role], message: `no font family "${family}": use ${known.map((name) => `"${name}"`).join(', ')}, or add it to faces: (family name → its TTF or OTF files)` });
      }
    }
  }
}, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

export type Theme = z.output<typeof ThemeSchema>;
