package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/profile"
)

// TestErrorsReachTheFrontendCoded checks that a failed call rejects with the
// JSON form the frontend's bridge parses: a code and its parameters.
func TestErrorsReachTheFrontendCoded(t *testing.T) {
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	api := New(c, nil)
	_, err = api.Profiles.Create(profile.CreateRequest{Name: "张伟", Department: "应用开发部", Roles: []string{"nope"}, Passphrase: "passphrase-1"})
	var got struct {
		Code   string            `json:"code"`
		Params map[string]string `json:"params"`
	}
	if err == nil || json.Unmarshal([]byte(err.Error()), &got) != nil {
		t.Fatalf("error %v is not coded JSON", err)
	}
	if got.Code != "profile.unknown_role" || got.Params["role"] != "nope" {
		t.Fatalf("got %+v", got)
	}
	// Every API area (each field of API) is bound, once.
	fields := reflect.ValueOf(api).Elem()
	bound := map[any]bool{}
	for _, b := range api.Bind() {
		bound[b] = true
	}
	for i := 0; i < fields.NumField(); i++ {
		if !bound[fields.Field(i).Interface()] {
			t.Errorf("API.%s is not bound", fields.Type().Field(i).Name)
		}
	}
	if len(api.Bind()) != fields.NumField() {
		t.Errorf("%d structs bound for %d API areas", len(api.Bind()), fields.NumField())
	}
}

func TestLockedFolderReportedByInfo(t *testing.T) {
	dir := t.TempDir()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, openErr := core.Open(dir)
	api := New(nil, openErr)
	_, err = api.App.Info()
	var got struct {
		Code   string            `json:"code"`
		Params map[string]string `json:"params"`
	}
	if err == nil || json.Unmarshal([]byte(err.Error()), &got) != nil || got.Code != "store.already_open" || got.Params["dir"] != dir {
		t.Fatalf("Info() error = %v", err)
	}
}

// TestExportNeedsAnUnlockedSigner exports a signed PDF after loading the
// sample data (which unlocks the sample project manager) and refuses once
// the profile is locked.
func TestExportNeedsAnUnlockedSigner(t *testing.T) {
	api := sampleAPI(t)
	list, err := api.Dossiers.List(dossier.Filter{Stage: dossier.StageArchive})
	if err != nil || len(list) == 0 {
		t.Fatalf("no archived sample dossier: %v", err)
	}
	path := filepath.Join(t.TempDir(), "confirmation.pdf")
	out, err := api.Docs.exportPDFTo(documents.Request{Kind: "confirmation", Dossier: list[0].ID}, path)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := os.ReadFile(path)
	if out.Pages < 1 || !bytes.HasPrefix(head, []byte("%PDF")) {
		t.Fatalf("export wrote %d pages, %q…", out.Pages, head[:8])
	}
	report, err := api.Docs.verifyFile(path)
	if err != nil || report.Status != "match" {
		t.Fatalf("verify = %+v, %v", report, err)
	}
	api.Profiles.Lock()
	_, err = api.Docs.exportPDFTo(documents.Request{Kind: "confirmation", Dossier: list[0].ID}, path)
	if err == nil || !strings.Contains(err.Error(), `"profile.locked"`) {
		t.Fatalf("export while locked: %v", err)
	}
}

// sampleAPI opens a new folder with the sample data loaded (the sample
// project manager unlocked) and returns its bound API; the folder closes
// with the test.
func sampleAPI(t *testing.T) *API {
	t.Helper()
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	api := New(c, nil)
	if _, err := api.App.LoadSampleData(); err != nil {
		t.Fatal(err)
	}
	return api
}
