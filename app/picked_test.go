package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/demo"
)

// sample is the sample folder behind the bound API.
type sample struct {
	api    *API
	placed []demo.Placed
}

// openSample loads the sample portfolio into a new folder.
func openSample(t *testing.T) sample {
	t.Helper()
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	sum, err := c.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	return sample{api: New(c, nil), placed: sum.Placed}
}

// as signs in the sample profile named name (张伟 the project manager,
// 马超 the release operator).
func (s sample) as(t *testing.T, name string) {
	t.Helper()
	profiles, err := s.api.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range profiles {
		if p.Name == name {
			if _, err := s.api.Profiles.Unlock(p.ID, demo.SamplePassphrase); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no sample profile %s", name)
}

// upgrade returns the sample planned upgrade (cr) left at target and the
// id of its release package deliverable.
func (s sample) upgrade(t *testing.T, target string) (id, pkg string) {
	t.Helper()
	for _, p := range s.placed {
		if p.Type == "upgrade" && p.Subtype == "cr" && p.Mode == "planned" && p.Target == target {
			id = p.ID
		}
	}
	v, err := s.api.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	d, ok := v.State.Plan.Package()
	if !ok {
		t.Fatalf("dossier %s has no release package deliverable", id)
	}
	return id, d.ID
}

// packageFile writes a release package file and returns its path.
func packageFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPickedFiles runs the dialog and drop checks on one sample folder.
func TestPickedFiles(t *testing.T) {
	s := openSample(t)
	t.Run("CancelledPackageDialogRecordsNothing", func(t *testing.T) { cancelledPackageDialog(t, s) })
	t.Run("CheckPackageDropped", func(t *testing.T) { checkPackageDropped(t, s) })
}

// cancelledPackageDialog: the project manager opens 登记程序包…, uploads a
// new version of the package another way while the dialog is open, and
// cancels. The answer says nothing was chosen (the window then reports
// no success) and names the version that arrived; nothing else was
// recorded.
func cancelledPackageDialog(t *testing.T, s sample) {
	s.as(t, "张伟")
	id, pkg := s.upgrade(t, "planning")
	d := s.api.Dossiers
	before, err := d.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	n := len(versionsOf(before, pkg))
	d.choose = func(dlg dialog) (string, error) {
		if dlg != dialogRecordPackage {
			t.Errorf("dialog %s, want %s", dlg, dialogRecordPackage)
		}
		// While the dialog is open: the same package dropped on the item.
		if _, err := d.recordPackageAt(id, pkg, packageFile(t, "crm-2.4.0.zip", "dropped meanwhile")); err != nil {
			t.Fatal(err)
		}
		return "", nil // cancelled
	}
	got, err := d.RecordPackageFromDialog(id, pkg)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "" || got.Version != nil {
		t.Fatalf("a cancelled dialog answered a recorded file: name %q, version %+v", got.Name, got.Version)
	}
	if len(got.Arrived) != 1 || got.Arrived[0].Name != "crm-2.4.0.zip" || got.Arrived[0].No != n+1 {
		t.Fatalf("arrived = %+v, want crm-2.4.0.zip as version %d", got.Arrived, n+1)
	}
	if vs := versionsOf(got.View, pkg); len(vs) != n+1 {
		t.Fatalf("the view holds %d versions, want %d (the one dropped, nothing for the cancelled dialog)", len(vs), n+1)
	}
	after, _ := d.Get(id)
	if after.State.Events != before.State.Events+1 {
		t.Fatalf("events %d -> %d: the cancelled dialog recorded something", before.State.Events, after.State.Events)
	}

	t.Run("AChosenFileIsNamedWithItsVersion", func(t *testing.T) {
		path := packageFile(t, "crm-2.4.1.zip", "the package chosen")
		d.choose = func(dialog) (string, error) { return path, nil }
		got, err := d.RecordPackageFromDialog(id, pkg)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "crm-2.4.1.zip" || got.Version == nil || got.Version.No != n+2 || !got.Version.HashOnly || len(got.Arrived) != 0 {
			t.Fatalf("got name %q, version %+v, arrived %+v", got.Name, got.Version, got.Arrived)
		}
	})
	t.Run("ACancelledAttachRecordsNothing", func(t *testing.T) {
		d.choose = func(dialog) (string, error) { return "", nil }
		got, err := d.AttachFromDialog(id, pkg, "")
		if err != nil || got.Name != "" || got.Version != nil || len(got.Arrived) != 0 {
			t.Fatalf("got %q %+v %+v, %v", got.Name, got.Version, got.Arrived, err)
		}
	})
}

// checkPackageDropped: on release day a package dropped on the
// package check is hashed and compared like one chosen in the dialog; a
// cancelled check dialog records no check; a dropped file that is gone
// is refused naming it.
func checkPackageDropped(t *testing.T, s sample) {
	s.as(t, "马超")
	id, pkg := s.upgrade(t, "executing")
	d := s.api.Dossiers
	before, err := d.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	approved := before.State.Flow.Latest(pkg)
	if approved == nil || before.State.Flow.Execution.PackageCheck != nil {
		t.Fatalf("sample dossier %s: approved package %+v, check %+v", id, approved, before.State.Flow.Execution.PackageCheck)
	}
	d.choose = func(dialog) (string, error) { return "", nil }
	got, err := d.CheckPackageFromDialog(id)
	if err != nil || got.Name != "" || got.View.State.Flow.Execution.PackageCheck != nil {
		t.Fatalf("cancelled check: %q, %+v, %v", got.Name, got.View.State.Flow.Execution.PackageCheck, err)
	}
	got, err = d.CheckPackageDropped(id, packageFile(t, "crm-2.3.0.zip", "a package rebuilt on the day"))
	if err != nil {
		t.Fatal(err)
	}
	check := got.View.State.Flow.Execution.PackageCheck
	if got.Name != "crm-2.3.0.zip" || check == nil || check.Name != "crm-2.3.0.zip" || check.Match {
		t.Fatalf("dropped check: name %q, check %+v", got.Name, check)
	}
	gone := filepath.Join(t.TempDir(), "gone.zip")
	if _, err := d.CheckPackageDropped(id, gone); err == nil || !strings.Contains(err.Error(), `"code":"blob.unreadable"`) || !strings.Contains(err.Error(), "gone.zip") {
		t.Fatalf("a dropped file that is gone: %v", err)
	}
}
