// The Doc tree: the small typed document every layout reads (unist style, from the Markdown the templates make).

export interface Position {
  line: number;
  column: number;
}

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
  | { type: 'container'; name: string; attributes: Record<string, string>; children: Block[]; position?: Position }
  | { type: 'directive'; name: string; attributes: Record<string, string>; position?: Position }
  | { type: 'separator'; position?: Position };

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
