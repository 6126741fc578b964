package profile

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/store"
)

// BackupFormat is the value of a key backup's "format" member.
const BackupFormat = "golive-key-backup/1"

// BackupSignedPrefix starts the bytes a backup's signature covers.
const BackupSignedPrefix = "GoLive key backup v1\n"

// BackupExt is the extension of a key backup file.
const BackupExt = ".golive-key"

// MaxBackupSize bounds a key backup Import reads, in bytes; a backup is
// about 1 KiB.
const MaxBackupSize = 64 << 10

// Backup is a portable profile (a key backup): the profile's public part
// and its key sealed exactly as a profile stores it (keys.Sealed, with its
// argon2id settings, which keys.Open bounds), signed by that key so that
// nothing in the file can change unnoticed. The file is this struct as
// indented JSON. The signature is Ed25519 over BackupSignedPrefix and the
// canonical JSON (ledger.CanonicalJSON) of the backup with "signature"
// empty; it is checked before the passphrase is tried, so a damaged file
// costs no key derivation.
type Backup struct {
	// Format is always BackupFormat.
	Format string `json:"format"`
	// Profile is the profile's public part.
	Profile BackupProfile `json:"profile"`
	// Sealed is the private key sealed under the profile's passphrase.
	Sealed keys.Sealed `json:"sealed"`
	// Signature is the Ed25519 signature in lowercase hex.
	Signature string `json:"signature"`
}

// BackupProfile is the public part of a profile in a backup.
type BackupProfile struct {
	// Name is the person's name.
	Name string `json:"name"`
	// Department is the person's department.
	Department string `json:"department"`
	// Roles are the template role ids the person holds.
	Roles []string `json:"roles"`
	// CreatedAt is when the profile was first made.
	CreatedAt time.Time `json:"created_at"`
	// Sample marks a sample profile.
	Sample bool `json:"sample"`
}

// Export returns profile id as a key backup file, after checking that
// passphrase opens its key (the backup holds the key sealed exactly as
// stored, under that passphrase). Codes: profile.not_found,
// keys.wrong_passphrase, keys.kdf_out_of_range, keys.corrupt. Nothing is
// written.
func (s *Service) Export(id, passphrase string) ([]byte, error) {
	var r record
	if err := s.st.Get(bucketProfiles, id, &r); err != nil {
		if apperr.HasCode(err, "store.not_found") {
			return nil, apperr.New("profile.not_found", "id", id)
		}
		return nil, err
	}
	priv, err := keys.Open(r.Sealed, passphrase)
	if err != nil {
		return nil, err
	}
	b := Backup{
		Format: BackupFormat,
		Profile: BackupProfile{Name: r.Name, Department: r.Department, Roles: r.Roles,
			CreatedAt: r.CreatedAt, Sample: r.Sample},
		Sealed: r.Sealed,
	}
	if b.Profile.Roles == nil {
		b.Profile.Roles = []string{}
	}
	msg, err := b.signedBytes()
	if err != nil {
		return nil, err
	}
	b.Signature = hex.EncodeToString(ed25519.Sign(priv, msg))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	return buf.Bytes(), nil
}

// Import stores the profile of a key backup made by Export, after opening
// its key with passphrase, and unlocks it; the first profile of a folder
// becomes its default. It writes nothing unless every check passes, in one
// commit. Codes: profile.backup_too_large (more than MaxBackupSize bytes),
// profile.bad_backup (param problem: not a backup, an unknown member,
// a field out of bounds, or a signature that does not verify, i.e. the
// file is damaged or was changed), keys.kdf_out_of_range, keys.corrupt,
// keys.wrong_passphrase, profile.exists (the folder already holds this
// key), profile.unknown_role (a role the folder's template lacks).
func (s *Service) Import(data []byte, passphrase string) (Summary, error) {
	b, err := ParseBackup(data)
	if err != nil {
		return Summary{}, err
	}
	priv, err := keys.Open(b.Sealed, passphrase)
	if err != nil {
		return Summary{}, err
	}
	pub := priv.Public().(ed25519.PublicKey)
	id := IDFor(pub)
	var existing record
	switch err := s.st.Get(bucketProfiles, id, &existing); {
	case err == nil:
		return Summary{}, apperr.New("profile.exists", "id", id, "name", existing.Name)
	case !apperr.HasCode(err, "store.not_found"):
		return Summary{}, err
	}
	for _, role := range b.Profile.Roles {
		if s.KnownRole != nil && !s.KnownRole(role) {
			return Summary{}, apperr.New("profile.unknown_role", "role", role)
		}
	}
	list, err := s.List()
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{
		ID: id,
		Identity: Identity{PublicKey: hex.EncodeToString(pub), Name: b.Profile.Name,
			Department: b.Profile.Department, Roles: b.Profile.Roles},
		Fingerprint: keys.Fingerprint(pub),
		CreatedAt:   b.Profile.CreatedAt,
		Default:     len(list) == 0,
		Sample:      b.Profile.Sample,
	}
	puts := []store.Put{{Bucket: bucketProfiles, Key: sum.ID, Value: record{Summary: sum, Sealed: b.Sealed}}}
	// The profile's identity card; a name no card can hold (a backup made
	// before cards were checked) leaves the profile unnamed, not refused.
	if card, err := s.cardPut(sum, priv); err == nil {
		puts = append(puts, card)
	}
	if sum.Default {
		puts = append(puts, store.Put{Bucket: bucketSettings, Key: keyDefault, Value: sum.ID})
	}
	if _, err := s.st.Commit(nil, puts...); err != nil {
		return Summary{}, err
	}
	s.cardWritten()
	s.setCurrent(sum, priv)
	return sum, nil
}

// ParseBackup reads a key backup strictly and verifies its signature; it
// needs no passphrase and opens nothing. Codes: profile.backup_too_large,
// profile.bad_backup (param problem).
func ParseBackup(data []byte) (Backup, error) {
	if len(data) > MaxBackupSize {
		return Backup{}, apperr.New("profile.backup_too_large", "max", strconv.Itoa(MaxBackupSize)).
			WithDetail("the key backup holds more than %d bytes", MaxBackupSize)
	}
	bad := func(problem, format string, args ...any) (Backup, error) {
		return Backup{}, apperr.New("profile.bad_backup", "problem", problem).WithDetail(format, args...)
	}
	var b Backup
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		switch {
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			return bad("unknown_field", "%v", err)
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return bad("truncated", "the key backup stops early")
		}
		return bad("malformed", "%v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return bad("malformed", "data after the key backup's JSON object")
	}
	if !utf8.Valid(data) {
		return bad("malformed", "the key backup is not UTF-8 text")
	}
	if _, err := ledger.CanonicalJSON(json.RawMessage(data)); err != nil {
		return bad("malformed", "%v", err)
	}
	p := b.Profile
	pub, err := hex.DecodeString(b.Sealed.Public)
	switch {
	case b.Format != BackupFormat:
		return bad("format", "the format is %q, not %q", b.Format, BackupFormat)
	case strings.TrimSpace(p.Name) == "" || utf8.RuneCountInString(p.Name) > 64 ||
		strings.TrimSpace(p.Department) == "" || utf8.RuneCountInString(p.Department) > 128 ||
		len(p.Roles) == 0 || len(p.Roles) > 64 || p.CreatedAt.IsZero():
		return bad("profile", "the profile's name, department, roles or creation time is missing or too long")
	case err != nil || len(pub) != ed25519.PublicKeySize || b.Sealed.Public != strings.ToLower(b.Sealed.Public):
		return bad("public_key", "the public key is not %d bytes of lowercase hex", ed25519.PublicKeySize)
	}
	for _, r := range p.Roles {
		if r == "" || len(r) > 64 {
			return bad("profile", "a role id is empty or too long")
		}
	}
	sig, err := hex.DecodeString(b.Signature)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return bad("signature", "the signature is not %d bytes of hex", ed25519.SignatureSize)
	}
	msg, err := b.signedBytes()
	if err != nil {
		return Backup{}, err
	}
	if !ed25519.Verify(pub, msg, sig) {
		return bad("signature", "the signature does not verify: the file was changed or damaged")
	}
	return b, nil
}

// signedBytes returns what a backup's signature covers.
func (b Backup) signedBytes() ([]byte, error) {
	b.Signature = ""
	canon, err := ledger.CanonicalJSON(b)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	return append([]byte(BackupSignedPrefix), canon...), nil
}
