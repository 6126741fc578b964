import { h, type VNode } from 'vue'

/**
 * Cells of the dossier list as plain elements. The list shows 15 rows of
 * ten columns; a Naive tag, text or progress bar per cell is a component
 * to set up and tear down with every page (a filter change or a keystroke
 * mounts some hundred of them, about half the page's update). These render
 * the same look (cells.css, coloured from the theme by cellColors) as
 * elements, which Vue patches in place.
 */

/** TagType is the colour of a list tag, as Naive's tag types. */
export type TagType = 'default' | 'info' | 'warning' | 'primary' | 'success' | 'error'

/** tag renders a small tag like Naive's NTag size="small" (bordered unless said). */
export function tag(type: TagType, text: string, attrs: Record<string, unknown> = {}, bordered = true): VNode {
  return h('span', { ...attrs, class: ['lt-tag', `lt-tag--${type}`, bordered ? 'lt-tag--bordered' : '', attrs.class ?? ''] }, text)
}

const STAGE_TYPES: Record<string, TagType> = {
  planning: 'default',
  preparation: 'info',
  approval: 'warning',
  execution: 'primary',
  confirmation: 'success',
  archive: 'default',
}

/** stageType is the colour of a stage's tag, by how far the dossier has come (StageTag's too). */
export function stageType(stage: string): TagType {
  return STAGE_TYPES[stage] ?? 'default'
}

/** checklistPercent is how far a checklist is done, in whole percent (0 for an empty one). */
export function checklistPercent(done: number, total: number): number {
  return total ? Math.round((done * 100) / total) : 0
}

/** progress renders "done/total" with a thin bar, like ChecklistProgress. */
export function progress(done: number, total: number): VNode {
  const pct = checklistPercent(done, total)
  const complete = total > 0 && done === total
  return h('div', { class: 'lt-progress', 'data-testid': 'checklist-progress' }, [
    h('span', { class: 'lt-rail', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct }, [
      h('span', { class: ['lt-fill', complete ? 'lt-fill--success' : ''], style: { width: `${pct}%` } }),
    ]),
    h('span', { class: 'lt-num' }, `${done}/${total}`),
  ])
}

/** ThemeColors are the theme's colours the cells use (Naive's useThemeVars). */
export interface ThemeColors {
  primaryColor: string
  infoColor: string
  successColor: string
  warningColor: string
  errorColor: string
  textColor2: string
  textColor3: string
  borderColor: string
  tagColor: string
  progressRailColor: string
  textColor1: string
  dividerColor: string
  tableHeaderColor: string
  tableColorHover: string
  fontWeightStrong: string
}

/** cellColors returns the CSS variables cells.css reads (cells and DossierTable), for the element around the table. */
export function cellColors(v: ThemeColors): Record<string, string> {
  return {
    '--lt-primary': v.primaryColor,
    '--lt-info': v.infoColor,
    '--lt-success': v.successColor,
    '--lt-warning': v.warningColor,
    '--lt-error': v.errorColor,
    '--lt-text': v.textColor2,
    '--lt-text3': v.textColor3,
    '--lt-border': v.borderColor,
    '--lt-tag': v.tagColor,
    '--lt-rail': v.progressRailColor,
    '--lt-th-text': v.textColor1,
    '--lt-divider': v.dividerColor,
    '--lt-th': v.tableHeaderColor,
    '--lt-hover': v.tableColorHover,
    '--lt-th-weight': v.fontWeightStrong,
  }
}
