/** How each node type looks: colour and shape in the graph, the legend and the result lists. */

export interface TypeLook {
  colour: string;
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'star' | 'tag' | 'barrel' | 'octagon' | 'vee' | 'rhomboid';
  plural: string;
}

// Colours chosen for contrast against white text and a light background (WCAG AA for the labels).
export const TYPE_LOOKS: Record<string, TypeLook> = {
  Person: { colour: '#1f5fa8', shape: 'ellipse', plural: 'People' },
  Party: { colour: '#6a3d9a', shape: 'hexagon', plural: 'Parties' },
  Office: { colour: '#00697a', shape: 'octagon', plural: 'Offices' },
  Question: { colour: '#b35806', shape: 'round-rectangle', plural: 'Questions' },
  Answer: { colour: '#2e7d32', shape: 'tag', plural: 'Answers' },
  Postponement: { colour: '#8d6e00', shape: 'tag', plural: 'Postponements' },
  Motion: { colour: '#c2185b', shape: 'diamond', plural: 'Motions' },
  Decision: { colour: '#5d4037', shape: 'triangle', plural: 'Decisions' },
  Dossier: { colour: '#455a64', shape: 'barrel', plural: 'Dossiers' },
  Case: { colour: '#616161', shape: 'round-rectangle', plural: 'Cases' },
  Document: { colour: '#546e7a', shape: 'rhomboid', plural: 'Documents' },
  Article: { colour: '#ad1457', shape: 'rhomboid', plural: 'Articles' },
  Publisher: { colour: '#4e342e', shape: 'vee', plural: 'Publishers' },
  Company: { colour: '#c62828', shape: 'star', plural: 'Companies' },
  Source: { colour: '#757575', shape: 'triangle', plural: 'Sources' },
};

const FALLBACK: TypeLook = { colour: '#555555', shape: 'ellipse', plural: 'Other' };

/** The look of a node type; unknown types get a neutral grey circle. */
export function lookOf(type: string): TypeLook {
  return TYPE_LOOKS[type] ?? FALLBACK;
}
