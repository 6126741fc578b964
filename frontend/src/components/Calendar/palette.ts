// Colours of the calendar, one per window state, shared by the year and
// month views, the legend, the agenda and the window tags.
import type { WindowState } from '@/bridge'

export interface StateColour {
  /** Marker fill. */
  solid: string
  /** Light background for chips. */
  soft: string
  /** Text on the light background. */
  text: string
}

export const STATE_COLOURS: Record<WindowState, StateColour> = {
  open: { solid: '#2ba471', soft: '#e3f6ec', text: '#14663c' },
  moved: { solid: '#e37318', soft: '#fff1e3', text: '#9a4a06' },
  frozen: { solid: '#2f6fde', soft: '#e6efff', text: '#1b4fae' },
  cancelled: { solid: '#a9aeb8', soft: '#f2f3f5', text: '#5c6370' },
}

export const colourOf = (state: string): StateColour => STATE_COLOURS[state as WindowState] ?? STATE_COLOURS.cancelled

/** Freeze periods are shaded with light blue stripes. */
export const FREEZE_SHADE = 'repeating-linear-gradient(135deg, #dde9fb 0 4px, #f0f5fd 4px 8px)'
export const HOLIDAY_RED = '#cb2634'
export const MAKEUP_GREY = '#4e5969'
