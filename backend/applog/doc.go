// Package applog is GoLive's log: JSON lines (log/slog) in
// <data folder>/logs/golive.log, rotated by size so it never grows without
// bound (golive.log.1 is the newest old file, golive.log.3 the oldest).
//
// The log is for the people who support GoLive: what ran, how it ended,
// and the detail of every internal error, whose code and log path the user
// sees instead. It holds names and ids, never a passphrase or a key: values
// under keys that name a secret, and the value of GOLIVE_PASSPHRASE
// wherever it appears, are written as [redacted].
//
// Logging never fails the work it describes and never creates a data
// folder: Open on a folder that does not exist writes to a fallback writer
// (or nowhere), and a log file that cannot be written drops its lines.
package applog
