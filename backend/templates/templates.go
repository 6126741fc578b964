// Package templates keeps the process templates of a data folder: the
// embedded default (V2.4 of the guideline, version 2.4.1), the built-in
// versions of earlier GoLive builds, and every version the PMO saved,
// each stored under its key "id@version" and never changed afterwards, so a
// dossier always folds under the version it pinned. One of them is
// current: new dossiers pin it.
package templates

import (
	"encoding/json"
	"io"
	"os"
	"sort"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/store"
	"golive/backend/template"
)

const (
	bucket     = "tpl"
	bucketMeta = "tplmeta"
	keyCurrent = "current_template"
)

// Info describes one stored template version.
type Info struct {
	Key     string        `json:"key"`
	ID      string        `json:"id"`
	Version string        `json:"version"`
	Name    template.Text `json:"name"`
	// Builtin marks a version built into GoLive: the embedded default or
	// one of earlier builds.
	Builtin bool `json:"builtin"`
	// Current marks the version new dossiers pin.
	Current bool      `json:"current"`
	SavedAt time.Time `json:"saved_at"`
	SavedBy string    `json:"saved_by"`
}

// Registry resolves and stores templates.
type Registry struct {
	st  *store.Store
	def *template.Template
	// earlier are the built-in versions of earlier GoLive builds.
	earlier []*template.Template
	// Now is the clock.
	Now func() time.Time

	mu    sync.Mutex
	cache map[string]*template.Template
	// current is the key Current read last, at generation currentGen of
	// the "set" bucket (store.Generation); currentRead says it was read.
	current     string
	currentGen  uint64
	currentRead bool
}

// New returns the registry over st with the embedded default def and
// the built-in versions of earlier builds (template.Earlier).
func New(st *store.Store, def *template.Template) *Registry {
	r := &Registry{st: st, def: def, Now: time.Now, cache: map[string]*template.Template{def.Key(): def}}
	earlier, err := template.Earlier()
	if err != nil {
		// The embedded files are checked by this package's tests.
		panic("templates: an earlier built-in template is invalid: " + err.Error())
	}
	for _, t := range earlier {
		if t.Key() != def.Key() {
			r.earlier = append(r.earlier, t)
			r.cache[t.Key()] = t
		}
	}
	return r
}

// builtin reports whether key names a version built into GoLive.
func (r *Registry) builtin(key string) bool {
	if key == r.def.Key() {
		return true
	}
	for _, t := range r.earlier {
		if t.Key() == key {
			return true
		}
	}
	return false
}

// Get returns the template stored under key. Code template.not_found.
func (r *Registry) Get(key string) (*template.Template, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.cache[key]; ok {
		return t, nil
	}
	var raw json.RawMessage
	if err := r.st.Get(bucket, key, &raw); err != nil {
		if apperr.HasCode(err, "store.not_found") {
			return nil, apperr.New("template.not_found", "key", key)
		}
		return nil, err
	}
	t, err := template.Parse(raw)
	if err != nil {
		return nil, err
	}
	r.cache[key] = t
	return t, nil
}

// Current returns the template new dossiers pin: the one chosen with
// SetCurrent, else the embedded default.
func (r *Registry) Current() *template.Template {
	gen := r.st.Generation("set")
	r.mu.Lock()
	key, known := r.current, r.currentRead && r.currentGen == gen
	r.mu.Unlock()
	if !known {
		key = ""
		if err := r.st.Get("set", keyCurrent, &key); err != nil && !apperr.HasCode(err, "store.not_found") {
			return r.def // unreadable now: read again next time
		}
		r.mu.Lock()
		r.current, r.currentGen, r.currentRead = key, gen, true
		r.mu.Unlock()
	}
	if key != "" {
		if t, err := r.Get(key); err == nil {
			return t
		}
	}
	return r.def
}

// List returns every version, the default first, then by key (the
// earlier built-in versions among them).
func (r *Registry) List() ([]Info, error) {
	cur := r.Current().Key()
	out := []Info{{Key: r.def.Key(), ID: r.def.ID, Version: r.def.Version, Name: r.def.Name, Builtin: true}}
	for _, t := range r.earlier {
		out = append(out, Info{Key: t.Key(), ID: t.ID, Version: t.Version, Name: t.Name, Builtin: true})
	}
	err := r.st.Each(bucketMeta, func(_ string, raw []byte) error {
		var in Info
		if err := json.Unmarshal(raw, &in); err != nil {
			return apperr.Wrap(err, "store.corrupt", "key", "template")
		}
		if !r.builtin(in.Key) {
			out = append(out, in)
		}
		return nil
	})
	sort.SliceStable(out[1:], func(i, j int) bool { return out[i+1].Key < out[j+1].Key })
	for i := range out {
		out[i].Current = out[i].Key == cur
	}
	return out, err
}

// Save validates t and stores it as a new version; an existing key is
// refused with template.version_exists (versions never change). With
// makeCurrent it becomes current. Only a holder of the current template's
// editor role may save (template.not_permitted).
func (r *Registry) Save(t *template.Template, by string, roles []string, makeCurrent bool) (Info, error) {
	if set := r.Current().Settings; !set.MayEditTemplates(roles) {
		return Info{}, apperr.New("template.not_permitted", "role", set.TemplateEditorRole)
	}
	if err := t.Validate(); err != nil {
		return Info{}, err
	}
	key := t.Key()
	if _, err := r.Get(key); err == nil {
		return Info{}, apperr.New("template.version_exists", "key", key)
	}
	raw, err := json.Marshal(t)
	if err != nil {
		return Info{}, apperr.Wrap(err, apperr.Internal)
	}
	in := Info{Key: key, ID: t.ID, Version: t.Version, Name: t.Name, SavedAt: r.Now(), SavedBy: by}
	puts := []store.Put{{Bucket: bucket, Key: key, Value: json.RawMessage(raw)}, {Bucket: bucketMeta, Key: key, Value: in}}
	if makeCurrent {
		puts = append(puts, store.Put{Bucket: "set", Key: keyCurrent, Value: key})
	}
	if _, err := r.st.Commit(nil, puts...); err != nil {
		return Info{}, err
	}
	in.Current = makeCurrent
	return in, nil
}

// SetCurrent makes the stored version key current.
func (r *Registry) SetCurrent(key string) error {
	if _, err := r.Get(key); err != nil {
		return err
	}
	return r.st.Put("set", keyCurrent, key)
}

// Export writes the version key to path as indented JSON.
func (r *Registry) Export(key, path string) error {
	t, err := r.Get(key)
	if err != nil {
		return err
	}
	raw, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return apperr.Wrap(err, apperr.Internal)
	}
	if err := os.WriteFile(path, append(raw, '\n'), 0o600); err != nil {
		return apperr.Wrap(err, "template.write_failed", "path", path)
	}
	return nil
}

// MaxImportBytes is the largest template file Import reads
// (template.too_large, params max): the default template takes about
// 60 KiB.
const MaxImportBytes = 4 << 20

// Import reads a template JSON file of at most MaxImportBytes, validates
// it strictly and saves it as a new version (not current). It reads no
// more than MaxImportBytes and one byte whatever the file claims to be (a
// pipe or a device has no size to check beforehand). Codes:
// template.unreadable, template.too_large (max), the template's parse and
// validation codes, template.version_exists.
func (r *Registry) Import(path, by string, roles []string) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, apperr.Wrap(err, "template.unreadable", "path", path)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, MaxImportBytes+1))
	if err != nil {
		return Info{}, apperr.Wrap(err, "template.unreadable", "path", path)
	}
	if len(raw) > MaxImportBytes {
		return Info{}, apperr.New("template.too_large", "max", "4 MiB").
			WithDetail("the template file holds more than %d bytes", MaxImportBytes)
	}
	t, err := template.Parse(raw)
	if err != nil {
		return Info{}, err
	}
	return r.Save(t, by, roles, false)
}

// Raw returns the stored JSON of the saved version key, and false for a
// built-in version (every folder of this build has it) or a key not stored.
func (r *Registry) Raw(key string) ([]byte, bool, error) {
	if r.builtin(key) {
		return nil, false, nil
	}
	var raw json.RawMessage
	if err := r.st.Get(bucket, key, &raw); err != nil {
		if apperr.HasCode(err, "store.not_found") {
			return nil, false, nil
		}
		return nil, false, err
	}
	return raw, true, nil
}

// Adopt returns the records that store a template version received from
// another folder (raw, as Raw gave it there), for the caller to commit
// with the events that pin it; nil when this folder holds that version
// already with the same rules. Codes: template.invalid (the codes of
// template.Parse), template.conflict (key) when this folder holds another
// template under the same key.
func (r *Registry) Adopt(raw []byte, by string) ([]store.Put, error) {
	t, err := template.Parse(raw)
	if err != nil {
		return nil, err
	}
	key := t.Key()
	if have, err := r.Get(key); err == nil {
		a, _ := json.Marshal(have)
		b, _ := json.Marshal(t)
		if string(a) != string(b) {
			return nil, apperr.New("template.conflict", "key", key)
		}
		return nil, nil
	} else if !apperr.HasCode(err, "template.not_found") {
		return nil, err
	}
	in := Info{Key: key, ID: t.ID, Version: t.Version, Name: t.Name, SavedAt: r.Now(), SavedBy: by}
	return []store.Put{{Bucket: bucket, Key: key, Value: json.RawMessage(raw)}, {Bucket: bucketMeta, Key: key, Value: in}}, nil
}
