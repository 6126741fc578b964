/**
 * AppError is a failure the backend reported with a
 * stable code such as "dossier.title_required" and named parameters. The UI
 * translates the code via the i18n key `errors.<code>`; it never shows the
 * English detail, which is kept for logs only.
 */
export class AppError extends Error {
  readonly code: string
  readonly params: Record<string, string>
  readonly detail: string

  constructor(code: string, params: Record<string, string> = {}, detail = '') {
    super(detail ? `${code}: ${detail}` : code)
    this.name = 'AppError'
    this.code = code
    this.params = params
    this.detail = detail
  }
}

/** The code given to anything that carries no code of its own. */
export const INTERNAL = 'internal'

/** fromCoded reads a coded error object ({code, params, detail}), as Go's apperr.Error marshals. */
function fromCoded(v: unknown): AppError | null {
  if (v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string') {
    const o = v as { code: string; params?: Record<string, unknown> | null; detail?: unknown }
    const params: Record<string, string> = {}
    for (const [k, p] of Object.entries(o.params ?? {})) params[k] = String(p ?? '')
    return new AppError(o.code, params, typeof o.detail === 'string' ? o.detail : '')
  }
  return null
}

function fromJSON(text: string): AppError | null {
  try {
    return fromCoded(JSON.parse(text))
  } catch {
    return null // not JSON: handled by the caller
  }
}

/**
 * toAppError turns whatever a bridge call rejected with into an AppError.
 * Wails rejects with a string holding the JSON form of the Go error
 * ({"code":…,"params":…,"detail":…}); anything unparsable becomes "internal".
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e
  if (typeof e === 'string') return fromJSON(e) ?? new AppError(INTERNAL, {}, e)
  if (e instanceof Error) return fromJSON(e.message) ?? new AppError(INTERNAL, {}, e.message)
  const coded = fromCoded(e)
  if (coded) return coded
  return new AppError(INTERNAL, {}, String(e))
}

/** isCode reports whether e is an AppError with the given code. */
export function isCode(e: unknown, code: string): boolean {
  return e instanceof AppError && e.code === code
}
