// Messages of the identity card section of the profile page, merged into
// en.ts as `identity`; must match identity.zh-CN.ts key for key.
export default {
  title: 'My identity card',
  intro: 'Your identity card is signed with your key and states your name, department and public key. Send it to the PMO, who compares the fingerprint with you in person or by phone before entering your key in the organisation roster.',
  fingerprint: 'Key fingerprint',
  fingerprintHint: 'Read the fingerprint out group by group when the PMO checks it.',
  subDepartment: 'Sub-department (optional)',
  jobTitle: 'Job title (optional)',
  subDepartmentPlaceholder: 'e.g. Release management',
  titlePlaceholder: 'e.g. Senior manager',
  save: 'Save card file…',
  copy: 'Copy text block',
  saved: 'Identity card saved to {path}',
  copied: 'Identity card text block copied; paste it into a mail',
  copyFailed: 'The clipboard cannot be written; select the text below and copy it.',
  selfDeclared: 'self-declared',
  selfDeclaredHint: 'Only this person’s own identity card states this name; the organisation roster does not list the key.',
}
