/**
 * Label columns of forms with their labels on the left, sized to the
 * widest label without a layout. Naive's label-width="auto" measures every
 * label element after setting its style, one forced layout per form item:
 * the dossier's information form (eleven items) spent about 19 ms of each
 * opening there. This measures the texts on a canvas instead, once per
 * font and set of texts.
 */

/** LABEL_FONT_PX is a small form's left label font size (Naive: labelFontSizeLeftSmall). */
const LABEL_FONT_PX = 14
/** LABEL_PADDING_PX is the room right of a left label (Naive: labelPaddingHorizontal "0 12px 0 0"). */
const LABEL_PADDING_PX = 12
/** MARK_PX is the room of the required mark ("*" and its gap) beside a label. */
const MARK_PX = 12

let context: CanvasRenderingContext2D | null | undefined
/** family is the page's font family (the body's, which labels inherit), read once. */
let family: string | undefined
const cache = new Map<string, number>()

/** canvas returns a 2D context to measure text with, or null where the page cannot draw (jsdom). */
function canvas(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context
  context = null
  if (typeof document === 'undefined' || /jsdom/i.test(globalThis.navigator?.userAgent ?? '')) return context
  context = document.createElement('canvas').getContext('2d')
  return context
}

/**
 * labelWidth returns the width in px of a left label column that holds
 * each of texts on one line (with room for the required mark when
 * required), or 'auto' (Naive measures the labels) where the page cannot
 * measure text.
 */
export function labelWidth(texts: string[], required = false): number | 'auto' {
  const ctx = canvas()
  if (!ctx) return 'auto'
  family ??= getComputedStyle(document.body).fontFamily
  const key = `${family}\u0000${required}\u0000${texts.join('\u0000')}`
  let w = cache.get(key)
  if (w === undefined) {
    ctx.font = `${LABEL_FONT_PX}px ${family}`
    const widest = Math.max(0, ...texts.map((s) => ctx.measureText(s).width))
    w = Math.ceil(widest) + LABEL_PADDING_PX + (required ? MARK_PX : 0)
    cache.set(key, w)
  }
  return w
}
