// Messages of the decision UI for the roster: the 在场签字 dialog, the
// marks on decisions (在场签字, 代审批, 未授权) and the 转交 picker, merged
// into zh-CN.ts as `witness`. witness.en.ts must match key for key.
export default {
  open: '在场签字',
  title: '在场签字 · {slot}',
  intro: '审批人在本机当面手写签名，记录由本机持有人 {owner} 作为见证人签署。',
  approver: '审批人',
  candidatesHint: '按组织名册，以下人员可以审批此项。',
  noCandidates: '按组织名册，目前没有人可以审批此项。',
  noKey: '无有效密钥，只能在场签字',
  decision: '审批意见',
  approve: '同意',
  return: '退回',
  returnHint: '退回给提交人，请填写理由。',
  comment: '意见（退回时必填）',
  signature: '手写签名',
  kindHandwritten: '在屏幕上签名',
  kindScan: '上传扫描的签字页',
  padHint: '请审批人用鼠标、触控笔或手指在框内签名。',
  padLabel: '手写签名区域',
  clear: '清除',
  scanPick: '选择签字页图片（PNG 或 JPEG）',
  scanChosen: '已选择：{name}',
  scanUnreadable: '无法读取该文件。',
  needPerson: '请选择审批人。',
  needSignature: '请先签名，或上传扫描的签字页。',
  submit: '记录在场签字',
  recorded: '已记录 {name} 的在场签字',
  marks: {
    witnessed: '在场签字',
    witnessBy: '见证人 {name}',
    forWhom: '代 {name} 审批',
    scan: '扫描签字页',
    signatureAlt: '{name} 的手写签名',
    unauthorized: '未授权',
  },
  transfer: {
    placeholder: '选择组织名册中的人员',
    fingerprint: '指纹 {fp}',
    noRoster: '此数据文件夹尚未发布组织名册，请从本数据文件夹已知的人员中选择。',
  },
}

