// Types of check-no-cjk.mjs, for the Vitest spec that imports it.

/** One line of a checked file that holds CJK text. */
export interface CJKHit {
  /** The file, relative to the source folder. */
  file: string
  /** 1-based line number. */
  line: number
  /** The line, trimmed. */
  text: string
}

/** CJK matches the characters that mark Chinese text (see check-no-cjk.mjs for the ranges). */
export const CJK: RegExp

/** The frontend's source folder. */
export const SRC: string

/** findCJK lists every line of a checked .vue/.ts file under src (default SRC) outside i18n/ that holds CJK text. */
export function findCJK(src?: string): CJKHit[]
