// The colours of the board's readiness levels (Naive UI tag types and a
// strip colour), shared by the board and the presenter view.

/** levelType maps a level to a Naive UI tag type. */
export const levelType = (l: string): 'error' | 'warning' | 'success' | 'default' =>
  l === 'block' ? 'error' : l === 'warn' ? 'warning' : l === 'ok' ? 'success' : 'default'

/** levelColor is the strip colour of a row at level l. */
export const levelColor = (l: string) => (l === 'block' ? '#f53f3f' : l === 'warn' ? '#ff7d00' : '#00b42a')
