// The Doc tree: the small typed document every layout reads (unist style, from the Markdown the templates make).
import type { FigureNode } from '../layout/figures/index.js';

export interface Position {
  line: number;
  column: number;
}

/** Container directives (`:::name … :::`) the templates may use: a closed set, checked when templates compile. */
export const CONTAINER_NAMES = ['cover', 'keypoints', 'quote', 'pullquote', 'notes', 'backmatter'] as const;
export type ContainerName = (typeof CONTAINER_NAMES)[number];

/**
 * `::slide{layout=…}`: how the slide the directive stands on is laid out. `content` (the default) lets the slide layout
 * choose from the content (statement, bullets, two-column, table, figure); any other name forces that layout.
 */
export const SLIDE_LAYOUTS = ['title', 'section', 'statement', 'bullets', 'two-column', 'key-numbers', 'quote', 'figure', 'table', 'content'] as const;
export type SlideLayoutName = (typeof SLIDE_LAYOUTS)[number];
/** The layout a laid-out slide uses: every name but `content` (a slide layout of that name is in the deck's master). */
export type SlideLayoutKind = Exclude<SlideLayoutName, 'content'>;

/** Leaf directives other than figures. */
export const LEAF_DIRECTIVES = ['slide'] as const;

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'heading'; depth: number; children: Inline[]; position?: Position }
  | { type: 'paragraph'; children: Inline[]; position?: Position }
  | { type: 'list'; ordered: boolean; items: Block[][]; position?: Position }
  | { type: 'table'; header: Inline[][]; rows: Inline[][][]; position?: Position }
  | { type: 'container'; name: ContainerName; children: Block[]; position?: Position }
  | { type: 'slide'; layout: SlideLayoutName; position?: Position }
  | FigureNode
  | { type: 'separator'; position?: Position };

export type { FigureNode };

export interface Doc {
  type: 'root';
  children: Block[];
}

export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

/** The plain text of inline content (links keep their text). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'break':
          return '\n';
        case 'emphasis':
        case 'strong':
        case 'link':
          return inlineText(node.children);
        default:
          return assertNever(node);
      }
    })
    .join('');
}
