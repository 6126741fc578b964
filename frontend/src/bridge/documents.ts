// Document types as backend/documents, backend/verify, backend/printable
// and app.DocumentsAPI send them (generated: wailsjs/go/models.ts
// documents.*, verify.*, printable.*, app.Exported, profile.Certificate),
// and the documents area of the Bridge.
import type { app, documents, printable, profile, verify } from '../../wailsjs/go/models'
import type { DossierView } from './types'

/** The PDF kinds a dossier offers (printable.Kind*; "plan" is the calendar's). */
export const DOSSIER_PDF_KINDS = ['confirmation', 'approvals', 'test-confirmation', 'user-confirmation', 'archive-index', 'release-note'] as const
export type PdfKind = (typeof DOSSIER_PDF_KINDS)[number] | 'plan'

/** The standard documents the app generates and attaches (template document ids). */
export const GENERATED_DOCUMENTS = ['release_note', 'application_confirmation', 'release_test_confirmation'] as const

/** Document languages. */
export type DocLang = 'zh' | 'en'

export type DocumentRequest = documents.Request
/** Which dossiers a register or statistics workbook covers ("" or 0: all). */
export type RegisterFilter = documents.RegisterFilter
/** A written file; path "" when the save dialog was cancelled. */
export type Exported = app.Exported
export type VerifySignature = verify.Signature
export type SignedBy = printable.Signed
export type VerifyPayload = printable.Payload
export type VerifyDifference = verify.Difference
export type VerifyProblem = verify.Problem
export type VerifyStatus = 'match' | 'differs' | 'unknown' | 'invalid'
export type VerifyReport = verify.Report
export type Certificate = profile.Certificate

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
  /** Checks a stored attachment (a document the filing made) by its SHA-256, as verifyFromDialog checks a picked PDF. */
  verifyDeliverable(sha256: string): Promise<VerifyReport>
  /** Opens a written file with the system's default application. */
  openFile(path: string): Promise<void>
}
