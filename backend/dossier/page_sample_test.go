package dossier_test

import (
	"encoding/json"
	"slices"
	"testing"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
)

// TestPageIsASliceOfList: over the sample (windows moved and cancelled
// among them), every page of every filter is exactly that slice of List's
// answer, with List's total: Page orders and dresses only what it
// returns, but must not differ.
func TestPageIsASliceOfList(t *testing.T) {
	c := sampleWithRoster(t)
	// The window manager moves the window of the latest dossier of 2026
	// to the 2nd of December.
	all, err := c.Dossiers.List(dossier.Filter{Month: "2026"})
	if err != nil {
		t.Fatal(err)
	}
	people, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if slices.Contains(p.Roles, "window_manager") {
			if _, err := c.Unlock(p.ID, demo.SamplePassphrase); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	var win dossier.Summary
	for _, d := range all {
		if d.Window != "" && d.WindowState == "open" {
			win = d
			break
		}
	}
	if win.Window == "" {
		t.Fatal("no dossier of 2026 targets an open window")
	}
	day := "2026-12-02" // before the other December windows: the order changes
	if _, err := c.Windows.Move(2026, win.Window, day, "19:30", "23:00", "机房维护，提前"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Windows.Publish(2026, "调整窗口"); err != nil {
		t.Fatal(err)
	}
	// The list's order follows the window at once (it keeps an order made
	// before the move only while nothing is written).
	at := func(list []dossier.Summary) int {
		return slices.IndexFunc(list, func(d dossier.Summary) bool { return d.ID == win.ID })
	}
	again, err := c.Dossiers.List(dossier.Filter{Month: "2026"})
	if err != nil {
		t.Fatal(err)
	}
	if at(again) == at(all) {
		t.Fatalf("dossier %s stays at place %d of 2026's list after its window moved to %s", win.ID, at(all), day)
	}
	if all, err = c.Dossiers.List(dossier.Filter{}); err != nil {
		t.Fatal(err)
	}
	filters := []dossier.Filter{{}, {Month: "2026-12"}, {Month: "2026"}, {Text: "crm"}, {Text: "发布 12"}, {Mode: "emergency"}, {Type: "upgrade"}}
	stages, systems := map[string]bool{}, map[string]bool{}
	moved := 0
	for _, d := range all {
		stages[d.Stage], systems[d.SystemCode] = true, true
		if d.WindowState != "" && d.WindowState != "open" {
			moved++
		}
	}
	for st := range stages {
		filters = append(filters, dossier.Filter{Stage: st})
	}
	for sys := range systems {
		filters = append(filters, dossier.Filter{SystemCode: sys})
	}
	if moved == 0 {
		t.Fatal("the sample has no dossier whose window moved, was cancelled or frozen")
	}
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	for _, f := range filters {
		list, err := c.Dossiers.List(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, lim := range []int{1, 7, 15} {
			for off := 0; off <= len(list)+1; off += lim {
				p, err := c.Dossiers.Page(f, off, lim)
				if err != nil {
					t.Fatal(err)
				}
				end := min(off+lim, len(list))
				want := list[min(off, len(list)):end]
				if p.Total != len(list) || p.Pending || js(p.Rows) != js(want) {
					t.Fatalf("filter %+v, rows %d+%d: page (total %d)\n%s\nwant (total %d)\n%s", f, off, lim, p.Total, js(p.Rows), len(list), js(want))
				}
			}
		}
	}
	t.Logf("%d filters over %d dossiers (%d with a window no longer open)", len(filters), len(all), moved)
}

// sampleWithRoster is a folder holding the sample with its roster, on the
// sample's clock (1 December 2026, 10:00), closed when the test ends.
func sampleWithRoster(t *testing.T) *core.Core {
	t.Helper()
	c, _ := sampleFolder(t, false)
	return c
}
