package printable

import (
	"strings"

	"golive/backend/template"
	"golive/backend/workflow"
)

// What the signatures of the release's sign-offs are for (Signature.For,
// Signed.For); an approval's is its slot key, the filing's its step id.
const (
	SignedPackage    = "package_checked"
	SignedOverride   = "override"
	SignedReleased   = "released"
	SignedSupervised = "supervised"
	SignedSameDay    = "same_day_test"
	SignedConfirmed  = "confirmed"
	SignedArchive    = "archive"
)

// signoffLabels are the label keys of the sign-offs.
var signoffLabels = map[string]string{
	SignedPackage: "s.package", SignedOverride: "s.override", SignedReleased: "s.released", SignedSupervised: "s.supervised",
	SignedSameDay: "s.sameday", SignedConfirmed: "s.confirmed", SignedArchive: "s.archive",
}

// SignedFor names what a signature of a dossier document was for
// (Signature.For, Signed.For) in both languages, as the documents print it
// (Signature.Label): an approval slot "step" or "step/row" by its step's
// name in plan (the dossier's, from its pinned template tpl), a countersign
// row followed by its label or its role's name — "子部门会签审批 · 开发部总监";
// the filing by its step's name; a sign-off of the release (SignedReleased,
// SignedConfirmed …) by its own. ok is false for a key plan does not hold.
func SignedFor(plan *workflow.Plan, tpl *template.Template, what string) (label template.Text, ok bool) {
	both := func(f func(l Lang) string) template.Text { return template.Text{Zh: f(Zh), En: f(En)} }
	if key, ok := signoffLabels[what]; ok {
		return both(func(l Lang) string { return l.L(key) }), true
	}
	if plan == nil {
		return template.Text{}, false
	}
	step, row, _ := strings.Cut(what, "/")
	for _, s := range plan.Steps {
		if s.ID != step {
			continue
		}
		if row == "" {
			return both(func(l Lang) string { return l.T(s.Name) }), true
		}
		for _, r := range s.Rows {
			if r.ID == row {
				return both(func(l Lang) string { return l.T(s.Name) + " · " + rowLabel(l, tpl, r) }), true
			}
		}
	}
	return template.Text{}, false
}

// rowLabel is a countersign row's label in l, else its role's name.
func rowLabel(l Lang, tpl *template.Template, r template.CountersignRow) string {
	if label := l.T(r.Label); label != "" {
		return label
	}
	if tpl != nil {
		if role, ok := tpl.Role(r.Role); ok {
			return l.T(role.Name)
		}
	}
	return r.Role
}
