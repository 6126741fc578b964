package app

import (
	"path/filepath"

	"golive/backend/template"
	"golive/backend/workflow"
)

// deliverableName returns the name of deliverable on dossier id's plan,
// for the title of the dialog that picks its file (为「系统上线手册」选择文件);
// zero when the dossier or the deliverable cannot be found, and the
// dialog then keeps its plain title.
func (d *DossierAPI) deliverableName(id, deliverable string) template.Text {
	return d.findDeliverable(id, func(x template.Deliverable) bool { return x.ID == deliverable })
}

// packageName returns the name of dossier id's release package (the
// deliverable recorded by its hash, 待发布程序包), for the title of the
// dialog that checks the package actually released against it.
func (d *DossierAPI) packageName(id string) template.Text {
	return d.findDeliverable(id, func(x template.Deliverable) bool { return x.HashOnly })
}

// findDeliverable returns the name of the first deliverable of dossier
// id's plan that match accepts, in step and row order.
func (d *DossierAPI) findDeliverable(id string, match func(template.Deliverable) bool) template.Text {
	v, err := d.c.Dossiers.Get(id)
	if err != nil || v.State.Plan == nil {
		return template.Text{}
	}
	for _, s := range v.State.Plan.Steps {
		for _, x := range stepDeliverables(s) {
			if match(x) {
				return x.Name
			}
		}
	}
	return template.Text{}
}

// stepDeliverables lists a step's deliverables, then its countersign rows'.
func stepDeliverables(s workflow.Step) []template.Deliverable {
	out := append([]template.Deliverable(nil), s.Deliverables...)
	for _, r := range s.Rows {
		out = append(out, r.Deliverables...)
	}
	return out
}

// fileSubject names a file by its base name in both languages, for the
// title of the dialog that saves it (保存「用户测试报告.pdf」).
func fileSubject(name string) template.Text {
	base := filepath.Base(name)
	return template.Text{Zh: base, En: base}
}
