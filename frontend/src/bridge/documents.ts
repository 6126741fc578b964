// Document types as backend/documents, backend/verify, backend/docs and
// app.DocumentsAPI send them (see wailsjs/go/models.ts: documents.*,
// verify.*, docs.*, app.Exported, profile.Certificate), and the documents
// area of the Bridge. Plain data, like types.ts.
import type { DossierView } from './types'

/** The PDF kinds a dossier offers (docs.Kind*; "plan" is the calendar's). */
export const DOSSIER_PDF_KINDS = ['confirmation', 'approvals', 'test-confirmation', 'user-confirmation', 'archive-index', 'release-note'] as const
export type PdfKind = (typeof DOSSIER_PDF_KINDS)[number] | 'plan'

/** The standard documents the app generates and attaches (template document ids). */
export const GENERATED_DOCUMENTS = ['release_note', 'application_confirmation', 'release_test_confirmation'] as const

/** Document languages. */
export type DocLang = 'zh' | 'en'

export interface DocumentRequest {
  kind: string
  /** The dossier id; "" for the plan. */
  dossier: string
  /** The plan's year; 0 otherwise. */
  year: number
  lang: string
}

/** Which dossiers a register or statistics workbook covers ("" or 0: all). */
export interface RegisterFilter {
  year: number
  window: string
  system: string
  lang: string
}

/** A written file; path "" when the save dialog was cancelled. */
export interface Exported {
  path: string
  pages: number
  bytes: number
}

export interface VerifySignature {
  valid: boolean
  signer: string
  fingerprint: string
  certificate: string
  known: boolean
  sample: boolean
  signed_at?: string
}

export interface SignedBy {
  /** What was signed: a slot key, "filing", "released", … */
  for: string
  fp: string
  /** "self" or "witnessed". */
  how: string
}

export interface VerifyPayload {
  format: string
  kind: string
  number: string
  lang: string
  dossier?: string
  event?: string
  heads?: string[]
  year?: number
  sha256: string
  signed: SignedBy[]
}

export interface VerifyDifference {
  field: string
  document: string
  store: string
}

export interface VerifyProblem {
  code: string
  params?: Record<string, string>
  message: string
}

export type VerifyStatus = 'match' | 'differs' | 'unknown' | 'invalid'

export interface VerifyReport {
  /** "" when the open dialog was cancelled. */
  status: VerifyStatus | ''
  signature: VerifySignature
  payload?: VerifyPayload | null
  title?: string
  newer_events: number
  differences: VerifyDifference[] | null
  problems: VerifyProblem[] | null
}

/** A profile's PDF-signing certificate. */
export interface Certificate {
  profile_id: string
  fingerprint: string
  subject: string
  serial: string
  algorithm: string
  not_before: string
  not_after: string
  created_at: string
}

/** The documents area of the Bridge (app.DocumentsAPI). */
export interface DocumentsArea {
  /** Renders and signs a PDF, then saves it where the user picks. */
  exportPDF(req: DocumentRequest): Promise<Exported>
  exportRegister(f: RegisterFilter): Promise<Exported>
  exportStats(f: RegisterFilter): Promise<Exported>
  exportPlanWorkbook(year: number, lang: string): Promise<Exported>
  /** A blank user test report workbook for dossier id ("" for a generic one). */
  exportUserTestTemplate(id: string, lang: string): Promise<Exported>
  /** Generates a standard document and attaches it to the dossier as a new version. */
  generate(id: string, docId: string, lang: string): Promise<DossierView>
  /** Asks for a PDF and checks it; status "" when cancelled. */
  verifyFromDialog(): Promise<VerifyReport>
  /** Opens a written file with the system's default application. */
  openFile(path: string): Promise<void>
}
