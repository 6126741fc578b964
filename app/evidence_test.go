package app

import (
	"strings"
	"testing"

	"golive/backend/dossier"
)

// TestChecklistUploadRefusesHugeAndEmpty: the window's evidence upload
// refuses a file above the upload limit and an empty one, recording
// nothing.
func TestChecklistUploadRefusesHugeAndEmpty(t *testing.T) {
	api := sampleAPI(t)
	list, err := api.Dossiers.List(dossier.Filter{Stage: dossier.StagePreparation})
	if err != nil || len(list) == 0 {
		t.Fatalf("no dossier in preparation: %v", err)
	}
	id := list[0].ID
	before, err := api.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	huge := strings.Repeat("A", 44<<20) // decodes to 33 MiB
	if _, err := api.Dossiers.AttachChecklistUpload(id, "pre.user_test", "big.bin", huge); err == nil || !strings.Contains(err.Error(), `"blob.too_large"`) {
		t.Fatalf("huge upload: %v", err)
	}
	if _, err := api.Dossiers.AttachChecklistUpload(id, "pre.user_test", "empty.txt", ""); err == nil || !strings.Contains(err.Error(), `"dossier.evidence_empty"`) {
		t.Fatalf("empty upload: %v", err)
	}
	after, err := api.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if after.State.Events != before.State.Events {
		t.Fatalf("refused uploads wrote %d events", after.State.Events-before.State.Events)
	}
}
