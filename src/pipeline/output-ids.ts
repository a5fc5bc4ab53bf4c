// The names of the outputs a caller may ask for, in the order they are made (the output registry has one entry each).
export const OUTPUT_IDS = ['briefing', 'deck', 'deck-pdf', 'handout'] as const;
export type OutputId = (typeof OUTPUT_IDS)[number];
