// The documents area of memoryBridge: exports write a small stand-in file
// ("%PDF-… GoLive" + the verification payload as JSON) where the picker
// says, verify reads it back and compares it with the store. Same error
// codes as app.DocumentsAPI; a cancelled save dialog answers path "".
import { AppError } from '../errors'
import { DOSSIER_PDF_KINDS, GENERATED_DOCUMENTS, type Certificate, type DocumentsArea, type Exported, type VerifyPayload, type VerifyReport } from '../documents'
import type { Bridge } from '../types'
import { fingerprint, type MemoryDB } from './db'
import { sha256, utf8 } from './sha256'

const MARK = '%GoLive-payload '

type Dossiers = Bridge['dossiers']

export function documentsArea(db: MemoryDB, dossiers: Dossiers): DocumentsArea {
  const me = () => {
    if (!db.current) throw new AppError('profile.locked')
    return db.current
  }
  const checkLang = (lang: string) => {
    if (lang !== 'zh' && lang !== 'en') throw new AppError('docs.bad_lang', { lang })
  }
  /** save asks the "save dialog" for a path and writes data there; path "" when cancelled. */
  const save = (name: string, data: Uint8Array, pages: number): Exported => {
    const picked = db.pick('save')
    if (!picked) return { path: '', pages: 0, bytes: 0 }
    const path = `/home/user/${name}`
    db.written.set(path, data)
    return { path, pages, bytes: data.length }
  }
  const pdfBytes = async (kind: string, dossier: string, year: number, lang: string) => {
    const signer = me()
    checkLang(lang)
    const payload: VerifyPayload = { format: 'golive-doc/1', kind, number: '', lang, sha256: '', signed: [{ for: 'export', fp: signer.fingerprint.replaceAll(' ', ''), how: 'self' }] }
    let title = ''
    if (kind === 'plan') {
      payload.year = year
    } else {
      if (!(DOSSIER_PDF_KINDS as readonly string[]).includes(kind)) throw new AppError('docs.bad_kind', { kind })
      const v = await dossiers.get(dossier)
      payload.dossier = dossier
      payload.event = v.history[v.history.length - 1]?.event ?? ''
      payload.number = v.state.id
      title = v.state.title
    }
    const body = JSON.stringify({ payload, title, events: 0 })
    payload.sha256 = sha256(utf8(body))
    return utf8(`%PDF-1.7\n${MARK}${JSON.stringify({ payload, title })}\n%%EOF\n`)
  }
  const workbook = (name: string, lang: string) => {
    me()
    checkLang(lang || 'zh')
    return save(name, utf8(`PK GoLive ${name}`), 0)
  }

  return {
    async exportPDF(req) {
      const data = await pdfBytes(req.kind, req.dossier, req.year, req.lang)
      return save(`${req.kind}-${req.dossier || req.year}.pdf`, data, 2)
    },
    async exportRegister(f) {
      return workbook(`register-${f.year || 'all'}.xlsx`, f.lang)
    },
    async exportStats(f) {
      return workbook(`statistics-${f.year || 'all'}.xlsx`, f.lang)
    },
    async exportPlanWorkbook(year, lang) {
      return workbook(`window-plan-${year}.xlsx`, lang)
    },
    async exportUserTestTemplate(id, lang) {
      if (id) await dossiers.get(id)
      return workbook('user-test-report.xlsx', lang)
    },
    async generate(id, docId, lang) {
      if (!(GENERATED_DOCUMENTS as readonly string[]).includes(docId)) throw new AppError('documents.not_generatable', { document: docId })
      const kind = docId === 'release_note' ? 'release-note' : docId === 'application_confirmation' ? 'confirmation' : 'test-confirmation'
      const data = await pdfBytes(kind, id, 0, lang)
      const v = await dossiers.get(id)
      // As documents.DeliverableFor: a step deliverable holding the document, else doc:<id>.
      const started = v.state.flow && v.state.flow.phase !== 'draft'
      const step = v.state.plan?.steps.find((s) => !(s.kind === 'start' && started) && s.deliverables?.some((d) => d.document === docId && !d.generated && !d.hash_only))
      const key = step?.deliverables?.find((d) => d.document === docId)?.id ?? `doc:${docId}`
      let bin = ''
      data.forEach((b) => (bin += String.fromCharCode(b)))
      return dossiers.attachUpload(id, key, `${docId}-${id}.pdf`, btoa(bin), 'GoLive')
    },
    async verifyFromDialog() {
      const empty: VerifyReport = { status: '', signature: { valid: false, signer: '', fingerprint: '', certificate: '', known: false, sample: false }, newer_events: 0, differences: [], problems: [] }
      const f = db.pick('verify')
      if (!f) return empty
      const text = new TextDecoder().decode(f.data)
      const line = text.split('\n').find((l) => l.startsWith(MARK))
      if (!text.startsWith('%PDF') || !line) {
        return { ...empty, status: 'invalid', problems: [{ code: 'verify.not_golive', message: 'not a GoLive document' }] }
      }
      const { payload, title } = JSON.parse(line.slice(MARK.length)) as { payload: VerifyPayload; title: string }
      const signer = db.profiles.find((r) => r.summary.fingerprint.replaceAll(' ', '') === payload.signed[0]?.fp)?.summary
      const report: VerifyReport = {
        ...empty, status: 'match', payload, title,
        signature: { valid: true, signer: signer?.name ?? '', fingerprint: payload.signed[0]?.fp ?? '', certificate: sha256(utf8(payload.signed[0]?.fp ?? '')), known: Boolean(signer), sample: Boolean(signer?.sample) },
      }
      if (!payload.dossier) return report
      try {
        const v = await dossiers.get(payload.dossier)
        const at = v.history.findIndex((h) => h.event === payload.event)
        report.newer_events = at < 0 ? 0 : v.history.length - 1 - at
        if (v.state.title !== title) {
          report.status = 'differs'
          report.differences = [{ field: 'title', document: title, store: v.state.title }]
          report.problems = [{ code: 'verify.differs', params: { count: '1' }, message: 'differs' }]
        }
      } catch {
        report.status = 'unknown'
        report.problems = [{ code: 'verify.unknown_dossier', params: { dossier: payload.dossier }, message: 'unknown dossier' }]
      }
      return report
    },
    async openFile(path) {
      if (!db.written.has(path)) throw new AppError('documents.write_failed', { path })
    },
  }
}

/** certificateOf answers ProfileAPI.Certificate: made when the profile first unlocked. */
export function certificateOf(db: MemoryDB) {
  return async (id: string): Promise<Certificate> => {
    const p = db.profiles.find((r) => r.summary.id === id)?.summary
    if (!p) throw new AppError('profile.not_found', { id })
    const made = p.created_at || '2026-01-01T00:00:00+08:00'
    const year = Number(made.slice(0, 4)) || 2026
    return {
      profile_id: id,
      fingerprint: fingerprint(sha256(utf8(`cert:${p.public_key}`))),
      subject: `CN=${p.name},OU=${p.department},O=GoLive`,
      serial: p.public_key.slice(0, 16),
      algorithm: 'Ed25519',
      not_before: made,
      not_after: `${year + 10}${made.slice(4)}`,
      created_at: made,
    }
  }
}
