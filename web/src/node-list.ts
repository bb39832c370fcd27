import type { GraphView } from './graph-view.js';
import { fill, h } from './dom.js';
import { lookOf, TYPE_LOOKS } from './kinds.js';

/** A keyboard route into the graph: one button per node (Enter expands, F focuses). */
export function renderNodeList(list: HTMLElement, view: GraphView, activate: (id: string) => void): void {
  const nodes = view.cy.nodes().sort((a, b) => `${a.data('type')}${a.data('label')}`.localeCompare(`${b.data('type')}${b.data('label')}`));
  const selected = new Set(view.cy.nodes(':selected').map((n) => n.id()));
  fill(
    list,
    ...nodes.map((n) => {
      const id = n.id();
      const type = String(n.data('type'));
      const label = String(n.data('label') || id);
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: ['node-button', n.data('standIn') ? 'stand-in' : '', n.hasClass('hop') ? 'on-path' : ''].filter(Boolean).join(' '),
            'data-id': id,
            'aria-current': selected.has(id) ? 'true' : undefined,
            'aria-label': `${type} ${label}${n.data('standIn') ? ' (stand-in)' : ''}: Enter to open and expand, F to focus`,
            'data-expanded': n.hasClass('expanded') ? 'true' : 'false',
            onclick: () => activate(id),
            onkeydown: (e: Event) => {
              if ((e as KeyboardEvent).key === 'f' || (e as KeyboardEvent).key === 'F') view.focus(id);
            },
          },
          h('span', { class: 'swatch', style: `background:${lookOf(type).colour}`, 'aria-hidden': 'true' }),
          label,
        ),
      );
    }),
  );
}

/** The legend of colours by type, for the types in view. */
export function renderLegend(legend: HTMLElement, view: GraphView): void {
  const types = new Set(view.cy.nodes().map((n) => String(n.data('type'))));
  const count = view.cy.nodes().length;
  fill(
    legend,
    count ? h('span', { class: 'node-count' }, `${count} node${count === 1 ? '' : 's'}${view.hasMore() ? ' (more available)' : ''}`) : null,
    ...Object.entries(TYPE_LOOKS)
      .filter(([type]) => types.has(type))
      .map(([type, look]) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch', style: `background:${look.colour}`, 'aria-hidden': 'true' }), type)),
  );
}
