// English messages for the documents work's error codes (see documents.zh-CN.ts).
export const documentsErrors = {
  docs: {
    bad_kind: 'Unknown document kind “{kind}”.',
    bad_lang: 'Unsupported document language.',
    bad_payload: 'The document’s verification data cannot be read.',
    no_flow: 'Dossier {dossier} has no approval flow, so the document cannot be made.',
  },
  documents: {
    no_plan_source: 'The release-window plan this document needs was not found.',
    not_generatable: 'The app cannot generate the document “{document}”.',
    unknown_event: 'Dossier {dossier} has no record {event}.',
    write_failed: 'Could not write the file {path}.',
  },
  pdf: {
    font_invalid: 'The font file {file} cannot be used (a TrueType font is needed).',
    font_missing: 'The font file {file} is missing.',
    render_failed: 'Making the PDF ({kind}) failed.',
  },
  pdfsig: {
    digest_mismatch: 'The PDF was changed after it was signed.',
    invalid: 'The PDF’s digital signature is not valid.',
    not_whole_file: 'Content was added to the PDF after it was signed.',
    sign_failed: 'Signing the PDF failed.',
    unbound: 'The signing certificate does not match a GoLive profile.',
    unreadable: 'The PDF cannot be read.',
    unsigned: 'The PDF carries no digital signature.',
  },
  verify: {
    differs: 'The document differs from this folder’s records in {count} place(s).',
    digest_mismatch: 'The embedded content does not match its digest.',
    no_payload: 'The PDF’s verification data cannot be read.',
    not_golive: 'This is not a document GoLive made.',
    payload_mismatch: 'The verification data does not match the document.',
    plan_unchecked: 'The {year} release-window plan cannot be checked yet.',
    unknown_dossier: 'Dossier {dossier} is not in this data folder.',
    unknown_event: 'Dossier {dossier} has no record {event}.',
    unknown_signer: 'The signer (fingerprint {fingerprint}) is not known to this data folder.',
    unreadable: 'Cannot read the file {path}.',
  },
  xlsx: {
    write_failed: 'Could not write the Excel file.',
  },
}

/** Codes of the profile's signing certificate. */
export const certificateErrors = {
  bad_certificate: 'The signing certificate of profile {id} is damaged.',
  no_certificate: 'This profile has no signing certificate yet.',
}
