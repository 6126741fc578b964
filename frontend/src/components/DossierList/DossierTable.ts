import { defineComponent, h, type PropType, type VNodeChild } from 'vue'
import type { DossierSummary } from '@/bridge'

/**
 * ListColumn is one column of the dossier list: its header, its width
 * (fixed) or minimum width (a share of what the fixed ones leave), and how
 * a row's cell shows.
 */
export interface ListColumn {
  /** key names the column (and its cells, for Vue). */
  key: string
  /** title is the header's text. */
  title: string
  /** width is the column's fixed width in px. */
  width?: number
  /** minWidth marks a column that takes a share of the room the fixed ones leave; the table's minWidth counts it. */
  minWidth?: number
  /** ellipsis cuts the cell's text to one line with an ellipsis. */
  ellipsis?: boolean
  /** cellTitle is the cell's native tooltip (the whole text an ellipsis cuts). */
  cellTitle?: (r: DossierSummary) => string
  /** render is the cell's content. */
  render: (r: DossierSummary) => VNodeChild
}

/**
 * DossierTable is the dossier list's table as plain elements: a header, a
 * row per dossier and a cell per column, patched in place by Vue. (Naive's
 * data table set up a component per cell, 150 of them a page; a filter's
 * or a keystroke's page spent most of its update there.) The table keeps
 * its columns' widths (table-layout: fixed) and scrolls sideways in its
 * own box when the window is narrower than minWidth. Rows take the
 * attributes and listeners rowProps gives; the empty slot shows when
 * there are no rows.
 */
export default defineComponent({
  name: 'DossierTable',
  props: {
    columns: { type: Array as PropType<ListColumn[]>, required: true },
    rows: { type: Array as PropType<DossierSummary[]>, required: true },
    rowProps: { type: Function as PropType<(r: DossierSummary) => Record<string, unknown>>, required: true },
    /** minWidth is the sum of the columns' widths: narrower, the table scrolls. */
    minWidth: { type: Number, required: true },
  },
  setup(props, { slots }) {
    return () => {
      const cols = props.columns
      const body = props.rows.length
        ? props.rows.map((r, i) =>
            h(
              'tr',
              { key: i, class: 'lt-tr', ...props.rowProps(r) },
              cols.map((c) => h('td', { key: c.key, class: c.ellipsis ? 'lt-td lt-ell' : 'lt-td', title: c.cellTitle?.(r) }, [c.render(r)])),
            ),
          )
        : [h('tr', { key: '', class: 'lt-tr-empty' }, [h('td', { class: 'lt-empty', colspan: cols.length }, slots.empty?.())])]
      return h('div', { class: 'lt-scroll' }, [
        h('table', { class: 'lt-table', style: { minWidth: `${props.minWidth}px` } }, [
          h('colgroup', cols.map((c) => h('col', { key: c.key, style: c.width ? { width: `${c.width}px` } : undefined }))),
          h('thead', [h('tr', cols.map((c) => h('th', { key: c.key, class: 'lt-th', title: c.title }, [h('span', { class: 'lt-th-title' }, c.title)])))]),
          h('tbody', body),
        ]),
      ])
    }
  },
})
