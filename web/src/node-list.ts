import type { GraphView } from './graph-view.js';
import { fill, h } from './dom.js';
import { lookOf, TYPE_LOOKS } from './kinds.js';

/** A keyboard route into the graph: one button per node (Enter expands, F focuses); the focused node's button keeps the focus. */
export function renderNodeList(list: HTMLElement, view: GraphView, activate: (id: string) => void): void {
  const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.id : undefined;
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
  if (focused !== undefined) buttonOf(list, focused)?.focus();
}

/** Marks the button of the node shown in the details panel as the current one. */
export function markCurrent(list: HTMLElement, id: string | undefined): void {
  for (const button of list.querySelectorAll('[aria-current]')) button.removeAttribute('aria-current');
  if (id !== undefined) buttonOf(list, id)?.setAttribute('aria-current', 'true');
}

function buttonOf(list: HTMLElement, id: string): HTMLButtonElement | undefined {
  return [...list.querySelectorAll<HTMLButtonElement>('.node-button')].find((b) => b.dataset.id === id);
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
