// The documents area over the Wails bindings (app.DocumentsAPI). Imported by
// wails.ts only, so the bindings stay out of the browser bundle.
import * as DocumentsAPI from '../../wailsjs/go/app/DocumentsAPI'
import * as ProfileAPI from '../../wailsjs/go/app/ProfileAPI'
import type { documents } from '../../wailsjs/go/models'
import type { Certificate, DocumentsArea, Exported, VerifyReport } from './documents'
import { toAppError } from './errors'
import type { DossierView } from './types'

async function call<T>(p: () => Promise<unknown>): Promise<T> {
  try {
    return (await p()) as T
  } catch (e) {
    throw toAppError(e)
  }
}

const exported = (p: () => Promise<unknown>) => call<Exported>(p)

export const wailsDocuments: DocumentsArea = {
  exportPDF: (req) => exported(() => DocumentsAPI.ExportPDF(req as documents.Request)),
  exportRegister: (f) => exported(() => DocumentsAPI.ExportRegister(f as documents.RegisterFilter)),
  exportStats: (f) => exported(() => DocumentsAPI.ExportStats(f as documents.RegisterFilter)),
  exportPlanWorkbook: (y, lang) => exported(() => DocumentsAPI.ExportPlanWorkbook(y, lang)),
  exportUserTestTemplate: (id, lang) => exported(() => DocumentsAPI.ExportUserTestTemplate(id, lang)),
  generate: (id, docId, lang) => call<DossierView>(() => DocumentsAPI.Generate(id, docId, lang)),
  verifyFromDialog: () => call<VerifyReport>(() => DocumentsAPI.VerifyFromDialog()),
  openFile: (path) => call<void>(() => DocumentsAPI.OpenFile(path)),
}

export const wailsCertificate = (id: string) => call<Certificate>(() => ProfileAPI.Certificate(id))
