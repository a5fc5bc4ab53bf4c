// Theme schema in, the Theme type out: colours, font roles and sizes, checked before anything is drawn.
import { z } from 'zod';
import { LABEL_NAMES } from '../render/labels.js';
import { SUPPORTED_LANGS } from './article.js';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1d232b"');
/**
 * A size in points within what the layouts can honour: below `min` text cannot be read (slides are printed at a third
 * on the handout) or viewers refuse it; above `max` a word or a heading line no longer fits its page or slide.
 */
const size = (min: number, max: number) =>
  z.number().finite()
    .min(min, `must be at least ${min} pt: smaller cannot be read in every document (the handout prints slides at a third of their size)`)
    .max(max, `must be at most ${max} pt: larger does not fit the page or the slide`);
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
  /** A PNG, JPEG or SVG, relative to the theme folder: on the briefing's cover and running header, the title slide and every slide. */
  logo: text.optional(),
  /** Font families the theme brings (family name → TTF or OTF files), which the font roles may name. */
  faces: z.record(z.string().trim().min(1).max(64), FaceFilesSchema).optional(),
  colors: z.strictObject({
    text: color, muted: color, accent: color, accentSoft: color, rule: color, tableHeader: color,
    slideBackground: color, slideTitle: color, slideBand: color,
  }),
  briefing: z.strictObject({
    paper: z.enum(['a4', 'letter']),
    margins: z.strictObject({ top: size(18, 200), bottom: size(18, 200), left: size(18, 200), right: size(18, 200) }),
    fonts: z.strictObject({ body: fontRole, heading: fontRole }),
    sizes: z.strictObject({
      title: size(12, 48), subtitle: size(8, 28), byline: size(6, 18), heading: size(8, 28), subheading: size(7, 24),
      body: size(7, 16), quote: size(8, 24), table: size(6, 14), small: size(5, 12),
    }),
    /** The side column (pull quotes, notes) and the gap between it and the text column, which gets the rest. */
    columns: z.strictObject({ sideWidthPt: z.number().finite().min(60).max(300), gutterPt: z.number().finite().min(6).max(72), side: z.enum(['left', 'right']) }),
    lineHeightRatio: z.number().finite().min(1).max(3),
    paragraphSpacing: z.number().finite().min(0).max(72),
  }),
  slides: z.strictObject({
    aspect: z.enum(['16:9', '4:3']),
    margin: size(12, 144),
    fonts: z.strictObject({ body: fontRole, heading: fontRole }),
    sizes: z.strictObject({
      title: size(16, 48), minTitle: size(12, 48), body: size(12, 40), minBody: size(12, 40), maxBody: size(12, 48), statement: size(18, 72), minStatement: size(18, 72),
      quote: size(16, 60), minQuote: size(12, 60), attribution: size(12, 36), minAttribution: size(12, 36), keyNumber: size(24, 120), minKeyNumber: size(18, 120), keyCaption: size(12, 36),
      sectionTitle: size(18, 72), notes: size(8, 24), small: size(12, 18), coverTitle: size(18, 60),
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
