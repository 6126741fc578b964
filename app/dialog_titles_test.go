package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golive/backend/dossier"
)

// TestFileDialogsNameWhatTheFileIsFor: the dialogs that pick a dossier's
// file say which deliverable it is for, in the UI language (before, every
// upload asked 选择要上传的文件, whatever it was for).
func TestFileDialogsNameWhatTheFileIsFor(t *testing.T) {
	api := sampleAPI(t)
	list, err := api.Dossiers.List(dossier.Filter{})
	if err != nil || len(list) == 0 {
		t.Fatalf("no sample dossier: %v", err)
	}
	var id, manual string
	for _, d := range list {
		v, err := api.Dossiers.Get(d.ID)
		if err != nil || v.State.Plan == nil {
			continue
		}
		for _, s := range v.State.Plan.Steps {
			for _, x := range stepDeliverables(s) {
				if x.Name.Zh == "系统上线手册" && id == "" {
					id, manual = d.ID, x.ID
				}
			}
		}
	}
	if id == "" {
		t.Fatal("no sample dossier asks for 系统上线手册")
	}
	cases := []struct {
		lang, want string
		d          dialog
	}{
		{"zh-CN", "为「系统上线手册」选择文件", dialogAttach},
		{"en", "Choose the file for “Go-live manual”", dialogAttach},
		{"zh-CN", "选择实际发布的程序包，与登记的「待发布程序包」核对", dialogCheckPackage},
		{"en", "Save “用户测试报告.pdf”", dialogSaveDeliverable},
	}
	for _, tc := range cases {
		subject := api.Dossiers.deliverableName(id, manual)
		switch tc.d {
		case dialogCheckPackage:
			subject = api.Dossiers.packageName(id)
		case dialogSaveDeliverable:
			subject = fileSubject("/tmp/x/用户测试报告.pdf")
		}
		if got, _ := dialogStrings(tc.lang, tc.d, subject); got != tc.want {
			t.Errorf("%s %s title = %q, want %q", tc.lang, tc.d, got, tc.want)
		}
	}
	// A deliverable the dossier does not have keeps the plain title.
	if got, _ := dialogStrings("zh-CN", dialogAttach, api.Dossiers.deliverableName(id, "nope")); got != "选择要上传的文件" {
		t.Errorf("unknown deliverable: title %q", got)
	}
}

// TestEveryFileDialogHasATitle reads app/*.go: every dialog constant has
// a title in both languages, every dialog a call passes by name
// (openFile, saveFile, openFolder) is such a constant, no dialog is made
// from a bare string, and no code calls the Wails runtime's dialogs around
// the catalogue (a dialog titled "attach", "package" or nothing).
func TestEveryFileDialogHasATitle(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	constRe := regexp.MustCompile(`(?m)^\s*(?:const\s+)?(dialog[A-Z]\w*)\s+dialog\s*=\s*"([^"]+)"`)
	callRe := regexp.MustCompile(`\b(?:openFile|saveFile|openFolder)\([^,]+,[^,]+,\s*(dialog[A-Z]\w*)`)
	runtimeRe := regexp.MustCompile(`runtime\.(?:OpenFileDialog|OpenMultipleFilesDialog|SaveFileDialog|OpenDirectoryDialog)\(`)
	var calls []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		for _, m := range constRe.FindAllStringSubmatch(src, -1) {
			consts[m[1]] = m[2]
		}
		for _, m := range callRe.FindAllStringSubmatch(src, -1) {
			calls = append(calls, f+": "+m[1])
		}
		if strings.Contains(src, `dialog("`) {
			t.Errorf("%s makes a dialog from a bare string: declare a constant with its titles", f)
		}
		if f != "dialogs.go" && f != "backup_dialogs.go" && runtimeRe.MatchString(src) {
			t.Errorf("%s shows a native dialog without the titled helpers of dialogs.go", f)
		}
	}
	if len(consts) < 20 || len(calls) < 15 {
		t.Fatalf("found %d dialog constants and %d calls naming one, expected the app's twenty-odd", len(consts), len(calls))
	}
	for _, call := range calls {
		if _, ok := consts[call[strings.Index(call, ": ")+2:]]; !ok {
			t.Errorf("%s: not a dialog constant", call)
		}
	}
	for name, key := range consts {
		for _, lang := range []string{"zh-CN", "en"} {
			if title, _ := dialogStrings(lang, dialog(key)); title == "" {
				t.Errorf("%s (%s): no %s title", name, key, lang)
			}
		}
	}
}
