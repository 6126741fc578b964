package dossier

import (
	"bytes"
	"encoding/base64"
	"image"
	_ "image/jpeg" // scanned signature pages
	_ "image/png"  // handwriting from the signature pad
	"io"
	"slices"
	"strconv"
	"strings"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/workflow"
)

// Bounds of a witnessed decision's signature image (在场签字).
const (
	// MaxWitnessImage is the largest image accepted, decoded (512 KiB).
	MaxWitnessImage = 512 << 10
	// MinWitnessSide and MaxWitnessSide bound the image's width and height
	// in pixels.
	MinWitnessSide = 32
	MaxWitnessSide = 4096
)

// WitnessRequest makes a decision a witnessed one (在场签字): the approver
// Person (a roster person id) signed by hand on the unlocked profile's
// screen, or on a paper page scanned here. The event is signed by the
// profile's key, the device owner's.
type WitnessRequest struct {
	// Person is the roster person id of the approver.
	Person string `json:"person"`
	// Image is the signature image in base64 (a data: URL prefix is
	// accepted): a PNG for handwriting, a PNG or JPEG for a scan.
	Image string `json:"image"`
	// Kind is "handwritten" (signature pad) or "scan" (paper page).
	Kind string `json:"kind"`
}

// SignatureImage decodes and checks a handwritten signature drawn on the
// signature pad (base64, a data: URL prefix accepted) as a witnessed
// decision's is checked: see witnessImage for its codes.
func SignatureImage(data string) ([]byte, error) {
	return witnessImage(WitnessRequest{Person: "-", Kind: workflow.WitnessHandwritten, Image: data})
}

// witnessImage decodes and checks a witness image: base64 of at most
// MaxWitnessImage bytes, a real PNG (or, for a scan, JPEG) image of sane
// dimensions with some ink on it. Codes workflow.witness_image_encoding,
// workflow.witness_image_too_large, workflow.witness_image_format,
// workflow.witness_image_size, workflow.witness_image_blank,
// workflow.bad_witness (unknown kind).
func witnessImage(r WitnessRequest) ([]byte, error) {
	if r.Kind != workflow.WitnessHandwritten && r.Kind != workflow.WitnessScan {
		return nil, apperr.New("workflow.bad_witness", "person", r.Person, "kind", r.Kind)
	}
	data := strings.TrimSpace(r.Image)
	if strings.HasPrefix(data, "data:") {
		if i := strings.Index(data, ","); i >= 0 {
			data = data[i+1:]
		}
	}
	max := strconv.Itoa(MaxWitnessImage / 1024)
	if base64.StdEncoding.DecodedLen(len(data)) > MaxWitnessImage+2 {
		return nil, apperr.New("workflow.witness_image_too_large", "max_kib", max)
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil || len(raw) == 0 {
		return nil, apperr.New("workflow.witness_image_encoding")
	}
	if len(raw) > MaxWitnessImage {
		return nil, apperr.New("workflow.witness_image_too_large", "max_kib", max)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	allowed := []string{"png"}
	if r.Kind == workflow.WitnessScan {
		allowed = append(allowed, "jpeg")
	}
	if err != nil || !slices.Contains(allowed, format) {
		return nil, apperr.New("workflow.witness_image_format", "kind", r.Kind, "formats", strings.Join(allowed, ","))
	}
	if cfg.Width < MinWitnessSide || cfg.Height < MinWitnessSide || cfg.Width > MaxWitnessSide || cfg.Height > MaxWitnessSide {
		return nil, apperr.New("workflow.witness_image_size", "width", strconv.Itoa(cfg.Width), "height", strconv.Itoa(cfg.Height),
			"min", strconv.Itoa(MinWitnessSide), "max", strconv.Itoa(MaxWitnessSide))
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, apperr.New("workflow.witness_image_format", "kind", r.Kind, "formats", strings.Join(allowed, ","))
	}
	if !inked(img) {
		return nil, apperr.New("workflow.witness_image_blank")
	}
	return raw, nil
}

// inked reports whether img has a dark, opaque pixel: a signature pad's
// empty canvas (transparent or white) has none.
func inked(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a >= 0x8000 && (r+g+bl)/3 < 0xa000 {
				return true
			}
		}
	}
	return false
}

// storeWitness checks r's image and stages it in the blob store,
// returning the witness the decision's body carries and the staged image,
// which the caller keeps once the decision is committed (settle): an event
// the fold refuses is not written and its image not kept.
func (s *Service) storeWitness(r *WitnessRequest) (*workflow.Witness, *blob.Staged, error) {
	if r == nil {
		return nil, nil, nil
	}
	if strings.TrimSpace(r.Person) == "" {
		return nil, nil, apperr.New("workflow.bad_witness", "person", r.Person, "kind", r.Kind)
	}
	raw, err := witnessImage(*r)
	if err != nil {
		return nil, nil, err
	}
	if s.Blobs == nil {
		return nil, nil, apperr.New("blob.unavailable")
	}
	staged, err := s.Blobs.Stage(bytes.NewReader(raw), MaxWitnessImage, nil)
	if err != nil {
		return nil, nil, err
	}
	return &workflow.Witness{Person: strings.TrimSpace(r.Person), Image: staged.SHA256, Kind: r.Kind}, staged, nil
}

// WitnessImage returns the signature image of a witnessed decision, by
// its SHA-256, as a data: URL the window can show. Codes blob.not_found,
// blob.bad_digest, workflow.witness_image_too_large.
func (s *Service) WitnessImage(sha256 string) (string, error) {
	raw, err := s.witnessBytes(sha256)
	if err != nil {
		return "", err
	}
	mime := "image/png"
	if _, format, err := image.DecodeConfig(bytes.NewReader(raw)); err == nil && format == "jpeg" {
		mime = "image/jpeg"
	}
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(raw), nil
}

// witnessBytes reads a signature image from the blob store, bounded.
func (s *Service) witnessBytes(sha256 string) ([]byte, error) {
	if s.Blobs == nil {
		return nil, apperr.New("blob.unavailable")
	}
	f, err := s.Blobs.Open(sha256)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, MaxWitnessImage+1))
	if err != nil {
		return nil, apperr.Wrap(err, "blob.io", "path", sha256)
	}
	if len(raw) > MaxWitnessImage {
		return nil, apperr.New("workflow.witness_image_too_large", "max_kib", strconv.Itoa(MaxWitnessImage/1024))
	}
	return raw, nil
}

// WitnessImages returns a reader of signature images by SHA-256, for
// documents that print them (pdf.Options.Images).
func (s *Service) WitnessImages() func(sha256 string) ([]byte, error) {
	if s == nil {
		return nil
	}
	return s.witnessBytes
}

// claimed returns the roster version event e names, the first version when
// it names none, and whether e counts as recorded because the first
// version adopted it.
func (j *judge) claimed(e ledger.Event) (version string, adopted bool) {
	var c rosterClaim
	_ = e.Decode(&c)
	if c.Roster != "" {
		return c.Roster, false
	}
	if e.ID != "" && (slices.Contains(j.adopted, e.ID) || ancestor(j.parents, e.ID, j.adopted)) {
		return "", true
	}
	return j.root, false
}

// authorize asks the roster whether e counts in role under version. A
// witnessed decision (在场签字) is judged for the approver it names, its
// key being the witnessing device owner's (roster.AuthorizeWitnessed).
func (j *judge) authorize(d roster.Dossier, e ledger.Event, version, role string) roster.Verdict {
	if e.Kind == workflow.KindDecided {
		var b workflow.DecideBody
		if e.Decode(&b) == nil && b.Witness != nil {
			return roster.AuthorizeWitnessed(j.chain, d, roster.ActOf(e, version), b.Witness.Person, role)
		}
	}
	return roster.Authorize(j.chain, d, roster.ActOf(e, version), role)
}

// delegate decides whether the transfer e may hand a decision to the key
// to: the roster version e names must list the key (roster.delegate_unknown).
// A transfer the first version adopted counts as recorded.
func (j *judge) delegate(e ledger.Event, to string) error {
	version, adopted := j.claimed(e)
	if adopted {
		return nil
	}
	if _, ok := j.chain.PersonOf(version, to); !ok {
		return apperr.New(roster.CodeDelegateUnknown, "key", to, "fingerprint", keys.FingerprintHex(to))
	}
	return nil
}

// stamp writes on the decision event id made, once the workflow applied
// it, the person it counts for and whom it was made for (代审批): the deed
// the roster counted it as, or, for a decision by a slot's delegate after
// a transfer (which the roster does not judge), the key's owner in the
// version the event names.
func (j *judge) stamp(flow *workflow.State, e ledger.Event) {
	if flow == nil || (e.Kind != workflow.KindDecided && e.Kind != workflow.KindSubmitted) {
		return
	}
	var d *workflow.Decision
	for i := range flow.Slots {
		if dd := flow.Slots[i].Decision; dd != nil && dd.Event == e.ID {
			d = dd
		}
	}
	if d == nil {
		return
	}
	version, adopted := j.claimed(e)
	if deed, ok := j.deeds[e.ID]; ok {
		d.Person, d.For = deed.Person, deed.For
	} else if p, ok := j.chain.PersonOf(version, e.Author); ok && !adopted {
		d.Person = p.ID
	}
	if v, ok := j.chain.Version(version); ok {
		if p, ok := v.Person(d.Person); ok {
			d.PersonName = p.Name
		}
		if p, ok := v.Person(d.For); ok {
			d.ForName = p.Name
		}
	}
}

// witnessSlots lists the pending slots of v where the unlocked profile me
// may record a witnessed decision (在场签字): the step allows it, a roster
// is in force and its latest version lists the profile's key. Whether the
// approver chosen may decide is the fold's to say when the decision is
// made (see Candidates).
func (s *Service) witnessSlots(v View, me *profile.Summary) []string {
	out := []string{}
	st := v.State
	if me == nil || st.Plan == nil || st.Flow == nil || st.Flow.Phase == workflow.PhaseDraft || st.Flow.Phase == workflow.PhaseArchived {
		return out
	}
	chain, err := s.chain()
	if err != nil || chain == nil {
		return out
	}
	tip, ok := chain.Tip()
	if !ok {
		return out
	}
	if _, listed := tip.KeyOwner(me.PublicKey); !listed {
		return out
	}
	for _, sl := range st.Flow.Slots {
		if sl.Status == workflow.SlotPending && st.Plan.WitnessAllowed(sl.Step, sl.Row) {
			out = append(out, sl.Key())
		}
	}
	return out
}

// Candidate is a person who may decide a slot under the roster in force,
// for the witnessed decision's approver picker and for 转交.
type Candidate struct {
	// Person is the roster person id; Name and Department are his.
	Person     string `json:"person"`
	Name       string `json:"name"`
	Department string `json:"department"`
	// For is the person id he would act for by delegation (代审批), "" when
	// he holds the role himself; ForName is that person's name.
	For     string `json:"for,omitempty"`
	ForName string `json:"for_name,omitempty"`
	// Key is his current key (lowercase hex), "" when he has no valid one:
	// he can then decide only by 在场签字.
	Key string `json:"key,omitempty"`
	// Fingerprint is the key's fingerprint, "" without a key.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Candidates lists who may decide slot step/row of dossier id under the
// roster in force, today: the people holding the slot's role on this
// dossier themselves or by a delegation covering today (roster
// Chain.Holders), minus the submitter's person (no one decides his own
// submission). Codes: dossier.not_found, workflow.unknown_slot, roster.none
// (the folder has no roster).
func (s *Service) Candidates(id, step, row string) ([]Candidate, error) {
	v, err := s.get(id)
	if err != nil {
		return nil, err
	}
	st := v.State
	if st.Plan == nil || st.Flow == nil {
		return nil, apperr.New("workflow.no_flow", "type", st.Type)
	}
	spec, ok := st.Plan.Slot(step, row)
	if !ok {
		return nil, apperr.New("workflow.unknown_slot", "step", step, "row", row)
	}
	chain, err := s.chain()
	if err != nil {
		return nil, err
	}
	tip, ok := chain.Tip()
	if !ok {
		return nil, apperr.New(workflow.CodeNoRoster)
	}
	tpl, err := s.Resolve(st.Template)
	if err != nil {
		return nil, err
	}
	d := roster.Dossier{Template: tpl, System: st.SystemCode}
	submitter := ""
	if sub := st.Flow.Submission; sub != nil {
		if p, ok := tip.KeyOwner(sub.By); ok {
			d.Applicant, submitter = p.ID, p.ID
		}
	}
	date := s.Now().In(zoneOf(st.Zone)).Format(roster.DateLayout)
	out := []Candidate{}
	for _, h := range chain.Holders(tip.Event, d, spec.Role, date) {
		if submitter != "" && (h.Person == submitter || h.For == submitter) {
			continue
		}
		c := Candidate{Person: h.Person, Name: h.Name, Department: h.Department, For: h.For, ForName: h.ForName, Key: h.Key}
		if h.Key != "" {
			c.Fingerprint = keys.FingerprintHex(h.Key)
		}
		out = append(out, c)
	}
	return out, nil
}
