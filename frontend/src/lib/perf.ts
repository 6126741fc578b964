import { nextTick } from 'vue'

/**
 * The interactions the page times (issue 14: p95 at most 50 ms from the
 * click to the screen update). Each is a User Timing measure of that name,
 * from its start mark to the frame that shows the result; the end-to-end
 * perf test (e2e/tests/perf.test.mjs) reads them with
 * performance.getEntriesByType('measure').
 */
export type Interaction = 'list-filter' | 'list-search' | 'dossier-open' | 'approve'

const startMark = (name: Interaction) => `${name}:start`

/** timing reports whether this page can take User Timing marks (not every test environment can). */
function timing(): boolean {
  return typeof performance !== 'undefined' && typeof performance.mark === 'function' && typeof performance.measure === 'function'
}

/** startInteraction marks the moment the user acted; a later start replaces an earlier one not ended yet. */
export function startInteraction(name: Interaction): void {
  if (!timing()) return
  performance.clearMarks(startMark(name))
  performance.mark(startMark(name))
}

/** cancelInteraction forgets a start that will not end (an action refused, say). */
export function cancelInteraction(name: Interaction): void {
  if (timing()) performance.clearMarks(startMark(name))
}

/** nextFrame resolves at the next animation frame (at once where there is none). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve())
    else setTimeout(resolve, 0)
  })
}

/**
 * endInteraction waits until Vue has written the change to the DOM and the
 * browser is at the next frame, then records the measure name from its
 * start mark and forgets the mark. Without a start (the page was opened
 * from a link, or the start was already ended) it records nothing.
 */
export async function endInteraction(name: Interaction): Promise<void> {
  if (!timing()) return
  await nextTick()
  await nextFrame()
  if (performance.getEntriesByName(startMark(name), 'mark').length === 0) return
  performance.measure(name, startMark(name))
  performance.clearMarks(startMark(name))
}

/**
 * The parts of a page shown after the frame an interaction ends with:
 * dossier-content is the open tab of a dossier's page (DossierView shows
 * the header first, the tab a frame later). Each is a measure of that name
 * from the interaction's start; the perf test prints them beside the
 * interactions.
 */
export type FollowUp = 'dossier-content'

/**
 * followUp returns a function that records measure name, from the start
 * of interaction, at the frame after it is called; take it before ending
 * the interaction (which forgets the start). Without a start it records
 * nothing.
 */
export function followUp(name: FollowUp, of: Interaction): () => Promise<void> {
  const start = timing() ? performance.getEntriesByName(startMark(of), 'mark').at(-1)?.startTime : undefined
  return async () => {
    if (start === undefined) return
    await nextTick()
    await nextFrame()
    performance.measure(name, { start })
  }
}

/**
 * PAINT_AT_MOST_MS is how long work put after the page's frame waits at
 * most (afterPaint's bound): a hidden window draws no frames.
 */
export const PAINT_AT_MOST_MS = 100

/**
 * afterPaint resolves once the browser has shown the current frame: at
 * the animation frame after the next one (what is rendered then shows in
 * the frame after), or two tasks later where there are no frames. With
 * atMostMs it resolves after that long at the latest (a hidden window
 * draws no frames).
 */
export function afterPaint(atMostMs?: number): Promise<void> {
  const painted = nextFrame().then(nextFrame)
  if (atMostMs === undefined) return painted
  return Promise.race([painted, new Promise<void>((resolve) => setTimeout(resolve, atMostMs))])
}
