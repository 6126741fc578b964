import { inject, provide, type InjectionKey, type Ref } from 'vue'
import type { TemplateProblem } from '@/bridge'

const KEY: InjectionKey<Ref<TemplateProblem[]>> = Symbol('template-problems')

/** provideProblems hands the backend's problems with the copy being edited to the editor's fields. */
export function provideProblems(problems: Ref<TemplateProblem[]>) {
  provide(KEY, problems)
}

/** problemsAt lists the problems about exactly path. */
export const problemsAt = (list: TemplateProblem[], path: string) => list.filter((p) => p.path === path)

/** problemsUnder lists the problems about prefix or anything inside it ("windows" holds "windows.rules[0].end"). */
export const problemsUnder = (list: TemplateProblem[], prefix: string) =>
  list.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`))

/**
 * useProblems reads, in a field below the editor, the problems the
 * backend (template.Validate) reported for the copy being edited, by
 * their path: at(path) those about exactly
 * that field, under(prefix) those about it or anything inside it. The
 * paths are Go's ("windows.rules[0].end"); nothing is checked here.
 */
export function useProblems() {
  const problems = inject(KEY, null)
  const all = () => problems?.value ?? []
  const at = (path: string) => problemsAt(all(), path)
  const under = (prefix: string) => problemsUnder(all(), prefix)
  /** status is the input status for a field with problems ("error"), else undefined. */
  const status = (path: string) => (at(path).length ? ('error' as const) : undefined)
  return { at, under, status }
}
