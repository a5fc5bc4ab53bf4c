// The figure registry: directive name → figure kind. A new figure is one module exporting a FigureKind and one entry here.
import type { Position } from '../../parse/doc.js';
import type { FigureKind } from './kind.js';
import { timelineFigure } from './timeline.js';
import { mapFigure } from './map.js';
import { imageFigure } from './image.js';

export const FIGURES = {
  timeline: timelineFigure,
  map: mapFigure,
  image: imageFigure,
} satisfies Record<string, FigureKind<any>>; // any: each entry has a data type of its own

export type FigureName = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];

type DataOf<K extends FigureName> = (typeof FIGURES)[K] extends FigureKind<infer D> ? D : never;

/** A figure in the Doc: made by the `::name` directive of a template, carrying its data and alt text. */
export type FigureNode = { [K in FigureName]: { type: 'figure'; name: K; data: DataOf<K>; alt: string; position?: Position } }[FigureName];

export function isFigureName(name: string): name is FigureName {
  return Object.hasOwn(FIGURES, name);
}

/** The figure kind of a node, typed for its data (TypeScript cannot narrow a registry lookup by itself). */
export function figureKind<N extends FigureNode>(node: N): FigureKind<N['data']> {
  return FIGURES[node.name] as unknown as FigureKind<N['data']>;
}
