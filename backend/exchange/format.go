package exchange

import (
	"regexp"
	"time"

	"golive/backend/zipfile"
)

// Format names and limits.
const (
	// FormatName is the manifest's "format".
	FormatName = "golive-exchange"
	// FormatVersion is the version this program writes and reads.
	FormatVersion = 1
	// Ext is the exchange file's extension.
	Ext = ".golive"
	// PackExt is the extension of a sync folder's packs (the same format).
	PackExt = ".pack"

	// KindBundle is a file made for people (发送给…, 回复).
	KindBundle = "bundle"
	// KindPack is a pack of a sync folder.
	KindPack = "pack"

	// EventsName holds the events, one per line.
	EventsName = "events.jsonl"
	// SystemsName holds the register entries of the dossiers' systems.
	SystemsName = "systems.json"
	// BlobPrefix starts every attachment's entry name.
	BlobPrefix = "blobs/"
	// TemplatePrefix starts every template's entry name.
	TemplatePrefix = "templates/"

	// MaxEvents bounds the events one file may hold.
	MaxEvents = 2_000_000
)

// Limits are the sizes a file must respect to be read.
var Limits = zipfile.Limits{
	MaxManifest: 16 << 20,
	MaxTotal:    64 << 30,
	MaxEntry:    8 << 30,
	MaxEntries:  1_000_000,
	MaxRatio:    100,
	RatioFloor:  1 << 20,
	MaxLine:     16 << 20,
}

// maxSmallEntry bounds the entries read whole into memory (systems,
// templates).
const maxSmallEntry = 8 << 20

var (
	blobName     = regexp.MustCompile(`^blobs/([0-9a-f]{64})$`)
	templateName = regexp.MustCompile(`^templates/([0-9a-f]{64})\.json$`)
)

// format is the zipfile.Format of exchange files.
var format = zipfile.Format{Code: "exchange", Name: FormatName, Version: FormatVersion, NotOurs: "not_exchange", ValidName: validName, Limits: Limits}

func validName(name string) bool {
	return name == EventsName || name == SystemsName || blobName.MatchString(name) || templateName.MatchString(name)
}

// BlobEntry is the entry name of attachment sum.
func BlobEntry(sum string) string { return BlobPrefix + sum }

// Manifest is manifest.json.
type Manifest struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Body is what the signature covers (canonical JSON of Body).
	Body Body `json:"body"`
	// Sig is the exporter's signature, lowercase hex.
	Sig string `json:"sig"`
}

// Body is the signed part of the manifest.
type Body struct {
	// Kind is KindBundle or KindPack.
	Kind string `json:"kind"`
	// Created is when the file was made, with its zone.
	Created time.Time `json:"created"`
	// AppVersion is the GoLive version that wrote it.
	AppVersion string `json:"app_version"`
	// Exporter is the exporter's public key (hex); ExporterName his name
	// as his roster says.
	Exporter     string `json:"exporter"`
	ExporterName string `json:"exporter_name"`
	// Org is the roster's root key (the pinned PMO key), hex.
	Org string `json:"org"`
	// Purpose says what the file is for, e.g. "待客户服务部总监审批".
	Purpose string `json:"purpose,omitempty"`
	// For lists the person ids the file is for.
	For []string `json:"for,omitempty"`
	// Dossiers lists the dossiers whose events the file carries.
	Dossiers []string `json:"dossiers"`
	// Since is the SHA-256 of the exchange file this one answers: its
	// events were left out, the receiver holding them.
	Since string `json:"since,omitempty"`
	// Counts says what the file holds.
	Counts Counts `json:"counts"`
	// Entries lists every other entry.
	Entries []zipfile.Entry `json:"entries"`
}

// Counts says what a file holds.
type Counts struct {
	Events    int `json:"events"`
	Blobs     int `json:"blobs"`
	Templates int `json:"templates"`
	Systems   int `json:"systems"`
}
