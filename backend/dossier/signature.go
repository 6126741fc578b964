package dossier

import (
	"golive/backend/apperr"
	"golive/backend/workflow"
)

// CodeSignatureNotFound is the error code of SignatureImage for an image
// that is not the handwriting (or scanned page) of a witnessed decision of
// the dossier asked about.
const CodeSignatureNotFound = "dossier.signature_not_found"

// SignatureImage returns, as a data: URL the window can show, the
// handwritten signature (手写签名) or scanned signature page of a
// witnessed decision or same-day test (在场签字) recorded in dossier id,
// by its SHA-256. Only an image some decision or same-day test event of
// that dossier names as its witness's is served: the blob store holds deliverables too, which are
// not for showing this way. Codes: dossier.not_found,
// dossier.signature_not_found, and those of WitnessImage.
func (s *Service) SignatureImage(id, sha256 string) (string, error) {
	ok, err := s.hasSignature(id, sha256)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", apperr.New(CodeSignatureNotFound, "id", id, "sha256", sha256)
	}
	return s.WitnessImage(sha256)
}

// hasSignature reports whether a decision or same-day test event of
// dossier id (applied or not) names sha256 as its witness's signature
// image.
func (s *Service) hasSignature(id, sha256 string) (bool, error) {
	evs, err := s.events(id)
	if err != nil {
		return false, err
	}
	if sha256 == "" {
		return false, nil
	}
	for _, e := range evs {
		if e.Kind != workflow.KindDecided && e.Kind != workflow.KindSameDayTest {
			continue
		}
		// Both kinds reference one blob only: the witness's image.
		if refs := BlobRefs(e.Kind, e.Body); len(refs) == 1 && refs[0] == sha256 {
			return true, nil
		}
	}
	return false, nil
}
