package app_test

import (
	"os"
	"path/filepath"
)

// packageAt writes a release package file named name holding content
// into a folder of the test and returns its path.
func packageAt(r *recorder, name, content string) string {
	r.t.Helper()
	path := filepath.Join(r.t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		r.t.Fatal(err)
	}
	return path
}

// recordPackage: the project manager of the upgrade being planned opens
// 登记程序包…; while the dialog is open a new version of the package
// arrives another way (here: recorded under his key, as a drop on the
// item does), and he cancels (file "action-package"). Then he chooses a
// package in the dialog (file "action-package-chosen"), and drops another
// on the item (file "action-package-dropped"). On the new
// system being released, the release operator drops the deployed package
// on the package check (file "action-package-drop": CheckPackageDropped,
// whatever the path). Recorded last: the dossiers gain events no other
// recording expects.
func recordPackage(r *recorder) {
	api := r.api
	const f = "action-package"
	id := r.dossier("upgrade", "cr", "planned", "planning")
	r.as("project_manager")
	v, err := api.Dossiers.Get(id)
	r.must(f, r.viewer, "DossierAPI.Get", []any{id}, v, err)
	pkg, ok := v.State.Plan.Package()
	if !ok {
		r.t.Fatalf("dossier %s has no release package", id)
	}
	meanwhile := packageAt(r, "crm-2.3.1.zip", "uploaded while the dialog was open")
	api.Dossiers.SetDialog(func(string) (string, error) {
		if _, err := r.c.Dossiers.RecordPackage(id, pkg.ID, meanwhile, "", nil); err != nil {
			r.t.Fatal(err)
		}
		return "", nil
	})
	p, err := api.Dossiers.RecordPackageFromDialog(id, pkg.ID)
	if err == nil && (p.Name != "" || p.Version != nil || len(p.Arrived) != 1) {
		r.t.Fatalf("cancelled dialog answered %q %+v %+v", p.Name, p.Version, p.Arrived)
	}
	r.must(f, r.viewer, "DossierAPI.RecordPackageFromDialog", []any{id, pkg.ID}, p, err)

	chosen := packageAt(r, "crm-2.3.2.zip", "the package chosen in the dialog")
	api.Dossiers.SetDialog(func(string) (string, error) { return chosen, nil })
	p, err = api.Dossiers.RecordPackageFromDialog(id, pkg.ID)
	r.must(f+"-chosen", r.viewer, "DossierAPI.RecordPackageFromDialog", []any{id, pkg.ID}, p, err)
	api.Dossiers.SetDialog(nil)

	// A package dropped on the item is recorded by its path, hash only
	// (file "action-package-dropped", whatever the path).
	dropped := packageAt(r, "crm-2.3.3.zip", "the package dropped on the item")
	p, err = api.Dossiers.RecordPackageDropped(id, pkg.ID, dropped)
	if err != nil || p.Version == nil || !p.Version.HashOnly {
		r.t.Fatalf("dropped package recorded as %+v: %v", p.Version, err)
	}
	r.files[f+"-dropped"] = append(r.files[f+"-dropped"], recording{Call: "DossierAPI.RecordPackageDropped", Args: []any{id, pkg.ID, "/home/pm/crm-2.3.3.zip"}, Viewer: r.viewer, AnyArgs: true, Result: p})

	id = r.dossier("new_system", "", "planned", "executing")
	r.as("release_operator")
	v, err = api.Dossiers.Get(id)
	r.must(f+"-drop", r.viewer, "DossierAPI.Get", []any{id}, v, err)
	deployed := packageAt(r, "oa-1.0.0.zip", "the package deployed")
	p, err = api.Dossiers.CheckPackageDropped(id, deployed)
	if err != nil {
		r.t.Fatal(err)
	}
	r.files[f+"-drop"] = append(r.files[f+"-drop"], recording{Call: "DossierAPI.CheckPackageDropped", Args: []any{id, "/home/op/oa-1.0.0.zip"}, Viewer: r.viewer, AnyArgs: true, Result: p})
}
