// Package template holds GoLive's release process template as data.
//
// A Template describes everything the release process needs: its stages,
// release types and modes, the departments and roles that take part, the
// preparation checklist, the seven standard documents, and one approval Flow
// per release type with every step, approval item (审批内容), deliverable
// (交付物) and countersign (会签) row. Nothing in the rest of the application
// may branch on a step's name: screens and workflow logic read the template,
// so the PMO can later clone and edit it without touching code.
//
// The default template is the seed document 远东宏信有限公司《上线发布管理操作指引》
// V2.4 (2014-10-22). It ships embedded as default.json — pretty-printed so it
// can be checked line by line against the source — and is returned by Default.
// Its versions 2.4.1 to 2.4.3 are the guideline's V2.4 made into
// executable rules (conditional items, one upload per document, the
// same-day test, the release-window manager, filed documents; then scope,
// the emergency post-review, checklist evidence and trial-run issues; then
// the go-live review meeting). Earlier built-in versions stay
// embedded under earlier/ and are returned by Earlier: a shipped version
// never changes, since dossiers pin it.
// Chinese strings are copied verbatim from the source; English strings follow
// the project's process specification.
//
// Every template has an ID and a Version; Key ("golive.release@2.4.2") is what
// a dossier pins when it starts, so later template edits never change the
// rules of a release already under way.
//
// Who holds a role is the organisation roster's business (package roster),
// but how a role is resolved is process data: each Role has a Scope, ""
// for a role the roster grants outright (the CIO, the six directors) or
// one of the relative scopes (the system's owner, development lead or
// supervisor; the head of the owning unit or of the applicant's unit).
// Settings.Separate and Settings.AllowDoublePost state the separation of
// duties the roster's helpers enforce.
//
// Validate reports every inconsistency it finds (unknown role, step without
// an actor, duplicate ids, empty countersign, …) as a *ValidationError whose
// Problems each carry a stable code, a path into the template and named
// parameters; apperr.Code on the error gives "template.invalid".
package template
