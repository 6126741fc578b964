package applog

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

const (
	// Dir is the log folder inside a data folder.
	Dir = "logs"
	// FileName is the current log file in Dir.
	FileName = "golive.log"
	// DefaultMaxBytes is the size past which golive.log is rotated.
	DefaultMaxBytes = 5 << 20
	// DefaultKeep is how many rotated files (golive.log.1 …) are kept.
	DefaultKeep = 3
	// PassphraseEnv is the environment variable the headless commands read
	// a passphrase from; its value never reaches the log.
	PassphraseEnv = "GOLIVE_PASSPHRASE"
	// Redacted replaces a secret in the log.
	Redacted = "[redacted]"
)

// Options tunes Open; the zero value means the defaults.
type Options struct {
	// Fallback receives the lines when the data folder does not exist or
	// its log cannot be opened; nil drops them.
	Fallback io.Writer
	// MaxBytes is the size past which the log is rotated (0: DefaultMaxBytes).
	MaxBytes int64
	// Keep is how many rotated files are kept (0: DefaultKeep).
	Keep int
}

// Logger writes JSON lines through slog. Use its slog methods (Info,
// Error, …) or Internal; it is safe for concurrent use.
type Logger struct {
	*slog.Logger
	file *rotatingFile
}

// Open returns the log of the data folder dataDir: lines go to
// dataDir/logs/golive.log, creating logs/ when needed. When dataDir does
// not exist (it is never created here) or the log cannot be opened, lines
// go to o.Fallback instead, or nowhere. Open never fails.
func Open(dataDir string, o Options) *Logger {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Keep <= 0 {
		o.Keep = DefaultKeep
	}
	w := o.Fallback
	if w == nil {
		w = io.Discard
	}
	l := &Logger{}
	if fi, err := os.Stat(dataDir); dataDir != "" && err == nil && fi.IsDir() {
		if f, err := openRotating(filepath.Join(dataDir, Dir), o.MaxBytes, o.Keep); err == nil {
			l.file, w = f, f
		}
	}
	l.Logger = slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: redactor(os.Getenv(PassphraseEnv))}))
	return l
}

// Discard returns a logger that drops every line.
func Discard() *Logger { return Open("", Options{}) }

// Path returns the log file's path, or "" when the lines do not go to a
// file.
func (l *Logger) Path() string {
	if l == nil || l.file == nil {
		return ""
	}
	return l.file.path
}

// Internal logs err, an error the user sees only as "internal", with its
// full detail and where it happened, and returns the log file's path (""
// without a file) for the user to quote.
func (l *Logger) Internal(where string, err error) string {
	if l == nil || err == nil {
		return l.Path()
	}
	l.Error("internal error", "where", where, "error", err.Error())
	return l.Path()
}

// Close closes the log file; later lines are dropped.
func (l *Logger) Close() error {
	if l == nil || l.file == nil {
		return nil
	}
	return l.file.Close()
}

// secretWords are the attribute keys whose values are never written.
var secretWords = []string{"passphrase", "password", "secret", "private"}

func isSecretKey(k string) bool {
	k = strings.ToLower(k)
	return slices.ContainsFunc(secretWords, func(w string) bool { return strings.Contains(k, w) })
}

// redactor returns the ReplaceAttr hook that blanks secret-named
// attributes and removes secret (the GOLIVE_PASSPHRASE value) from every
// string, error and list of strings.
func redactor(secret string) func([]string, slog.Attr) slog.Attr {
	scrub := func(s string) string {
		if secret == "" {
			return s
		}
		return strings.ReplaceAll(s, secret, Redacted)
	}
	return func(_ []string, a slog.Attr) slog.Attr {
		if isSecretKey(a.Key) {
			return slog.String(a.Key, Redacted)
		}
		switch a.Value.Kind() {
		case slog.KindString:
			a.Value = slog.StringValue(scrub(a.Value.String()))
		case slog.KindAny:
			switch v := a.Value.Any().(type) {
			case error:
				a.Value = slog.StringValue(scrub(v.Error()))
			case []string:
				out := make([]string, len(v))
				for i, s := range v {
					out[i] = scrub(s)
				}
				a.Value = slog.AnyValue(out)
			}
		}
		return a
	}
}

// RedactArgs returns command-line arguments fit for the log: the value of
// any flag whose name names a secret (--passphrase X, --secret=X, …) is
// replaced by Redacted. The GOLIVE_PASSPHRASE value is removed as well,
// when the line is written.
func RedactArgs(args []string) []string {
	out := make([]string, len(args))
	hide := false
	for i, a := range args {
		switch name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "="); {
		case hide:
			out[i], hide = Redacted, false
		case strings.HasPrefix(a, "-") && isSecretKey(name) && hasValue:
			out[i] = a[:strings.Index(a, "=")+1] + Redacted
		case strings.HasPrefix(a, "-") && isSecretKey(name):
			out[i], hide = a, true
		default:
			out[i] = a
		}
	}
	return out
}
