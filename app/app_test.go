package app_test

import (
	"encoding/json"
	"testing"

	"golive/app"
	"golive/backend/core"
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
	api := app.New(c, nil)
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
	if len(api.Bind()) != 6 {
		t.Fatal("every API area must be bound")
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
	api := app.New(nil, openErr)
	_, err = api.App.Info()
	var got struct {
		Code   string            `json:"code"`
		Params map[string]string `json:"params"`
	}
	if err == nil || json.Unmarshal([]byte(err.Error()), &got) != nil || got.Code != "store.already_open" || got.Params["dir"] != dir {
		t.Fatalf("Info() error = %v", err)
	}
}
