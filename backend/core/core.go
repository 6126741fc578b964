// Package core wires GoLive's services over one data folder: the store, the
// template, profiles, systems, dossiers, holidays and release windows. The
// desktop app, the CLI and the tests all start from Open.
package core

import (
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/exchange"
	"golive/backend/fsplace"
	"golive/backend/holiday"
	"golive/backend/keys"
	"golive/backend/meeting"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/store"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/templates"
	"golive/backend/window"
	"golive/backend/workflow"
)

// Version is the app version, set at build time with -ldflags.
var Version = "0.1.0-dev"

// Core is an open data folder with its services.
type Core struct {
	// Store is the Badger-backed store.
	Store *store.Store
	// Profiles manages local profiles and the unlocked key.
	Profiles *profile.Service
	// Systems is the register of application systems.
	Systems *system.Register
	// Dossiers creates and edits release dossiers.
	Dossiers *dossier.Service
	// Zone is the zone new records store their times in.
	Zone *time.Location
	// Clock, when set, replaces time.Now for the sample data.
	Clock func() time.Time

	// Templates holds the default and the PMO's saved template versions.
	Templates *templates.Registry
	// Holidays holds the built-in and imported holiday schedules.
	Holidays *holiday.Service
	// Windows plans and publishes the yearly release-window plans.
	Windows *window.Service
	// Roster is the organisation roster signed by the PMO: who may act in
	// which role (the dossier fold asks it).
	Roster *roster.Service
	// Meetings keeps the go-live review meetings chaired here.
	Meetings *meeting.Service
	// swept is what the start-up sweep of a read-write Open removed and
	// kept (sweep.go), once sweepDone is closed.
	swept     SweepReport
	sweepDone chan struct{}
	// sweepNow starts the sweep before its delay (Swept, Close).
	sweepNow  chan struct{}
	sweepOnce sync.Once
	// sweepStop asks a running sweep to stop (Close).
	sweepStop atomic.Bool

	// Damage lists what is wrong with a folder OpenForApp opened
	// read-only because it was found damaged at the open; nil otherwise.
	// Damaged adds what the background verification of OpenForApp found
	// later.
	Damage []store.Damage
	// closing is closed by Close: the start-up sweep stops waiting for
	// the background verification.
	closing     chan struct{}
	closingOnce sync.Once

	sign signing
	// importMu runs one import at a time (a sync and a dropped file).
	importMu sync.Mutex

	// Idle gives the heap's free memory back to the kernel once the app
	// rests after work (store.IdleTrim); OpenForApp starts it, Close
	// stops it; nil for the other opens.
	Idle *store.IdleTrim
}

// idleRest is how long the app must rest after work before the memory
// its heap grew into is given back (store.IdleTrim). A trim releases every
// free page, so the next action's allocations fault fresh pages in and
// run on emptied pools: Decide on the large sample took 3.7-3.8 ms (p50)
// after a trim against 2.6-2.8 after a bare collection. A minute keeps
// that cost off the actions of someone at work (reading a dossier, then
// approving it) and still gives the memory back once they leave.
const idleRest = time.Minute

// Info describes the running app and its folder.
type Info struct {
	Version  string `json:"version"`
	DataDir  string `json:"data_dir"`
	Template string `json:"template"`
	Zone     string `json:"zone"`
	// Empty is true when the folder holds no system and no dossier.
	Empty bool `json:"empty"`
	// Profiles counts local profiles.
	Profiles int `json:"profiles"`
	// Limits are the sizes the window must respect before it calls.
	Limits Limits `json:"limits"`
	// Phases names each workflow phase (workflow.PhaseNames), as the
	// printed documents do.
	Phases map[string]template.Text `json:"phases"`
	// ReadOnly is true when the folder is open read-only (it is damaged:
	// Damage says how); every change is then refused.
	ReadOnly bool `json:"read_only"`
	// Damage lists what is wrong with a damaged folder; empty otherwise.
	Damage []store.Damage `json:"damage"`
	// Place says whether the data folder lies in a sync tool's folder or on a network drive (a warning).
	Place fsplace.Place `json:"place"`
	// ExchangeExt is the extension of exchange files (exchange.Ext): the
	// window imports dropped files that carry it and leaves others alone.
	ExchangeExt string `json:"exchange_ext"`
}

// Limits are the backend's size limits the frontend shows and checks
// before sending, so each number is written once, in Go.
type Limits struct {
	// UploadBytes is the largest file the window may send as bytes
	// (blob.MaxUpload).
	UploadBytes int64 `json:"upload_bytes"`
	// PassphraseMin is the shortest passphrase a profile may have, in
	// characters (keys.MinPassphrase).
	PassphraseMin int `json:"passphrase_min"`
}

// Preferences are the UI settings kept in the folder.
type Preferences struct {
	// Language is "zh-CN", "en" or "" (follow the system).
	Language string `json:"language"`
}

// DefaultDataDir returns GOLIVE_DATA if set, else os.UserConfigDir()/GoLive.
func DefaultDataDir() string {
	if d := os.Getenv("GOLIVE_DATA"); d != "" {
		return d
	}
	base, err := os.UserConfigDir()
	if err != nil {
		base = "."
	}
	return filepath.Join(base, "GoLive")
}

// Open opens dir and builds the services. A folder with database files is
// opened only when it is whole (store.Open inspects it). Codes:
// store.damaged, store.already_open, store.open_failed, template.invalid.
func Open(dir string) (*Core, error) {
	st, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	c, err := build(st, st.Dir())
	if err != nil {
		return nil, err
	}
	c.startSweep()
	return c, nil
}

// OpenReadOnly opens the existing data folder dir for a command that only
// reads (verify, the register, the plan): nothing is created or written,
// and a missing or unreadable folder is an error naming it. Codes:
// store.not_found, store.already_open, store.open_failed, template.invalid.
func OpenReadOnly(dir string) (*Core, error) {
	st, err := store.OpenReadOnly(dir)
	if err != nil {
		return nil, err
	}
	return build(st, st.Dir())
}

// OpenDamaged opens dir read-only without verifying every block again:
// a folder whose only damage is data blocks failing their checksum, so the
// app can show what is still readable next to a banner saying what is
// wrong, or one the caller has just verified (see store.OpenDamaged).
// Codes as OpenReadOnly.
func OpenDamaged(dir string) (*Core, error) {
	st, err := store.OpenDamaged(dir)
	if err != nil {
		return nil, err
	}
	return build(st, st.Dir())
}

// OpenForApp opens dir for the desktop app, read-write, without waiting
// for every data block to be verified (store.OpenDeferred): the MANIFEST
// and every table's index are checked first, the blocks in the
// background (those of the deeper levels verifyDelay later, leaving the
// first list the machine). When that finds a damaged block, the folder
// turns read-only (Info says so with the damage, every change is refused
// with store.read_only, the sweep does not run); Verified waits for it.
// Any damage found at the open is store.damaged and nothing is opened
// (nor changed); but when a folder Badger cannot open turns out to be
// damaged only in data blocks, it opens read-only with Damage set, so the
// window shows what is still readable under a banner that says what is
// wrong and how to restore.
func OpenForApp(dir string) (*Core, error) {
	st, err := store.OpenDeferred(dir, verifyDelay)
	if err == nil {
		c, err := build(st, st.Dir())
		if err != nil {
			return nil, err
		}
		c.Profiles.Presign = true
		c.startSweep()
		c.Idle = store.StartIdleTrim(idleRest)
		return c, nil
	}
	if !apperr.HasCode(err, "store.damaged") && !apperr.HasCode(err, "store.open_failed") {
		return nil, err
	}
	// A block Badger reads as it opens (a table's last) fails its
	// checksum, or the index check found damage: look at every block.
	h, herr := store.Inspect(dir, true)
	if herr != nil || h.Whole() {
		return nil, err
	}
	abs := dir
	if a, aerr := filepath.Abs(dir); aerr == nil {
		abs = a
	}
	if !h.DamagedBlocksOnly {
		return nil, h.Err(abs)
	}
	dc, derr := OpenDamaged(dir)
	if derr != nil {
		return nil, h.Err(abs)
	}
	dc.Damage = h.Damage
	dc.Idle = store.StartIdleTrim(idleRest)
	return dc, nil
}

// Verified waits until the background verification of every data block
// that OpenForApp started has ended (Swept has it skip its delay), and
// returns store.damaged (dir, file, problem, count) when the folder is
// damaged (Damaged says how; it is then read-only), nil when every block
// is whole or Close stopped the verification first. It returns at once
// for the other opens, which verified before opening.
func (c *Core) Verified() error {
	<-c.Store.Verified()
	d := c.Damaged()
	if len(d) == 0 {
		return nil
	}
	return store.Health{Store: true, Damage: d, DamagedBlocksOnly: true}.Err(c.Store.Dir())
}

// Damaged lists what is wrong with the folder: Damage, found at the open,
// or what the background verification of OpenForApp found since; empty
// for a whole folder (and while the verification runs).
func (c *Core) Damaged() []store.Damage {
	if len(c.Damage) > 0 {
		return append([]store.Damage{}, c.Damage...)
	}
	return append([]store.Damage{}, c.Store.Damage()...)
}

// verifyDelay is how long after OpenForApp the background verification
// waits before the tables of the deeper levels (most of a large folder):
// the first list has the machine first, as with the sweep (sweepDelay).
// Level 0 and the level below it, which compactions read first, are
// verified at once.
const verifyDelay = 2 * time.Second

// OpenNothing returns services over an empty store held in memory, for a
// command that checks a file against a data folder that does not exist
// (golive verify): it finds nothing there, and nothing is created on disk.
func OpenNothing() (*Core, error) {
	st, err := store.OpenMemory()
	if err != nil {
		return nil, err
	}
	c, err := build(st, "")
	if err != nil {
		return nil, err
	}
	c.Dossiers.Blobs = blob.OpenExisting(filepath.Join(os.TempDir(), "golive-no-data-folder"))
	return c, nil
}

// build wires the services over st, keeping attachments under blobDir
// (only read, never created, when st is read-only or blobDir is "").
func build(st *store.Store, blobDir string) (*Core, error) {
	tpl, err := template.Default()
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	zone := dossier.DefaultZone()
	c := &Core{Store: st, Zone: zone, Templates: templates.New(st, tpl)}
	c.Profiles = profile.NewService(st, zone, func(id string) bool { _, ok := c.Template().Role(id); return ok })
	c.Systems = system.NewRegister(st, zone)
	c.Dossiers = dossier.NewService(st, c.Profiles, c.Systems, c.Template, c.ResolveTemplate, zone)
	c.Holidays = holiday.NewService(st, zone)
	c.Windows = window.NewService(st, c.Holidays, c.Template, c.Profiles.Signer, zone)
	// Every service reads the one clock, so setting Clock moves them all.
	c.Profiles.Now, c.Systems.Now, c.Dossiers.Now, c.Windows.Now, c.Holidays.Now, c.Templates.Now = c.Now, c.Now, c.Now, c.Now, c.Now, c.Now
	c.Dossiers.Windows = c.Windows
	c.Dossiers.Read = st.ReleaseMapped // the check of the whole list read every table
	c.Roster = roster.NewService(st, c.Profiles.Signer, c.Template, zone)
	c.Dossiers.Roster = c.Roster
	c.Profiles.RosterRoles = c.rosterRoles
	c.Windows.Authority = c.planAuthority
	// A profile's own identity card names its events: views are read
	// again when one is written, not on every unlock.
	c.Profiles.CardWritten = c.Dossiers.ForgetViews
	c.Roster.Now = c.Now
	c.Meetings = &meeting.Service{Store: st, Dossiers: c.Dossiers, Now: c.Now, Zone: zone, Me: func() (string, string, error) {
		me := c.Profiles.Current()
		if me == nil {
			return "", "", apperr.New("profile.locked")
		}
		return me.PublicKey, me.Name, nil
	}}
	st.SetCheckpointKey(c.Profiles.UnlockedKey)
	if st.ReadOnly() || blobDir == "" {
		c.Dossiers.Blobs = blob.OpenExisting(blobDir)
	} else if c.Dossiers.Blobs, err = blob.Open(blobDir); err != nil {
		_ = st.Close()
		return nil, err
	}
	return c, nil
}

// Template returns the template new dossiers pin.
func (c *Core) Template() *template.Template { return c.Templates.Current() }

// ResolveTemplate returns the template pinned under key. Code
// template.not_found.
func (c *Core) ResolveTemplate(key string) (*template.Template, error) { return c.Templates.Get(key) }

// Close stops the start-up sweep if it still runs, waits for it, and
// closes the store (which stops the background verification of
// OpenForApp and waits for it).
func (c *Core) Close() error {
	if c.sweepDone != nil {
		c.sweepStop.Store(true)
		if c.closing != nil {
			c.closingOnce.Do(func() { close(c.closing) })
		}
		c.hurrySweep()
		<-c.sweepDone
	}
	c.Dossiers.Stop()
	if c.Idle != nil {
		c.Idle.Stop()
	}
	c.Profiles.Lock() // stops the keys' supplies of nonces
	return c.Store.Close()
}

// Info reports on the folder.
func (c *Core) Info() (Info, error) {
	empty, err := c.Store.Empty()
	if err != nil {
		return Info{}, err
	}
	profiles, err := c.Profiles.List()
	if err != nil {
		return Info{}, err
	}
	return Info{Version: Version, DataDir: c.Store.Dir(), Template: c.Template().Key(), Zone: c.Zone.String(), Empty: empty, Profiles: len(profiles),
		Limits: Limits{UploadBytes: blob.MaxUpload, PassphraseMin: keys.MinPassphrase}, Phases: workflow.PhaseNames,
		ReadOnly: c.Store.ReadOnly(), Damage: c.Damaged(), Place: c.place(), ExchangeExt: exchange.Ext}, nil
}

// place says where the data folder lies; nothing for a folder held in memory.
func (c *Core) place() fsplace.Place {
	if c.Store.Dir() == "" {
		return fsplace.Place{}
	}
	return fsplace.Classify(c.Store.Dir())
}

// LoadSample writes the sample portfolio into this folder, which must hold
// no systems or dossiers yet (core.not_empty otherwise), with its
// organisation roster published by the sample PMO.
func (c *Core) LoadSample() (demo.Summary, error) { return c.loadSample(true) }

// LoadSampleWithoutRoster is LoadSample without the roster: every role is
// then taken as the sample profiles claim it (tests publish their own).
func (c *Core) LoadSampleWithoutRoster() (demo.Summary, error) { return c.loadSample(false) }

// sampleBuildDir is the folder, inside the data folder, where the sample's
// attachments are built before they are copied into the blob store.
const sampleBuildDir = ".sample-build"

func (c *Core) loadSample(withRoster bool) (demo.Summary, error) {
	empty, err := c.Store.Empty()
	if err != nil {
		return demo.Summary{}, err
	}
	if !empty {
		return demo.Summary{}, apperr.New("core.not_empty")
	}
	// Build in memory, where no write waits for the disk, then copy the
	// result over in a few large transactions.
	mem, err := store.OpenMemory()
	if err != nil {
		return demo.Summary{}, err
	}
	// The sample's attachments are built in a folder inside the data
	// folder, so a build that was killed leaves nothing in the system's
	// temporary folder: the next build removes the leftover.
	tmp := filepath.Join(c.Store.Dir(), sampleBuildDir)
	if err := os.RemoveAll(tmp); err != nil {
		_ = mem.Close()
		return demo.Summary{}, apperr.Wrap(err, "blob.io", "path", tmp)
	}
	if err := os.Mkdir(tmp, 0o700); err != nil {
		_ = mem.Close()
		return demo.Summary{}, apperr.Wrap(err, "blob.io", "path", tmp)
	}
	defer os.RemoveAll(tmp)
	m, err := build(mem, tmp)
	if err != nil {
		return demo.Summary{}, err
	}
	defer m.Close()
	m.Dossiers.Blobs.NoSync = true
	m.Profiles.KDF = c.Profiles.KDF
	m.Clock = c.Clock
	target := demo.Target{Profiles: m.Profiles, Systems: m.Systems, Dossiers: m.Dossiers, Template: m.Template(), Zone: c.Zone, Now: c.Now()}
	if withRoster {
		target.PublishRoster = m.PublishRoster
	}
	sum, err := demo.Build(target)
	if err != nil {
		return sum, err
	}
	if err := m.Dossiers.Blobs.CopyAll(c.Dossiers.Blobs); err != nil {
		return sum, err
	}
	if _, err := m.Store.CopyTo(c.Store); err != nil {
		return sum, err
	}
	c.Roster.Reload()
	if cur := m.Profiles.Current(); cur != nil {
		// Sample keys come from public seeds; their passphrase is known.
		if _, err := c.Unlock(cur.ID, demo.SamplePassphrase); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// Now is the clock the sample data is built against; tests replace it.
func (c *Core) Now() time.Time {
	if c.Clock != nil {
		return c.Clock()
	}
	return time.Now()
}

// Preferences returns the stored preferences (zero value if none).
func (c *Core) Preferences() (Preferences, error) {
	var p Preferences
	if err := c.Store.Get("set", "preferences", &p); err != nil && !apperr.HasCode(err, "store.not_found") {
		return Preferences{}, err
	}
	return p, nil
}

// SetPreferences stores p. Code core.bad_language for an unknown language.
func (c *Core) SetPreferences(p Preferences) error {
	switch p.Language {
	case "", "zh-CN", "en":
	default:
		return apperr.New("core.bad_language", "language", p.Language)
	}
	return c.Store.Put("set", "preferences", p)
}
