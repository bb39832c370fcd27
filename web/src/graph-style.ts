import type cytoscape from 'cytoscape';
import { TYPE_LOOKS } from './kinds.js';

/** The Cytoscape stylesheet: colour and shape by node type, labelled edges, states for focus and paths. */
export function createGraphStyle(): cytoscape.StylesheetJson {
  const byType = Object.entries(TYPE_LOOKS).map(([type, look]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': look.colour, shape: look.shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(short)',
        color: '#1a1a1a',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        width: 26,
        height: 26,
        'border-width': 2,
        'border-color': '#ffffff',
        // Labels give way when zoomed out over a crowded graph; the node list keeps every name.
        'min-zoomed-font-size': 7,
      },
    },
    ...byType,
    // A stand-in (known by name or reference only) is drawn hollow, so it is not mistaken for a full record.
    { selector: 'node[?standIn]', style: { 'background-opacity': 0.35, 'border-style': 'dotted', 'border-color': '#333333', 'border-width': 2 } },
    {
      selector: 'edge',
      style: {
        label: 'data(caption)',
        'font-size': 8,
        'min-zoomed-font-size': 7,
        color: '#444444',
        'text-rotation': 'autorotate',
        'text-background-color': '#f7f7f7',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        width: 1.5,
        'line-color': '#9e9e9e',
        'target-arrow-color': '#9e9e9e',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
      },
    },
    // Votes read at a glance: for in green, against in red.
    { selector: 'edge[choice = "for"]', style: { 'line-color': '#2e7d32', 'target-arrow-color': '#2e7d32' } },
    { selector: 'edge[choice = "against"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828' } },
    { selector: 'node:selected', style: { 'border-color': '#ffbf00', 'border-width': 5 } },
    { selector: 'node.expanded', style: { 'border-color': '#222222', 'border-style': 'double', 'border-width': 4 } },
    { selector: 'node.truncated', style: { 'border-style': 'dashed', 'border-color': '#222222' } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.hop', style: { 'border-color': '#ffbf00', 'border-width': 6, 'font-weight': 'bold' } },
    { selector: 'edge.hop', style: { width: 5, 'line-color': '#ff8f00', 'target-arrow-color': '#ff8f00', color: '#000000', 'font-size': 10 } },
  ];
}
