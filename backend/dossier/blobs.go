package dossier

import (
	"encoding/json"

	"golive/backend/blob"
	"golive/backend/workflow"
)

// BlobKinds are the event kinds whose bodies may reference blobs: those
// BlobRefs reads. A reader that skips other events cheaply (the start-up
// sweep) takes its list from here.
var BlobKinds = []string{KindChecklist, KindReviewMinutes, workflow.KindAttached, workflow.KindFiled, workflow.KindDecided, workflow.KindSameDayTest}

// BlobRefs returns the digests of the blobs an event of kind with body
// references: the file of an attachment (not a package recorded by hash
// only), the documents a filing made, the signature image of a
// witnessed decision or same-day test, a checklist item's evidence
// file and a review meeting's minutes with its attendees' signatures. It is
// the one place that knows which events point into the blob store; the
// start-up sweep (core) keeps exactly the blobs it names. A body it cannot
// read references nothing.
func BlobRefs(kind string, body json.RawMessage) []string {
	switch kind {
	case KindChecklist:
		var b checklistBody
		if json.Unmarshal(body, &b) == nil && b.File != nil && b.File.SHA256 != "" {
			return []string{b.File.SHA256}
		}
	case KindReviewMinutes:
		var b ReviewMinutesBody
		if json.Unmarshal(body, &b) == nil {
			var out []string
			if b.File.SHA256 != "" {
				out = append(out, b.File.SHA256)
			}
			for _, a := range b.Attendance {
				if a.Signature != "" {
					out = append(out, a.Signature)
				}
			}
			return out
		}
	case workflow.KindAttached:
		var b workflow.AttachBody
		if json.Unmarshal(body, &b) == nil && !b.HashOnly && b.SHA256 != "" {
			return []string{b.SHA256}
		}
	case workflow.KindFiled:
		var b workflow.FileBody
		if json.Unmarshal(body, &b) == nil {
			var out []string
			for _, f := range b.Files {
				if f.SHA256 != "" {
					out = append(out, f.SHA256)
				}
			}
			return out
		}
	case workflow.KindDecided:
		var b workflow.DecideBody
		if json.Unmarshal(body, &b) == nil && b.Witness != nil && b.Witness.Image != "" {
			return []string{b.Witness.Image}
		}
	case workflow.KindSameDayTest:
		var b workflow.SameDayTestBody
		if json.Unmarshal(body, &b) == nil && b.Witness != nil && b.Witness.Image != "" {
			return []string{b.Witness.Image}
		}
	}
	return nil
}

// settle finishes a staged blob once the event meant to reference it was
// tried on dossier id, err being the outcome: the blob is kept when the
// event is in the ledger and removed when it is not. An error may come
// after the event was committed (reading the new view back), so on error
// the dossier's stored events are asked; when even they cannot be read,
// the blob stays staged and the start-up sweep decides. It returns err, or
// Keep's error after a commit.
func (s *Service) settle(id string, b *blob.Staged, err error) error {
	if b == nil {
		return err
	}
	if err == nil {
		return b.Keep()
	}
	evs, rerr := s.st.Events(id)
	if rerr != nil {
		return err
	}
	for _, e := range evs {
		for _, sum := range BlobRefs(e.Kind, e.Body) {
			if sum == b.SHA256 {
				_ = b.Keep() // the next sweep retries a failed move
				return err
			}
		}
	}
	b.Discard()
	return err
}
