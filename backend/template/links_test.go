package template_test

import (
	"errors"
	"testing"

	"golive/backend/template"
)

// TestChecklistLinksTo: a checklist item links only to dossier data the
// dossier has (the runbook, its scenario tests); anything else is a
// problem of the template, and the earlier built-in keeps no link and
// archives without waiting for trial-run issues.
func TestChecklistLinksTo(t *testing.T) {
	tp := template.MustDefault()
	it, _ := tp.ChecklistItem("plan.detailed_steps")
	it.LinksTo = "wiki"
	var ve *template.ValidationError
	if err := tp.Validate(); !errors.As(err, &ve) || !ve.Has(template.CodeBadSetting, "checklist[8].links_to") {
		t.Fatalf("Validate = %v, want bad_setting at the item's links_to", err)
	}
	if !template.MustDefault().Settings.ArchiveWaitsForTrialIssues {
		t.Fatal("the built-in template does not make archiving wait for the trial-run issues")
	}
	old, err := template.Earlier()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range old {
		if o.Version != "2.4" && o.Version != "2.4.1" {
			continue // 2.4.2 brought links_to and the trial-run wait
		}
		if o.Settings.ArchiveWaitsForTrialIssues {
			t.Errorf("%s: an earlier template waits for trial-run issues", o.Key())
		}
		for _, c := range o.Checklist {
			if c.LinksTo != "" {
				t.Errorf("%s: %s links to %q", o.Key(), c.ID, c.LinksTo)
			}
		}
	}
}
