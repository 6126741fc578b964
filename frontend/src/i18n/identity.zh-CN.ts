// Messages of the identity card (身份卡) section of the profile page,
// merged into zh-CN.ts as `identity`; identity.en.ts must match key for key.
export default {
  title: '我的身份卡',
  intro: '身份卡由你的密钥签名，写明你的姓名、部门和公钥。把它发给 PMO，PMO 当面或电话与你核对指纹后，把你的公钥登记进组织名册。',
  fingerprint: '公钥指纹',
  fingerprintHint: 'PMO 核对时请逐组读出这串指纹。',
  subDepartment: '科室 / 组（可选）',
  jobTitle: '职务（可选）',
  subDepartmentPlaceholder: '例如：发布管理组',
  titlePlaceholder: '例如：高级经理',
  save: '保存身份卡文件…',
  copy: '复制文本块',
  saved: '身份卡已保存到 {path}',
  copied: '身份卡文本块已复制，可直接粘贴到邮件中',
  copyFailed: '无法写入剪贴板，请手动选择下方文本复制。',
  selfDeclared: '自述',
  selfDeclaredHint: '此姓名只由本人的身份卡声明，未登记在组织名册中。',
}
