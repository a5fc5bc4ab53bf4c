// Natural Earth 1:50m (world-atlas) in; the world indexed by bounding box out: each country and border line decoded only
// when a map shows it, from a binary copy of the arcs written beside the bundle (world-index.json + world-arcs.bin).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, meshArcs } from 'topojson-client';
import type { Topology, GeometryCollection, GeometryObject, Transform, MultiLineString as TopoLines } from 'topojson-specification';
import type { Feature, Geometry, MultiLineString } from 'geojson';

const require = createRequire(import.meta.url);

export type Bounds = [number, number, number, number]; // west, south, east, north

export interface Country {
  name: string;
  /** The longitude/latitude box of its outer rings. */
  bounds: Bounds;
  /** Its outline, as world-atlas gives it (decoded on first use, then kept). */
  geometry: () => Geometry;
}

export interface BorderLine {
  bounds: Bounds;
  /** The line's points, as topojson's mesh of shared edges gives them. */
  points: () => number[][];
}

export interface World {
  countries: Country[];
  borders: BorderLine[];
}

/** What is written beside the bundle: every arc referred to by index, its points in world-arcs.bin. */
interface WorldIndexFile {
  source: string;
  transform: Transform;
  /** Where each arc's points start in world-arcs.bin (in points; one more entry than there are arcs). */
  arcStarts: number[];
  countries: { name: string; bounds: Bounds; object: GeometryObject }[];
  borders: { bounds: Bounds; arcs: number[] }[];
}

const INDEX_FILE = 'world-index.json';
const ARCS_FILE = 'world-arcs.bin';
type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Outer rings bound their polygons; holes need not be read. */
export function boundsOf(geometry: Geometry | null): Bounds {
  const polygons = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    const [w, s, e, n] = lineBounds(polygon[0] ?? []);
    west = Math.min(west, w);
    south = Math.min(south, s);
    east = Math.max(east, e);
    north = Math.max(north, n);
  }
  return [west, south, east, north];
}

export function lineBounds(points: number[][]): Bounds {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    const lon = point[0]!;
    const lat = point[1]!;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return [west, south, east, north];
}

/** The index and the arcs' points (quantized deltas, int32 pairs), made from world-atlas. */
export function makeWorldIndex(): { index: WorldIndexFile; arcs: Buffer } {
  const topology = require('world-atlas/countries-50m.json') as Countries;
  const geometries = topology.objects.countries.geometries;
  // A country without an outline could never show (and its infinite box has no JSON form).
  const countries = geometries
    .map((object) => ({ name: (object.properties as { name: string }).name, bounds: boundsOf((feature(topology, object) as Feature<Geometry>).geometry), object: { ...object, properties: undefined } as GeometryObject }))
    .filter((country) => country.bounds.every(Number.isFinite));
  const mesh = meshArcs(topology, topology.objects.countries, (a, b) => a !== b) as TopoLines;
  const lines = (feature(topology, mesh).geometry as MultiLineString).coordinates;
  const borders = mesh.arcs.map((arcs, i) => ({ bounds: lineBounds(lines[i]!), arcs }));
  const arcStarts = [0];
  for (const arc of topology.arcs) arcStarts.push(arcStarts[arcStarts.length - 1]! + arc.length);
  const arcs = Buffer.alloc(arcStarts[arcStarts.length - 1]! * 8);
  let offset = 0;
  for (const arc of topology.arcs) {
    for (const [dx, dy] of arc) {
      arcs.writeInt32LE(dx!, offset);
      arcs.writeInt32LE(dy!, offset + 4);
      offset += 8;
    }
  }
  const source = `world-atlas@${(require('world-atlas/package.json') as { version: string }).version}/countries-50m`;
  return { index: { source, transform: topology.transform!, arcStarts, countries, borders }, arcs };
}

export function writeWorldIndex(dir: string): void {
  const { index, arcs } = makeWorldIndex();
  writeFileSync(join(dir, INDEX_FILE), JSON.stringify(index));
  writeFileSync(join(dir, ARCS_FILE), arcs);
}

let world: World | undefined;

/** The world, from the files beside this module (the bundle) or, run from the sources, made from world-atlas here. */
export function loadWorld(): World {
  return (world ??= worldFrom(dirname(fileURLToPath(import.meta.url))));
}

/** The world from the index files in `dir`, or made from world-atlas when they are not there. */
export function worldFrom(dir: string): World {
  const { index, arcs } = existsSync(join(dir, INDEX_FILE)) && existsSync(join(dir, ARCS_FILE))
    ? { index: JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as WorldIndexFile, arcs: readFileSync(join(dir, ARCS_FILE)) }
    : makeWorldIndex();
  // A sparse copy of the topology's arcs: an arc is read from the binary when a geometry first needs it.
  const decoded: number[][][] = [];
  const topology = { type: 'Topology', transform: index.transform, arcs: decoded, objects: {} } as unknown as Topology;
  const need = (arcRefs: unknown): void => {
    if (typeof arcRefs === 'number') {
      const i = arcRefs < 0 ? ~arcRefs : arcRefs;
      if (decoded[i]) return;
      const points: number[][] = [];
      for (let p = index.arcStarts[i]!; p < index.arcStarts[i + 1]!; p++) points.push([arcs.readInt32LE(p * 8), arcs.readInt32LE(p * 8 + 4)]);
      decoded[i] = points;
    } else if (Array.isArray(arcRefs)) arcRefs.forEach(need);
  };
  const once = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  return {
    countries: index.countries.map(({ name, bounds, object }) => ({
      name, bounds,
      geometry: once(() => {
        need((object as { arcs?: unknown }).arcs);
        return (feature(topology, object) as Feature<Geometry>).geometry;
      }),
    })),
    borders: index.borders.map(({ bounds, arcs: lineArcs }) => ({
      bounds,
      points: once(() => {
        need(lineArcs);
        return (feature(topology, { type: 'MultiLineString', arcs: [lineArcs] }).geometry as MultiLineString).coordinates[0]!;
      }),
    })),
  };
}
