import type { HTMLAttributes, InputHTMLAttributes, TextareaHTMLAttributes } from 'vue'

/**
 * inputProps puts a data-testid (and any extra attributes) on the native
 * <input> or <textarea> inside a Naive UI input, where end-to-end tests can
 * fill it.
 */
export function inputProps(testid: string, extra: Record<string, string> = {}): InputHTMLAttributes & TextareaHTMLAttributes {
  return { 'data-testid': testid, ...extra } as InputHTMLAttributes & TextareaHTMLAttributes
}

/** attrs types data-* attributes as HTMLAttributes for Naive UI's props/rowProps options. */
export function attrs(a: Record<string, string>): HTMLAttributes {
  return a as HTMLAttributes
}
