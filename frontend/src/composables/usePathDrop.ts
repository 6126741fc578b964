import { onUnmounted, watch, type Ref } from 'vue'

/** What a drop target does with the paths of the files dropped on it. */
export type PathDropHandler = (paths: string[]) => void

/** The elements that take dropped files by path, with their handlers. */
const targets = new Map<Element, PathDropHandler>()

/**
 * takePathDrop hands the paths of files dropped on the window onto
 * element el (the window's file drop gives paths and a point) to the
 * registered target el lies in, and reports whether there was one. The
 * window's drop handler (ExchangeHost) asks it first, so a drop on such a
 * target is never taken for an exchange file.
 */
export function takePathDrop(el: Element | null, paths: string[]): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const take = targets.get(e)
    if (take) {
      take(paths)
      return true
    }
  }
  return false
}

/**
 * usePathDrop makes the element in target take the files dropped on it
 * by their paths while the component is mounted (the file is read by the
 * backend, so its size does not matter): the window's file drop hands
 * them to handler.
 */
export function usePathDrop(target: Readonly<Ref<HTMLElement | null>>, handler: PathDropHandler) {
  const stop = watch(
    target,
    (now, before) => {
      if (before) targets.delete(before)
      if (now) targets.set(now, handler)
    },
    { immediate: true },
  )
  onUnmounted(() => {
    stop()
    if (target.value) targets.delete(target.value)
  })
}
