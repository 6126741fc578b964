package dossier_test

import (
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/profile"
	"golive/backend/workflow"
)

// sampleFolder opens a new folder at the fixtures' clock with the sample
// portfolio (with its roster unless bare) and returns it with the id of
// the sample upgrade waiting on its countersign.
func sampleFolder(t *testing.T, bare bool) (*core.Core, string) {
	t.Helper()
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	c.Clock = func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, c.Zone) }
	load := c.LoadSample
	if bare {
		load = c.LoadSampleWithoutRoster
	}
	sum, err := load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range sum.Placed {
		if p.Type == "upgrade" && p.Subtype == "cr" && p.Mode == "planned" && p.Target == "countersign" {
			return c, p.ID
		}
	}
	t.Fatal("no sample upgrade at the countersign")
	return nil, ""
}

// unlockRole unlocks the sample profile holding role and returns its
// public key.
func unlockRole(t *testing.T, c *core.Core, role string) string {
	t.Helper()
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		for _, r := range p.Roles {
			if r == role {
				if _, err := c.Profiles.Unlock(p.ID, demo.SamplePassphrase); err != nil {
					t.Fatal(err)
				}
				return p.PublicKey
			}
		}
	}
	t.Fatalf("no sample profile holds %s", role)
	return ""
}

// TestTransferTargets: the 转交 picker offers the people of the roster in
// force with a key valid today, by their current key, never the person
// asking; the app-development director is offered by his new key, not the
// revoked old laptop's; a folder without a roster says roster.none.
func TestTransferTargets(t *testing.T) {
	c, id := sampleFolder(t, false)
	me := unlockRole(t, c, "system_owner")
	directorKey := ""
	for _, p := range mustList(t, c) {
		for _, r := range p.Roles {
			if r == "app_dev_director" {
				directorKey = p.PublicKey
			}
		}
	}
	got, err := c.Dossiers.TransferTargets(id)
	if err != nil {
		t.Fatal(err)
	}
	tip, _, err := c.Roster.InForce()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(tip.People)-1 {
		t.Fatalf("%d targets, want the %d people of the roster but the one asking", len(got), len(tip.People)-1)
	}
	var director *dossier.TransferTarget
	for i, x := range got {
		if x.Key == me {
			t.Fatalf("the person asking is offered: %+v", x)
		}
		if x.Name == "" || x.Department == "" || len(x.Fingerprint) == 0 {
			t.Fatalf("target without name, department or fingerprint: %+v", x)
		}
		if x.Person == "P-app_dev_director" {
			director = &got[i]
		}
	}
	if director == nil || director.Key != directorKey {
		t.Fatalf("app-development director offered as %+v, want his current key %s", director, directorKey)
	}
	// The offered key is one the transfer accepts, from the holder of a
	// pending row.
	row := pendingRow(t, c, id)
	unlockRole(t, c, row.Role)
	if _, err := c.Dossiers.Transfer(id, row.Step, row.Row, director.Key, "请代为审批"); err != nil {
		t.Fatalf("transfer to an offered person: %v", err)
	}

	bare, bid := sampleFolder(t, true)
	unlockRole(t, bare, "system_owner")
	if _, err := bare.Dossiers.TransferTargets(bid); !apperr.HasCode(err, workflow.CodeNoRoster) {
		t.Fatalf("without a roster: %v, want %s", err, workflow.CodeNoRoster)
	}
	if _, err := c.Dossiers.TransferTargets("no-such-dossier"); !apperr.HasCode(err, "dossier.not_found") {
		t.Fatalf("unknown dossier: %v", err)
	}
}

// mustList lists the folder's profiles.
func mustList(t *testing.T, c *core.Core) []profile.Summary {
	t.Helper()
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// pendingRow returns the first pending slot of dossier id not waiting for
// the app-development director.
func pendingRow(t *testing.T, c *core.Core, id string) workflow.Slot {
	t.Helper()
	v, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range v.State.Flow.Slots {
		if s.Status == workflow.SlotPending && s.Role != "app_dev_director" {
			return s
		}
	}
	t.Fatal("no pending slot")
	return workflow.Slot{}
}
