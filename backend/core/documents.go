package core

import (
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/printable"
	"golive/backend/window"
)

// Documents returns the service that makes the folder's signed PDFs,
// Excel workbooks and generated standard documents. It is cheap; each
// call returns a fresh Service over the same folder services.
func (c *Core) Documents() *documents.Service {
	return &documents.Service{Store: c.Store, Dossiers: c.Dossiers, Profiles: c.Profiles, Systems: c.Systems,
		Resolve: c.ResolveTemplate, Template: c.Template, Now: c.Now, Zone: c.Zone, Creator: "GoLive " + Version,
		Plans: c.planRows, Minutes: c.minutesPDF}
}

// planRows is the year's plan in force as document rows: every window with
// its state, the reasons for any move, cancellation or freeze, and the
// dossiers released in it.
func (c *Core) planRows(year int, lang printable.Lang) ([]printable.PlanRow, error) {
	p, err := c.Windows.InForce(year)
	if err != nil {
		return nil, err
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		return nil, err
	}
	byWindow := map[string][]printable.PlanDossier{}
	for _, d := range list {
		if d.Window != "" {
			byWindow[d.Window] = append(byWindow[d.Window], printable.PlanDossier{ID: d.ID, System: d.SystemCode, Title: d.Title, Mode: d.Mode, Stage: d.Stage})
		}
	}
	code := "zh"
	if lang == printable.En {
		code = "en"
	}
	rows := make([]printable.PlanRow, 0, len(p.Windows))
	for _, w := range p.Windows {
		rows = append(rows, printable.PlanRow{Date: w.Date, Start: w.Start, End: w.End, Name: lang.T(w.Name()), Classes: []string{w.Class},
			Status: window.StateText(w.State, code), Note: w.Reasons(code), Dossiers: byWindow[w.ID]})
	}
	return rows, nil
}
