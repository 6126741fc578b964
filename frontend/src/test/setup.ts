// jsdom lacks a few browser APIs Naive UI uses for layout.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
const g = globalThis as Record<string, unknown>
g.ResizeObserver ??= ResizeObserverStub
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList
}
// Naive UI's virtual lists scroll programmatically.
Element.prototype.scrollTo ??= function scrollTo() {}
// jsdom draws no frames (with pretendToBeVisual it fakes one every 16 ms,
// longer than the tests' settling waits, flushPromises: one setImmediate):
// here the next frame comes at the next setImmediate, as it would for a
// page with nothing left to draw.
window.requestAnimationFrame = (cb: FrameRequestCallback) => setImmediate(() => cb(performance.now())) as unknown as number
window.cancelAnimationFrame = (handle: number) => clearImmediate(handle as unknown as NodeJS.Immediate)
