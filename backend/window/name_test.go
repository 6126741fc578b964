package window_test

import (
	"strings"
	"testing"

	"golive/backend/system"
	"golive/backend/window"
)

// A warning about two releases in one window names the window as the
// calendar does, in both languages; its params keep the id for links.
func TestWarningsNameTheirWindows(t *testing.T) {
	p := generate(2027, settings(nil))
	systems := []system.System{{Code: "CRM", Class: "java", Calls: []string{"PAY"}}, {Code: "PAY", Class: "web"}, {Code: "ERP", Class: "java"}}
	as := []window.Assignment{
		{Dossier: "D1", System: "ERP", Window: "2027-03-11-java", State: "approval"},
		{Dossier: "D2", System: "ERP", Window: "2027-03-11-java", State: "approval"},
		{Dossier: "D3", System: "CRM", Window: "2027-03-25-java", State: "approval"},
		{Dossier: "D4", System: "PAY", Window: "2027-03-25-web", State: "approval"},
	}
	ws := window.Conflicts(p.Windows, as, systems)
	if len(ws) != 2 || ws[0].Code != window.WarnSameSystem || ws[1].Code != window.WarnCallingSystems {
		t.Fatalf("warnings %+v", ws)
	}
	same, calling := ws[0], ws[1]
	if same.Params["window"] != "2027-03-11-java" {
		t.Errorf("params lost the window id: %v", same.Params)
	}
	if n := same.Names["window"]; n.Zh != "2027-03-11 周四 19:00–23:00 · Java" || n.En != "2027-03-11 Thursday 19:00–23:00 · Java" {
		t.Errorf("same_system names the window %+v", n)
	}
	if n := calling.Names["other_window"]; n.Zh != "2027-03-25 周四 19:00–23:00 · Web" {
		t.Errorf("calling_systems names the other window %+v", calling.Names)
	}
	if text := same.Text(); strings.Contains(text, "2027-03-11-java") || !strings.Contains(text, "2027-03-11 Thursday 19:00–23:00 · Java") {
		t.Errorf("CLI text %q", text)
	}
}

func TestClassOf(t *testing.T) {
	for id, want := range map[string]string{
		"2027-03-11-java": "java", "2027-03-17-packaged-x2": "packaged", "2027-3-11-java": "", "java": "", "2027-13-11-java": "",
	} {
		if got := window.ClassOf(id); got != want {
			t.Errorf("ClassOf(%q) = %q, want %q", id, got, want)
		}
	}
}
