// Dated events + a frame box in, a timeline drawn as frame items out: axis, year ticks, markers, labels that never collide.
import type { FontFamily, FontRegistry } from '../fonts.js';
import { INSIDE_GROUP, type EllipseItem, type FrameItem, type PathItem, type RectItem, type Tag, type TextItem } from '../frame.js';
import { edtfSortKey } from '../../model/edtf.js';
import type { FigureKind, SlidePart } from './kind.js';
import { layoutParagraph, type ParagraphLayout } from '../text.js';
import { plainRuns } from '../runs.js';
import { timeScale, type ScaledEvent } from './time-scale.js';
import { inside, intersects, type Box } from './boxes.js';

export interface TimelineEvent {
  date: string;
  wording: string;
  label: string;
}

export interface TimelineStyle {
  family: FontFamily;
  sizePt: number;
  text: string;
  muted: string;
  accent: string;
  axis: string;
  background: string;
}

export interface TimelineOptions {
  box: Box;
  style: TimelineStyle;
  fonts: FontRegistry;
  lang: string;
  /** Label width as a share of the box width (horizontal timelines). */
  labelShare?: number;
}

/**
 * Events a slides' timeline draws at most: about eight slides of it at 16 pt. Beyond that a timeline is no longer read
 * as one, and each slide would cost its labels' layout (2,000 events made 300 slides and a 54 MB slides.pdf).
 */
export const MAX_SLIDE_TIMELINE_EVENTS = 40;

/** At most MAX_SLIDE_TIMELINE_EVENTS of the events (in date order), evenly spread over them, the first and the last kept. */
export function eventsForSlides<T>(events: T[]): T[] {
  if (events.length <= MAX_SLIDE_TIMELINE_EVENTS) return events;
  const step = (events.length - 1) / (MAX_SLIDE_TIMELINE_EVENTS - 1);
  return Array.from({ length: MAX_SLIDE_TIMELINE_EVENTS }, (_, i) => events[Math.round(i * step)]!);
}

/** On slides, projected: every label, year and date at 16 pt. */
export const SLIDE_TIMELINE_SIZE_PT = 16;

const MARKER = 9;

function labelLayout(event: TimelineEvent, width: number, options: Pick<TimelineOptions, "style" | "fonts" | "lang">): ParagraphLayout {
  const { style } = options;
  const runs = [
    ...plainRuns(`${event.wording}\n`, { family: style.family, sizePt: style.sizePt, colour: style.accent, bold: true }),
    ...plainRuns(event.label, { family: style.family, sizePt: style.sizePt, colour: style.text }),
  ];
  return layoutParagraph({ runs, align: 'left', lineHeightPt: style.sizePt * 1.2, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, width, options.fonts, options.lang);
}

function textItem(layout: ParagraphLayout, x: number, y: number, w: number): TextItem {
  return { kind: 'text', x, y, w, h: layout.height, tag: INSIDE_GROUP, paragraphs: [{ layout, top: 0, lines: layout.lines }] };
}

/** The items of a horizontal timeline in `box`, or undefined when its labels cannot all be placed without collisions. */
export function horizontalTimeline(events: TimelineEvent[], options: TimelineOptions): FrameItem[] | undefined {
  const { box, style } = options;
  const scale = timeScale(events);
  const tag = INSIDE_GROUP;
  const inset = 12;
  const axisLeft = box.x + inset;
  const axisRight = box.x + box.w - inset;
  const xOf = (position: number) => axisLeft + position * (axisRight - axisLeft);
  const labelWidth = options.labelShare !== undefined && options.labelShare > 0.5 ? box.w * options.labelShare : Math.min(box.w * (options.labelShare ?? 0.3), 260);
  const layouts = scale.events.map((e) => labelLayout(e.event, labelWidth, options));
  const tallest = Math.max(0, ...layouts.map((l) => l.height));
  const gap = 10;
  const axisY = box.y + box.h / 2;

  // Greedy levels: above 1, below 1, above 2, … — the first where the label meets no other label, marker or tick label.
  const yearLabelHeight = style.sizePt * 1.2;
  const reserved: Box[] = [
    ...scale.events.map((e) => ({ x: xOf(e.position) - MARKER, y: axisY - MARKER, w: 2 * MARKER, h: 2 * MARKER })),
    { x: axisLeft, y: axisY + 6, w: axisRight - axisLeft, h: yearLabelHeight },
  ];
  const placed: { box: Box; above: boolean }[] = [];
  for (let i = 0; i < scale.events.length; i++) {
    const x = xOf(scale.events[i]!.position);
    const layout = layouts[i]!;
    const w = Math.max(...layout.lines.map((l) => l.width), 1);
    const left = Math.min(Math.max(x - w / 2, box.x), box.x + box.w - w);
    let chosen: { box: Box; above: boolean } | undefined;
    for (let level = 0; level < 8 && !chosen; level++) {
      for (const above of [true, false]) {
        const offset = MARKER + gap + yearLabelHeight * (above ? 0 : 1) + level * (tallest / 2 + gap);
        const candidate: Box = { x: left, y: above ? axisY - offset - layout.height : axisY + offset, w, h: layout.height };
        if (!inside(candidate, box)) continue;
        if ([...reserved, ...placed.map((p) => p.box)].some((other) => intersects(candidate, other, 2))) continue;
        chosen = { box: candidate, above };
        break;
      }
    }
    if (!chosen) return undefined;
    placed.push(chosen);
  }

  const items: FrameItem[] = [];
  items.push({ kind: 'rule', x1: axisLeft, y1: axisY, x2: axisRight, y2: axisY, colour: style.axis, width: 2, tag });
  for (const position of scale.breaks) {
    const x = xOf(position);
    items.push({ kind: 'rect', x: x - 4, y: axisY - 5, w: 8, h: 10, fill: style.background, tag } satisfies RectItem);
    items.push({ kind: 'rule', x1: x - 6, y1: axisY + 6, x2: x - 1, y2: axisY - 6, colour: style.axis, width: 1.2, tag });
    items.push({ kind: 'rule', x1: x + 1, y1: axisY + 6, x2: x + 6, y2: axisY - 6, colour: style.axis, width: 1.2, tag });
  }
  const yearRuns = (year: number) => layoutParagraph({ runs: plainRuns(String(year), { family: style.family, sizePt: style.sizePt, colour: style.muted }), align: 'left', lineHeightPt: yearLabelHeight, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, 80, options.fonts, options.lang);
  const yearMarks = [{ year: scale.firstYear, position: 0 }, ...scale.ticks.filter((t) => t.position > 0.06)];
  let lastYearRight = -Infinity;
  for (const tick of yearMarks) {
    const x = xOf(tick.position);
    items.push({ kind: 'rule', x1: x, y1: axisY - 5, x2: x, y2: axisY + 5, colour: style.axis, width: 1.5, tag });
    const year = yearRuns(tick.year);
    const width = year.lines[0]!.width;
    const left = Math.min(Math.max(x - width / 2, box.x), box.x + box.w - width);
    // Where years crowd (a compressed stretch), a tick keeps its mark but not its label.
    if (left < lastYearRight + 8) continue;
    lastYearRight = left + width;
    items.push(textItem(year, left, axisY + 7, width + 1));
  }
  scale.events.forEach((scaled, i) => items.push(...eventMarks(scaled, xOf, axisY, style, tag, 'horizontal')));
  placed.forEach(({ box: labelBox, above }, i) => {
    const x = xOf(scale.events[i]!.position);
    const edgeY = above ? labelBox.y + labelBox.h + 2 : labelBox.y - 2;
    const anchorX = Math.min(Math.max(x, labelBox.x + 4), labelBox.x + labelBox.w - 4);
    items.push({ kind: 'path', subpaths: [[[x, above ? axisY - MARKER / 2 : axisY + MARKER / 2], [anchorX, edgeY]]], closed: false, stroke: style.muted, strokeWidth: 0.75, tag } satisfies PathItem);
    items.push(textItem(layouts[i]!, labelBox.x, labelBox.y, labelBox.w + 1));
  });
  return items;
}

/**
 * A horizontal timeline split into as few consecutive parts as needed for every part's labels to fit without
 * collisions (a long timeline continues over several slides).
 */
export function horizontalTimelineParts(events: TimelineEvent[], options: TimelineOptions): { events: TimelineEvent[]; items: FrameItem[] }[] {
  const ordered = timeScale(events).events.map((e) => e.event);
  const whole = horizontalTimeline(ordered, options);
  if (whole) return [{ events: ordered, items: whole }];
  if (ordered.length <= 1) {
    // One event alone: its label may take the whole width, and (a label of hundreds of words, as a last resort) step
    // down in size until it fits.
    for (let size = options.style.sizePt; size >= Math.min(10, options.style.sizePt); size -= 1) {
      const wide = horizontalTimeline(ordered, { ...options, labelShare: 0.92, style: { ...options.style, sizePt: size } });
      if (wide) return [{ events: ordered, items: wide }];
    }
    throw new Error(`a timeline label does not fit its frame even alone and at 10 pt (${ordered[0]?.wording ?? ''})`);
  }
  const half = Math.ceil(ordered.length / 2);
  return [...horizontalTimelineParts(ordered.slice(0, half), options), ...horizontalTimelineParts(ordered.slice(half), options)];
}

/** The run-in of an open date: dashes this long with gaps as long, this thick, drawn as rectangles (every viewer draws them alike). */
const DASH_PT = 3;
const RUN_IN_THICKNESS_PT = 4;

/**
 * Markers for one event: a dot for a day, a ring over a faded span for a fuzzy date, a dashed run-in for an open one
 * (`runInPt` long, or reaching towards the axis' end).
 */
function eventMarks<T>(scaled: ScaledEvent<T>, at: (p: number) => number, axis: number, style: TimelineStyle, tag: Tag, orientation: 'horizontal' | 'vertical', runInPt?: number): FrameItem[] {
  const items: FrameItem[] = [];
  const c = at(scaled.position);
  const point = (along: number, across: number): [number, number] => (orientation === 'horizontal' ? [along, axis + across] : [axis + across, along]);
  if (scaled.span) {
    const [a, b] = [at(scaled.span[0]), at(scaled.span[1])];
    const [x1, y1] = point(Math.min(a, b), -3);
    const [x2, y2] = point(Math.max(a, b), 3);
    items.push({ kind: 'rect', x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1) || 6, h: Math.abs(y2 - y1) || 6, fill: style.accent, opacity: 0.3, tag } satisfies RectItem);
  }
  if (scaled.openStart || scaled.openEnd) {
    // A dashed run-in towards the open side says "before …" / "after …"; it stays on the axis.
    const direction = scaled.openStart ? -1 : 1;
    const length = runInPt ?? Math.max(8, Math.min(26, direction < 0 ? c - at(0) + 10 : at(1) - c + 10));
    for (let start = 0; start < length; start += 2 * DASH_PT) {
      const [a, b] = [c + direction * start, c + direction * Math.min(start + DASH_PT, length)];
      const [x1, y1] = point(Math.min(a, b), -RUN_IN_THICKNESS_PT / 2);
      const [x2, y2] = point(Math.max(a, b), RUN_IN_THICKNESS_PT / 2);
      items.push({ kind: 'rect', x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1), fill: style.accent, tag } satisfies RectItem);
    }
  }
  const fuzzy = Boolean(scaled.span) || scaled.openStart || scaled.openEnd || scaled.range.approximate;
  const [cx, cy] = point(c, 0);
  items.push({
    kind: 'ellipse', x: cx - MARKER / 2, y: cy - MARKER / 2, w: MARKER, h: MARKER,
    fill: fuzzy ? style.background : style.accent, stroke: style.accent, strokeWidth: 2, tag,
  } satisfies EllipseItem);
  return items;
}

/** A vertical timeline, one row per event, for pages: each row (items relative to its top left) can go to the next page on its own. */
export function verticalTimelineRows(events: TimelineEvent[], options: Omit<TimelineOptions, 'box'> & { width: number }): { height: number; items: FrameItem[] }[] {
  const { style } = options;
  const tag = INSIDE_GROUP;
  const scale = timeScale(events);
  const yearColumn = 46;
  const axisX = yearColumn + 10;
  const labelX = axisX + 20;
  const labelWidth = options.width - labelX;
  let previousYear: number | undefined;
  return scale.events.map((scaled) => {
    const layout = labelLayout(scaled.event, labelWidth, options);
    const year = new Date(scaled.instant).getUTCFullYear();
    const showYear = year !== previousYear;
    previousYear = year;
    const height = layout.height + 14;
    const markerY = style.sizePt * 0.6;
    const items: FrameItem[] = [{ kind: 'rule', x1: axisX, y1: -7, x2: axisX, y2: height - 7, colour: style.axis, width: 2, tag }];
    if (showYear) {
      const yearLayout = layoutParagraph({ runs: plainRuns(String(year), { family: style.family, sizePt: style.sizePt + 1, colour: style.muted, bold: true }), align: 'right', lineHeightPt: style.sizePt * 1.3, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, yearColumn, options.fonts, options.lang);
      items.push(textItem(yearLayout, 0, -1, yearColumn));
    }
    items.push(...eventMarks({ ...scaled, position: 0, span: undefined }, () => markerY, axisX, style, tag, 'vertical', 16));
    items.push(textItem(layout, labelX, 0, labelWidth));
    return { height, items };
  });
}

export interface TimelineData {
  /** In date order. */
  events: TimelineEvent[];
}

/** `::timeline`: the article's events; a vertical list of rows on pages, a horizontal axis on slides (split when its labels need it). */
export const timelineFigure: FigureKind<TimelineData> = {
  fromArticle(article, labels) {
    if (article.events.length === 0) return null;
    const events = article.events.map((event, index) => ({ event, index, key: edtfSortKey(event.date) })).sort((a, b) => a.key - b.key || a.index - b.index).map(({ event }) => event);
    return { data: { events }, alt: `${labels.timeline} (${events.length}): ${events.map((e) => `${e.wording} — ${e.label}`).join('; ')}` };
  },
  onPage(data, { theme, fonts, lang }, widthPt) {
    const { colors, briefing } = theme;
    const style: TimelineStyle = { family: briefing.fonts.heading, sizePt: briefing.sizes.table + 0.5, text: colors.text, muted: colors.muted, accent: colors.accent, axis: colors.rule, background: '#ffffff' };
    const rows = verticalTimelineRows(data.events, { style, fonts, lang, width: widthPt });
    return rows.map((row, index) => ({ heightPt: row.height, spaceBeforePt: index === 0 ? 10 : 0, spaceAfterPt: index === rows.length - 1 ? 14 : 0, items: row.items }));
  },
  onSlides(data, { theme, fonts, lang }, body) {
    const { colors, slides } = theme;
    const shown = eventsForSlides(data.events);
    const parts = horizontalTimelineParts(shown, {
      box: { x: 0, y: 0, w: body.widthPt, h: body.heightPt }, fonts, lang, labelShare: 0.26,
      style: { family: slides.fonts.body, sizePt: SLIDE_TIMELINE_SIZE_PT, text: colors.text, muted: colors.muted, accent: colors.accent, axis: colors.rule, background: colors.slideBackground },
    }).map((part): SlidePart => ({ items: part.items, weight: part.events.length, alt: part.events.map((e) => `${e.wording} — ${e.label}`).join('; ') }));
    const left = data.events.length - shown.length;
    if (left > 0 && parts[0]) {
      const named = data.events.filter((event) => !shown.includes(event)).slice(0, 3).map((e) => `"${e.wording}"`).join(', ');
      parts[0].leftOut = { path: 'events', message: `the slides' timeline draws ${shown.length} of the ${data.events.length} events, spread over their dates (at most ${MAX_SLIDE_TIMELINE_EVENTS}); the other ${left} (${named}${left > 3 ? ', …' : ''}) are in its speaker notes and on the briefing's timeline` };
    }
    return parts;
  },
};
