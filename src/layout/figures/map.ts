// Places + a frame box in, a map drawn as frame items out: Natural Earth outlines projected to fit, markers, labels, scale bar.
import { geoClipRectangle, geoConicConformal, geoDistance, geoPath, type GeoStream } from 'd3-geo';
import type { Feature, Geometry, MultiLineString, MultiPolygon } from 'geojson';
import type { FontFamily, FontRegistry } from '../fonts.js';
import { INSIDE_GROUP, type FrameItem, type PathItem, type Tag, type TextItem } from '../frame.js';
import type { FigureKind } from './kind.js';
import type { Theme } from '../../model/theme.js';
import { formatKilometres, placeKindLabel, type Lang } from '../../render/labels.js';
import { layoutParagraph, type ParagraphLayout } from '../text.js';
import { plainRuns } from '../runs.js';
import { inside, intersects, type Box } from './boxes.js';
import { lineBounds, loadWorld, type Bounds } from './world.js';
import { Memo } from '../memo.js';

export interface MapPlace {
  name: string;
  lat: number;
  lon: number;
  kind: 'capital' | 'city' | 'region' | 'occupied-territory';
  country?: string;
}

export interface MapData {
  places: MapPlace[];
  /** Countries named in the article, tinted on the map (Natural Earth names: "Belarus", "Ukraine", "Russia"). */
  countries: string[];
  /** The map's fixed words in the article's language: the data credit and the scale bar's unit. */
  credit: string;
  kilometres: string;
}

export interface MapStyle {
  family: FontFamily;
  /** Place names. */
  sizePt: number;
  /** The scale bar's length ("250 km"). */
  scaleSizePt: number;
  /** The data credit, which may be smaller than the labels. */
  creditSizePt: number;
  text: string;
  muted: string;
  accent: string;
  water: string;
  land: string;
  border: string;
  tint: string;
  tintBorder: string;
}

export interface MapOptions {
  box: Box;
  style: MapStyle;
  fonts: FontRegistry;
  lang: string;
}

/** Points closer than this (points on the page) to the last kept one are dropped: outlines keep their shape, not their noise. */
const SIMPLIFY = 2;
const EARTH_KM = 6371;

export function mapItems(data: MapData, options: MapOptions): FrameItem[] {
  return mapLayout(data, options).items;
}

const MAX_MAP_LATITUDE = 80;

/** The map's items, and the names of the places whose labels found no free spot (none, or the map needs splitting). */
export function mapLayout(data: MapData, options: MapOptions): MapLayout {
  const key = `${options.fonts.memoKey}\u0000${options.lang}\u0000${JSON.stringify([data, options.box, options.style])}`;
  return mapMemo.get(key, () => mapLayoutAnew(data, options));
}

interface MapLayout {
  items: FrameItem[];
  unlabelled: string[];
}

/** Maps drawn before, by their places, frame and style: most briefings of an office show the same region. */
const mapMemo = new Memo<MapLayout>(16);

function mapLayoutAnew(data: MapData, options: MapOptions): MapLayout {
  const { box, style } = options;
  const tag = INSIDE_GROUP;
  // A conformal conic map cannot reach the poles (they project to infinity): places beyond 80° are drawn at 80°.
  const places = data.places.map((p) => (Math.abs(p.lat) > MAX_MAP_LATITUDE ? { ...p, lat: Math.sign(p.lat) * MAX_MAP_LATITUDE } : p));
  const lon0 = places.reduce((s, p) => s + p.lon, 0) / places.length;
  const projection = mapProjection(places, box);

  const items: FrameItem[] = [{ kind: 'rect', x: box.x, y: box.y, w: box.w, h: box.h, fill: style.water, tag }];
  const named = new Set(data.countries.flatMap((name) => [name, ...(COUNTRY_ALIASES[name.toLowerCase()] ?? [])]));
  const { countries, borders } = loadWorld();
  // Only what can show: outlines whose longitude/latitude box meets the frame's are projected (most of the world is not).
  const window = visibleWindow(projection, box);
  const direct = clearOfAntimeridian(window, lon0);
  const projectedPlaces = places.map((p) => projection([p.lon, p.lat]));
  for (const country of countries) {
    if (!overlaps(country.bounds, window)) continue;
    const subpaths = projectGeometry(clipToWindow(country.geometry(), window), projection, true, direct ? box : undefined);
    if (subpaths.length === 0) continue;
    // Tinted: the countries the article names, and those its places lie in (so any language works).
    const tinted = named.has(country.name) || projectedPlaces.some((point, i) => point && within(country.bounds, places[i]!) && containsPoint(subpaths, point));
    items.push({ kind: 'path', subpaths, closed: true, fill: tinted ? style.tint : style.land, tag } satisfies PathItem);
  }
  const near = borders.filter((line) => overlaps(line.bounds, window));
  const nearBorders: MultiLineString = { type: 'MultiLineString', coordinates: near.map((line) => line.points()) };
  const bordersDirect = near.every((line) => clearOfAntimeridian(line.bounds, lon0));
  const borderLines = projectGeometry(nearBorders, projection, false, bordersDirect ? box : undefined);
  if (borderLines.length > 0) items.push({ kind: 'path', subpaths: borderLines, closed: false, stroke: style.border, strokeWidth: 0.8, tag } satisfies PathItem);
  items.push({ kind: 'rect', x: box.x, y: box.y, w: box.w, h: box.h, stroke: style.border, strokeWidth: 0.75, tag });

  const reserved: Box[] = [];
  items.push(...scaleBar(projection, data.kilometres, options, reserved), creditText(data.credit, options, reserved));
  const markers = places.map((place) => {
    const [x, y] = projection([place.lon, place.lat]) ?? [box.x + box.w / 2, box.y + box.h / 2];
    const size = place.kind === 'capital' ? 8 : place.kind === 'city' ? 7 : 12;
    return { place, x, y, size, box: { x: x - size / 2, y: y - size / 2, w: size, h: size } };
  });
  reserved.push(...markers.map((m) => m.box));
  for (const marker of markers) items.push(markerItem(marker, style, tag));

  const anchors = markers.map((m) => ({ x: m.x, y: m.y, size: m.size, layout: labelLayout(m.place.name, options) }));
  const labels = placeLabels(anchors, box, reserved);
  labels.forEach((label) => {
    if (label.leader) items.push({ kind: 'path', subpaths: [label.leader], closed: false, stroke: style.muted, strokeWidth: 0.6, tag });
    items.push(text(label.layout, label.box));
  });
  // By anchor, not by layout: two places of one name share their (remembered) label layout.
  const placed = new Set(labels.map((label) => label.anchor));
  return { items, unlabelled: markers.filter((_, i) => !placed.has(i)).map((marker) => marker.place.name) };
}


/** The conformal conic projection fitted to the places (which lie within ±80°), clipped to the frame box. */
export function mapProjection(places: readonly MapPlace[], box: Box): ReturnType<typeof geoConicConformal> {
  const lon0 = places.reduce((s, p) => s + p.lon, 0) / places.length;
  const lat0 = places.reduce((s, p) => s + p.lat, 0) / places.length;
  const margin = Math.min(box.w, box.h) * 0.16;
  return geoConicConformal()
    .parallels([lat0 - 5, lat0 + 5])
    .rotate([-lon0, 0])
    // Natural Earth's 1:50m points lie close together: no adaptive resampling needed between them.
    .precision(0)
    .fitExtent([[box.x + margin, box.y + margin], [box.x + box.w - margin, box.y + box.h - margin]], { type: 'MultiPoint', coordinates: extentPoints(places) })
    .clipExtent([[box.x, box.y], [box.x + box.w, box.y + box.h]]);
}

/**
 * As many maps as it takes for every place to have its label: the whole map when all labels find a spot, else the places
 * split in two along their longer extent (west and east, or north and south), each half fitted to its own places.
 */
export function mapParts(data: MapData, options: MapOptions): { places: MapPlace[]; items: FrameItem[] }[] {
  const whole = mapLayout(data, options);
  if (whole.unlabelled.length === 0 || data.places.length <= 1) return [{ places: data.places, items: whole.items }];
  const lons = data.places.map((p) => p.lon);
  const lats = data.places.map((p) => p.lat);
  const alongLongitude = Math.max(...lons) - Math.min(...lons) >= Math.max(...lats) - Math.min(...lats);
  const ordered = [...data.places].sort((a, b) => (alongLongitude ? a.lon - b.lon : b.lat - a.lat));
  const half = Math.ceil(ordered.length / 2);
  return [ordered.slice(0, half), ordered.slice(half)].flatMap((places) => mapParts({ ...data, places }, options));
}

/**
 * A country cut to the visible longitude/latitude window before it is projected: Russia shrinks from the Baltic to
 * Chukotka to what the frame shows, and no ring crosses the antimeridian (whose spherical clipping is slow).
 */
function clipToWindow(geometry: Geometry, window: Bounds): Geometry {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const clipped = polygons
    .map((rings) => rings.map((ring) => clipRingToWindow(ring as [number, number][], window)).filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0);
  return { type: 'MultiPolygon', coordinates: clipped };
}

/** Each ring's longitude/latitude box, worked out once per (remembered) ring: most of Russia's islands are far from any map. */
const ringBounds = new WeakMap<[number, number][], Bounds>();

/** A ring cut to the window: kept as it is when wholly inside, dropped when wholly outside, else clipped (the same points as clipRing). */
export function clipRingToWindow(ring: [number, number][], window: Bounds): [number, number][] {
  let bounds = ringBounds.get(ring);
  if (!bounds) ringBounds.set(ring, (bounds = lineBounds(ring)));
  const [west, south, east, north] = window;
  if (bounds[2] < west || bounds[0] > east || bounds[3] < south || bounds[1] > north) return [];
  const closed = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1];
  if (closed && bounds[0] >= west && bounds[2] <= east && bounds[1] >= south && bounds[3] <= north) return ring;
  return clipRing(ring, west, south, east, north);
}

/** Sutherland–Hodgman: a closed ring cut to an axis-aligned rectangle (in degrees), still closed. */
export function clipRing(ring: [number, number][], west: number, south: number, east: number, north: number): [number, number][] {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= west, (a, b) => [west, a[1] + ((b[1] - a[1]) * (west - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= east, (a, b) => [east, a[1] + ((b[1] - a[1]) * (east - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= south, (a, b) => [a[0] + ((b[0] - a[0]) * (south - a[1])) / (b[1] - a[1]), south]],
    [(p) => p[1] <= north, (a, b) => [a[0] + ((b[0] - a[0]) * (north - a[1])) / (b[1] - a[1]), north]],
  ];
  let points = ring.slice(0, -1);
  for (const [isInside, cross] of edges) {
    if (points.length === 0) break;
    const input = points;
    points = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (isInside(current)) {
        if (!isInside(previous)) points.push(cross(previous, current));
        points.push(current);
      } else if (isInside(previous)) points.push(cross(previous, current));
    }
  }
  return points.length > 0 ? [...points, points[0]!] : [];
}

/** Even-odd point-in-polygon test on projected rings (planar: the rings are already on the page). */
function containsPoint(rings: [number, number][][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Country names as articles of the region write them, to Natural Earth's. */
const COUNTRY_ALIASES: Record<string, string[]> = {
  беларусь: ['Belarus'], białoruś: ['Belarus'], білорусь: ['Belarus'], 'рэспубліка беларусь': ['Belarus'],
  украіна: ['Ukraine'], україна: ['Ukraine'], украина: ['Ukraine'],
  расія: ['Russia'], росія: ['Russia'], россия: ['Russia'], 'russian federation': ['Russia'],
  польшча: ['Poland'], польща: ['Poland'], польша: ['Poland'],
  літва: ['Lithuania'], литва: ['Lithuania'], латвія: ['Latvia'], латвия: ['Latvia'], малдова: ['Moldova'], молдова: ['Moldova'],
};

/** The points the projection is fitted to: the places, or a small box around them when they all stand in one spot. */
function extentPoints(places: readonly MapPlace[]): [number, number][] {
  const points = places.map((p) => [p.lon, p.lat] as [number, number]);
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  if (Math.max(...lons) - Math.min(...lons) > 0.5 || Math.max(...lats) - Math.min(...lats) > 0.5) return points;
  const [lon, lat] = [lons[0]!, lats[0]!];
  return [[lon - 2, lat - 1.5], [lon + 2, lat + 1.5]];
}


/** The longitude/latitude box the frame shows, from its edges taken back through the projection, with a margin. */
function visibleWindow(projection: ReturnType<typeof geoConicConformal>, box: Box): Bounds {
  const points: [number, number][] = [];
  for (let i = 0; i <= 10; i++) {
    const t = i / 10;
    points.push([box.x + t * box.w, box.y], [box.x + t * box.w, box.y + box.h], [box.x, box.y + t * box.h], [box.x + box.w, box.y + t * box.h]);
  }
  const lonLat = points.map((p) => projection.invert?.(p)).filter((p): p is [number, number] => Boolean(p) && Number.isFinite(p![0]) && Number.isFinite(p![1]));
  if (lonLat.length === 0) return [-180, -90, 180, 90];
  const margin = 3;
  return [
    Math.min(...lonLat.map((p) => p[0])) - margin, Math.min(...lonLat.map((p) => p[1])) - margin,
    Math.max(...lonLat.map((p) => p[0])) + margin, Math.max(...lonLat.map((p) => p[1])) + margin,
  ];
}

/** Boxes that straddle the antimeridian (Russia, Fiji) are treated as covering every longitude. */
/** Whether a place may lie in an outline with these bounds (always, for one that wraps round the antimeridian). */
function within(bounds: Bounds, place: { lon: number; lat: number }): boolean {
  const wraps = bounds[2] - bounds[0] > 180;
  return (wraps || (bounds[0] <= place.lon && place.lon <= bounds[2])) && bounds[1] <= place.lat && place.lat <= bounds[3];
}

function overlaps(a: Bounds, b: Bounds): boolean {
  const wraps = a[2] - a[0] > 180;
  return (wraps || (a[0] <= b[2] && b[0] <= a[2])) && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * Whether lines within these bounds stay clear of the antimeridian opposite `lon0` and of the poles: then d3's spherical
 * pre-clip would pass every point through unchanged (no two consecutive points are half a world apart, no polygon holds
 * the south pole), and the outlines can be projected point by point.
 */
export function clearOfAntimeridian(bounds: Bounds, lon0: number): boolean {
  const [west, south, east, north] = bounds;
  return east - west < 179 && west > lon0 - 179 && east < lon0 + 179 && south > -85 && north < 85;
}

/**
 * Projected, clipped and simplified outlines: rings of polygons (closed) or polylines (open). With `clipBox` (the
 * projection's clip extent, for geometry clear of the antimeridian), each point is projected directly and fed to d3's
 * rectangle clip: the same calls, in the same order and with the same numbers, as geoPath's stream, without its layers.
 */
export function projectGeometry(geometry: Feature<Geometry, { name: string }> | Geometry, projection: ReturnType<typeof geoConicConformal>, closed: boolean, clipBox?: Box): [number, number][][] {
  const minimum = closed ? 3 : 2;
  const subpaths: [number, number][][] = [];
  let current: [number, number][] = [];
  const context = {
    moveTo(x: number, y: number) {
      if (current.length >= minimum) subpaths.push(current);
      current = [[x, y]];
    },
    lineTo(x: number, y: number) {
      const last = current[current.length - 1];
      if (!last || Math.hypot(x - last[0], y - last[1]) >= SIMPLIFY) current.push([x, y]);
    },
    closePath() {
      if (current.length >= minimum) subpaths.push(current);
      current = [];
    },
    arc() {},
  };
  if (clipBox && (geometry.type === 'MultiPolygon' || geometry.type === 'MultiLineString')) streamProjected(geometry, projection, clipBox, context);
  else geoPath(projection, context as never)(geometry as never);
  if (current.length >= minimum) subpaths.push(current);
  return subpaths.map((s) => s.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100] as [number, number]));
}

function markerItem(marker: { place: MapPlace; x: number; y: number; size: number }, style: MapStyle, tag: Tag): FrameItem {
  const { place, x, y, size } = marker;
  if (place.kind === 'capital') return { kind: 'rect', x: x - size / 2, y: y - size / 2, w: size, h: size, fill: style.text, stroke: '#ffffff', strokeWidth: 1, tag };
  if (place.kind === 'city') return { kind: 'ellipse', x: x - size / 2, y: y - size / 2, w: size, h: size, fill: style.text, stroke: '#ffffff', strokeWidth: 1, tag };
  return { kind: 'ellipse', x: x - size / 2, y: y - size / 2, w: size, h: size, fill: style.accent, opacity: 0.55, stroke: style.accent, strokeWidth: 1.5, tag };
}

/** A place name on one line (its own line breaks become spaces): a label is placed as one box beside its marker. */
function labelLayout(name: string, options: MapOptions): ParagraphLayout {
  const { style } = options;
  return layoutParagraph({ runs: plainRuns(name.replace(/\s+/g, ' ').trim(), { family: style.family, sizePt: style.sizePt, colour: style.text, bold: true }), align: 'left', lineHeightPt: style.sizePt * 1.25, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, 1e6, options.fonts, options.lang);
}

function text(layout: ParagraphLayout, box: Box): TextItem {
  return { kind: 'text', x: box.x, y: box.y, w: box.w + 1, h: box.h, tag: INSIDE_GROUP, paragraphs: [{ layout, top: 0, lines: layout.lines }] };
}

export interface PlacedLabel {
  /** The index of its anchor. */
  anchor: number;
  layout: ParagraphLayout;
  box: Box;
  leader?: [number, number][];
}

/**
 * Each label goes to the first free spot around its marker (right, left, above, below, then the diagonals), further
 * out with a leader line when those are taken, and at worst to any free spot of the frame: labels never overlap each
 * other, the markers or the reserved boxes, and never leave the frame.
 */
export function placeLabels(anchors: { x: number; y: number; size: number; layout: ParagraphLayout }[], frame: Box, reserved: Box[]): PlacedLabel[] {
  const taken: Box[] = [...reserved];
  const inner: Box = { x: frame.x + 3, y: frame.y + 3, w: frame.w - 6, h: frame.h - 6 };
  const placed: PlacedLabel[] = [];
  for (const [index, anchor] of anchors.entries()) {
    const w = Math.max(10, ...anchor.layout.lines.map((line) => line.width));
    const h = anchor.layout.height;
    const own = { x: anchor.x - anchor.size / 2, y: anchor.y - anchor.size / 2, w: anchor.size, h: anchor.size };
    const others = taken.filter((b) => !(b.x === own.x && b.y === own.y && b.w === own.w));
    const free = (b: Box) => inside(b, inner) && !others.some((o) => intersects(b, o, 1));
    let chosen: PlacedLabel | undefined;
    for (let ring = 0; ring < 5 && !chosen; ring++) {
      const d = anchor.size / 2 + 3 + ring * 14;
      const candidates: Box[] = [
        { x: anchor.x + d, y: anchor.y - h / 2, w, h },
        { x: anchor.x - d - w, y: anchor.y - h / 2, w, h },
        { x: anchor.x - w / 2, y: anchor.y - d - h, w, h },
        { x: anchor.x - w / 2, y: anchor.y + d, w, h },
        { x: anchor.x + d * 0.7, y: anchor.y - d * 0.7 - h, w, h },
        { x: anchor.x + d * 0.7, y: anchor.y + d * 0.7, w, h },
        { x: anchor.x - d * 0.7 - w, y: anchor.y - d * 0.7 - h, w, h },
        { x: anchor.x - d * 0.7 - w, y: anchor.y + d * 0.7, w, h },
      ];
      const box = candidates.find(free);
      if (box) chosen = { anchor: index, layout: anchor.layout, box, ...(ring > 0 ? { leader: leader(anchor, box) } : {}) };
    }
    if (!chosen) {
      // Anywhere in the frame, nearest first.
      const spots: Box[] = [];
      for (let y = inner.y; y + h <= inner.y + inner.h; y += h / 2) for (let x = inner.x; x + w <= inner.x + inner.w; x += 6) spots.push({ x, y, w, h });
      spots.sort((a, b) => Math.hypot(a.x + w / 2 - anchor.x, a.y + h / 2 - anchor.y) - Math.hypot(b.x + w / 2 - anchor.x, b.y + h / 2 - anchor.y));
      const box = spots.find(free);
      if (box) chosen = { anchor: index, layout: anchor.layout, box, leader: leader(anchor, box) };
    }
    if (!chosen) continue; // the frame is full: the name stays in the alt text and the table, never on top of another
    taken.push(chosen.box);
    placed.push(chosen);
  }
  return placed;
}

function leader(anchor: { x: number; y: number }, box: Box): [number, number][] {
  const x = Math.min(Math.max(anchor.x, box.x), box.x + box.w);
  const y = Math.min(Math.max(anchor.y, box.y), box.y + box.h);
  return [[anchor.x, anchor.y], [x, y]];
}

function scaleBar(projection: ReturnType<typeof geoConicConformal>, unit: string, options: MapOptions, reserved: Box[]): FrameItem[] {
  const { box, style } = options;
  const tag = INSIDE_GROUP;
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const a = projection.invert?.([cx - 50, cy]);
  const b = projection.invert?.([cx + 50, cy]);
  if (!a || !b) return [];
  const kmPerPoint = (geoDistance(a, b) * EARTH_KM) / 100;
  const target = (box.w * 0.22) * kmPerPoint;
  const km = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000].reduce((best, n) => (Math.abs(n - target) < Math.abs(best - target) ? n : best));
  const length = km / kmPerPoint;
  const x = box.x + 12;
  const y = box.y + box.h - 14;
  const label = labelLayout(formatKilometres(km, options.lang as Lang, unit), { ...options, style: { ...style, sizePt: style.scaleSizePt } });
  reserved.push({ x: x - 2, y: y - label.height - 6, w: Math.max(length, label.lines[0]!.width) + 4, h: label.height + 12 });
  return [
    { kind: 'rule', x1: x, y1: y, x2: x + length, y2: y, colour: style.text, width: 1.5, tag },
    { kind: 'rule', x1: x, y1: y - 4, x2: x, y2: y + 2, colour: style.text, width: 1.2, tag },
    { kind: 'rule', x1: x + length, y1: y - 4, x2: x + length, y2: y + 2, colour: style.text, width: 1.2, tag },
    text(label, { x, y: y - label.height - 3, w: label.lines[0]!.width, h: label.height }),
  ];
}

function creditText(credit: string, options: MapOptions, reserved: Box[]): FrameItem {
  const { box, style } = options;
  const layout = layoutParagraph({ runs: plainRuns(credit, { family: style.family, sizePt: style.creditSizePt, colour: style.muted }), align: 'left', lineHeightPt: style.creditSizePt * 1.25, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, 1e6, options.fonts, options.lang);
  const w = layout.lines[0]!.width;
  const placed = { x: box.x + box.w - w - 6, y: box.y + box.h - layout.height - 4, w, h: layout.height };
  reserved.push(placed);
  return { ...text(layout, placed), source: 'map credit' };
}

/** Country names the places name, for tinting. */
function countriesOf(places: readonly MapPlace[]): string[] {
  return [...new Set(places.flatMap((p) => (p.country ? [p.country] : [])))];
}

const mapStyle = (theme: Theme, family: FontFamily, sizes: Pick<MapStyle, 'sizePt' | 'scaleSizePt' | 'creditSizePt'>): MapStyle => ({
  family, ...sizes, text: theme.colors.text, muted: theme.colors.muted, accent: theme.colors.accent,
  water: '#e6eef5', land: '#f3f1ec', border: '#a9a397', tint: '#f0dadd', tintBorder: theme.colors.accent,
});

/** On slides, projected: place names and the scale bar at 16 pt at least; the data credit may be smaller. */
export const SLIDE_MAP_SIZES = { sizePt: 16, scaleSizePt: 16, creditSizePt: 12 };

/** `::map`: the article's places on Natural Earth outlines, fitted to them; a slide (or more, when the labels need them), or a block of the page. */
export const mapFigure: FigureKind<MapData> = {
  fromArticle(article, labels) {
    if (article.places.length === 0) return null;
    const places = article.places;
    return {
      data: { places, countries: countriesOf(places), credit: labels.mapCredit, kilometres: labels.kilometres },
      alt: `${labels.places} (${places.length}): ${places.map((p) => `${p.name} (${placeKindLabel(p.kind, labels)}${p.country ? `, ${p.country}` : ''})`).join('; ')}`,
    };
  },
  onPage(data, { theme, fonts, lang }, widthPt) {
    const heightPt = Math.min(widthPt * 0.72, 380);
    const size = theme.briefing.sizes.table;
    const style = mapStyle(theme, theme.briefing.fonts.heading, { sizePt: size, scaleSizePt: size - 1, creditSizePt: size - 2 });
    return mapParts(data, { box: { x: 0, y: 0, w: widthPt, h: heightPt }, style, fonts, lang }).map((part) => ({ heightPt, spaceBeforePt: 8, spaceAfterPt: 14, items: part.items }));
  },
  onSlides(data, { theme, fonts, lang }, body) {
    const style = mapStyle(theme, theme.slides.fonts.body, SLIDE_MAP_SIZES);
    return mapParts(data, { box: { x: 0, y: 0, w: body.widthPt, h: body.heightPt }, style, fonts, lang }).map((part) => ({ weight: part.places.length, items: part.items }));
  },
};

interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

/** What geoPath does with a canvas-like context (d3's PathContext): a ring's first point moves, the rest draw, a ring closes. */
function pathStream(context: PathSink): GeoStream {
  let inPolygon = false;
  let first = false;
  return {
    polygonStart() { inPolygon = true; },
    polygonEnd() { inPolygon = false; },
    lineStart() { first = true; },
    lineEnd() { if (inPolygon) context.closePath(); },
    point(x: number, y: number) {
      if (first) context.moveTo(x, y);
      else context.lineTo(x, y);
      first = false;
    },
    sphere() {},
  };
}

/** Polygons' rings (less their closing point, as geoStream sends them) or lines, projected one point at a time, through the rectangle clip. */
function streamProjected(geometry: MultiPolygon | MultiLineString, projection: ReturnType<typeof geoConicConformal>, box: Box, context: PathSink): void {
  const clip = geoClipRectangle(box.x, box.y, box.x + box.w, box.y + box.h)(pathStream(context));
  const line = (points: number[][], dropLast: boolean) => {
    clip.lineStart();
    for (let i = 0, n = points.length - (dropLast ? 1 : 0); i < n; i++) {
      const [x, y] = projection(points[i] as [number, number])!;
      clip.point(x, y);
    }
    clip.lineEnd();
  };
  if (geometry.type === 'MultiPolygon') {
    for (const polygon of geometry.coordinates) {
      clip.polygonStart();
      for (const ring of polygon) line(ring, true);
      clip.polygonEnd();
    }
  } else for (const points of geometry.coordinates) line(points, false);
}
