package app_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golive/app"
)

// TestExchangeFilesFromArgs: "golive F.golive" (a file opened with the
// app) names the exchange file, relative to where the app was started;
// flags, other files and names of files that do not exist are not taken.
func TestExchangeFilesFromArgs(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"R26-a.golive", "B.GOLIVE", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"--data", "/somewhere", "R26-a.golive", filepath.Join(dir, "B.GOLIVE"), "notes.txt", "missing.golive", "-x.golive"}
	got := app.ExchangeFiles(args, dir)
	want := []string{filepath.Join(dir, "R26-a.golive"), filepath.Join(dir, "B.GOLIVE")}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ExchangeFiles = %v, want %v", got, want)
	}

	api := app.New(nil, nil)
	if !api.Exchange.Open(args, dir) || api.Exchange.Open([]string{"notes.txt"}, dir) {
		t.Fatal("Open should report whether exchange files were handed over")
	}
	if taken := api.Exchange.TakeOpened(); !reflect.DeepEqual(taken, want) {
		t.Fatalf("TakeOpened = %v, want %v", taken, want)
	}
	if again := api.Exchange.TakeOpened(); len(again) != 0 {
		t.Fatalf("the files are taken once, got %v again", again)
	}
}
