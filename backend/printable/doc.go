// Package printable turns a dossier into the content of its printable
// documents — 系统上线申请确认书, 审批记录, 系统发布测试确认书, 用户确认书,
// 归档清单, 系统上线手册 — and the year's window plan into 发布窗口计划, as
// plain data in one language: every label translated, every time formatted
// in the dossier's zone. Renderers (backend/pdf) only lay it out.
//
// Content is deterministic: the same dossier events, template, identities
// and language always give the same Content, so a verifier can rebuild it
// from its own copy of the events and compare. Each document carries a
// Payload: the dossier, the event it was made from (the latest head), the
// SHA-256 of its Content and every signature it shows, with the signer's
// key fingerprint and whether the signature was made by the person's own
// key (self-signed) or witnessed.
package printable
