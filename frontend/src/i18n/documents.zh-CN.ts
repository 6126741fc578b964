// Messages for the error codes of backend/docs, backend/pdf, backend/pdfsig,
// backend/verify and backend/xlsx (the documents work), merged into
// zh-CN.ts so every code the backend can return has a message.
export const documentsErrors = {
  docs: {
    bad_kind: '未知的文档类型「{kind}」。',
    bad_lang: '不支持的文档语言。',
    bad_payload: '文档中的校验数据无法读取。',
    no_flow: '发布档案 {dossier} 没有审批流程，无法生成该文档。',
  },
  documents: {
    no_plan_source: '找不到生成该文档所需的发布窗口计划。',
    not_generatable: '文档「{document}」不能由系统生成。',
    unknown_event: '发布档案 {dossier} 中找不到记录 {event}。',
    write_failed: '无法写入文件 {path}。',
  },
  pdf: {
    font_invalid: '字体文件 {file} 无法使用（需要 TrueType 字体）。',
    font_missing: '缺少字体文件 {file}。',
    render_failed: '生成 PDF（{kind}）失败。',
  },
  pdfsig: {
    digest_mismatch: 'PDF 在签名之后被修改过。',
    invalid: 'PDF 的数字签名无效。',
    not_whole_file: '签名之后 PDF 又被追加了内容。',
    sign_failed: '为 PDF 签名失败。',
    unbound: '签名证书与 GoLive 档案不对应。',
    unreadable: '无法读取该 PDF。',
    unsigned: '该 PDF 没有数字签名。',
  },
  verify: {
    differs: '文档与本数据文件夹中的记录有 {count} 处不同。',
    digest_mismatch: '文档内嵌内容与其摘要不符。',
    no_payload: '无法读取该 PDF 的校验数据。',
    not_golive: '这不是 GoLive 生成的文档。',
    payload_mismatch: '校验数据与文档内容不符。',
    plan_unchecked: '{year} 年的发布窗口计划暂无法核对。',
    unknown_dossier: '本数据文件夹中没有发布档案 {dossier}。',
    unknown_event: '发布档案 {dossier} 中没有记录 {event}。',
    unknown_signer: '签名人（指纹 {fingerprint}）不在本数据文件夹中。',
    unreadable: '无法读取文件 {path}。',
  },
  xlsx: {
    write_failed: '无法写入 Excel 文件。',
  },
}

/** Codes of the profile's signing certificate. */
export const certificateErrors = {
  bad_certificate: '档案 {id} 的签名证书已损坏。',
  no_certificate: '该档案还没有签名证书。',
}
