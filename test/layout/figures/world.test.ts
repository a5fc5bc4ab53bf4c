// Tests src/layout/figures/world.ts: the indexed world (files written as the bundle writes them) gives world-atlas's own outlines and borders.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry, MultiLineString } from 'geojson';
import { boundsOf, lineBounds, worldFrom, writeWorldIndex } from '../../../src/layout/figures/world.js';

const require = createRequire(import.meta.url);
const topology = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = topology.objects.countries.geometries.map((object) => ({ name: (object.properties as { name: string }).name, geometry: (feature(topology, object) as Feature<Geometry>).geometry }));
const borders = (mesh(topology, topology.objects.countries, (a, b) => a !== b) as MultiLineString).coordinates;

function written(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-world-'));
  writeWorldIndex(dir);
  return dir;
}

describe('the indexed world', () => {
  it('holds every country with an outline, in world-atlas order, with the same points and box', () => {
    const world = worldFrom(written());
    const outlined = countries.filter((c) => c.geometry !== null);
    expect(world.countries.map((c) => c.name)).toEqual(outlined.map((c) => c.name));
    world.countries.forEach((country, i) => {
      expect(country.bounds).toEqual(boundsOf(outlined[i]!.geometry));
      expect(country.geometry()).toEqual(outlined[i]!.geometry);
    });
  });

  it('holds the borders (shared edges only) as topojson meshes them, line for line', () => {
    const world = worldFrom(written());
    expect(world.borders.map((b) => b.points())).toEqual(borders);
    expect(world.borders.map((b) => b.bounds)).toEqual(borders.map(lineBounds));
  });

  it('reads the points from the arcs file: one point moved there moves it in the outline', () => {
    const dir = written();
    const arcs = readFileSync(join(dir, 'world-arcs.bin'));
    const index = JSON.parse(readFileSync(join(dir, 'world-index.json'), 'utf8')) as { arcStarts: number[]; countries: { name: string; object: { arcs: unknown } }[] };
    // Belarus's first arc, one point moved by one quantum.
    const belarus = index.countries.findIndex((c) => c.name === 'Belarus');
    const first = (index.countries[belarus]!.object.arcs as number[][])[0]![0]!;
    const at = index.arcStarts[first < 0 ? ~first : first]! * 8 + 8;
    arcs.writeInt32LE(arcs.readInt32LE(at) + 1, at);
    writeFileSync(join(dir, 'world-arcs.bin'), arcs);
    const world = worldFrom(dir);
    const original = countries.find((c) => c.name === 'Belarus')!.geometry;
    expect(world.countries[belarus]!.geometry()).not.toEqual(original);
  });
});
