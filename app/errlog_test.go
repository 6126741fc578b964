package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/applog"
	"golive/backend/core"
	"golive/backend/profile"
)

// coded parses an error as the frontend's bridge does.
func coded(t *testing.T, err error) (code string, params map[string]string, detail string) {
	t.Helper()
	var got struct {
		Code   string            `json:"code"`
		Params map[string]string `json:"params"`
		Detail string            `json:"detail"`
	}
	if err == nil || json.Unmarshal([]byte(err.Error()), &got) != nil {
		t.Fatalf("error %v is not coded JSON", err)
	}
	return got.Code, got.Params, got.Detail
}

// TestInternalErrorsAreLoggedAndPointToTheLog checks that an error without
// a code reaches the frontend as "internal" naming the log file, and that
// the file holds its detail, while a coded error is passed through as is.
func TestInternalErrorsAreLoggedAndPointToTheLog(t *testing.T) {
	dir := t.TempDir()
	lg := applog.Open(dir, applog.Options{})
	SetLog(lg)
	t.Cleanup(func() { SetLog(nil); lg.Close() })

	code, params, detail := coded(t, fail(errors.New("badger: value log truncated")))
	want := filepath.Join(dir, "logs", "golive.log")
	if code != "internal" || params["log"] != want || detail != "badger: value log truncated" {
		t.Fatalf("internal error reached the frontend as %s %v %q", code, params, detail)
	}
	if code, params, _ := coded(t, fail(apperr.New(apperr.Internal, "op", "compact"))); code != "internal" || params["log"] != want || params["op"] != "compact" {
		t.Fatalf("a coded internal error: %s %v", code, params)
	}
	if code, params, _ := coded(t, fail(apperr.New("dossier.not_found", "id", "R26X"))); code != "dossier.not_found" || params["log"] != "" {
		t.Fatalf("a coded error: %s %v", code, params)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "badger: value log truncated") || !strings.Contains(string(b), "TestInternalErrorsAreLoggedAndPointToTheLog") {
		t.Fatalf("the log does not hold the detail and where it happened:\n%s", b)
	}
	if _, err := New(nil, errors.New("disk full")).App.Info(); err == nil {
		t.Fatal("Info without a folder succeeded")
	} else if code, params, _ := coded(t, err); code != "internal" || params["log"] != want {
		t.Fatalf("Info: %s %v", code, params)
	}
	t.Run("WithoutALogFile", func(t *testing.T) {
		SetLog(nil)
		if code, params, _ := coded(t, fail(errors.New("boom"))); code != "internal" || params["log"] != "" {
			t.Fatalf("got %s %v", code, params)
		}
	})
}

// TestUnlockNeverLogsThePassphrase fails an unlock and an internal error
// in a profile's session and checks no passphrase reaches the log.
func TestUnlockNeverLogsThePassphrase(t *testing.T) {
	dir := t.TempDir()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	lg := applog.Open(dir, applog.Options{})
	SetLog(lg)
	t.Cleanup(func() { SetLog(nil); lg.Close() })
	api := New(c, nil)
	const right, wrong = "blue-kettle-sings-1984", "red-kettle-hums-2048"
	p, err := api.Profiles.Create(profile.CreateRequest{Name: "张伟", Department: "应用开发部", Roles: []string{"pmo"}, Passphrase: right})
	if err != nil {
		t.Fatal(err)
	}
	api.Profiles.Lock()
	if _, err := api.Profiles.Unlock(p.ID, wrong); err == nil {
		t.Fatal("a wrong passphrase unlocked")
	}
	_ = fail(errors.New("unlock of " + p.ID + " went wrong"))
	files, _ := filepath.Glob(filepath.Join(dir, "logs", "*"))
	if len(files) == 0 {
		t.Fatal("nothing was logged")
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, secret := range []string{right, wrong} {
			if strings.Contains(string(b), secret) {
				t.Errorf("%s holds the passphrase %q", f, secret)
			}
		}
		if !strings.Contains(string(b), p.ID) {
			t.Errorf("%s does not name the profile id", f)
		}
	}
}
