package backup

import (
	"context"
	"io"

	"golive/backend/apperr"
)

// Phases a Progress report names.
const (
	// PhaseCopy: copying the database files of a folder the app holds.
	PhaseCopy = "copy"
	// PhaseWrite: writing the backup or archive file.
	PhaseWrite = "write"
	// PhaseVerify: checking a file's entries against its manifest.
	PhaseVerify = "verify"
	// PhaseRestore: writing the restored folder.
	PhaseRestore = "restore"
)

// Progress is one report of long work: the phase, and the bytes done of
// the phase's total.
type Progress struct {
	Phase string `json:"phase"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// ProgressFunc receives progress reports; it may be nil.
type ProgressFunc func(Progress)

// meter counts bytes through a phase and reports them at most every step
// bytes, and at the end.
type meter struct {
	fn    ProgressFunc
	phase string
	total int64
	done  int64
	last  int64
}

const reportStep = 1 << 20

func newMeter(fn ProgressFunc, phase string, total int64) *meter {
	m := &meter{fn: fn, phase: phase, total: total}
	m.report()
	return m
}

func (m *meter) add(n int64) {
	m.done += n
	if m.done-m.last >= reportStep || m.done == m.total {
		m.report()
	}
}

func (m *meter) report() {
	m.last = m.done
	if m.fn != nil {
		m.fn(Progress{Phase: m.phase, Done: m.done, Total: m.total})
	}
}

// finish reports the phase done.
func (m *meter) finish() {
	if m.done != m.last || m.done == 0 {
		m.done = max(m.done, m.total)
		m.report()
	}
}

// meteredWriter counts what passes into w and stops when ctx is done.
type meteredWriter struct {
	ctx context.Context
	w   io.Writer
	m   *meter
}

func (mw meteredWriter) Write(p []byte) (int, error) {
	if err := mw.ctx.Err(); err != nil {
		return 0, cancelled(err)
	}
	n, err := mw.w.Write(p)
	if mw.m != nil {
		mw.m.add(int64(n))
	}
	return n, err
}

// cancelled is backup.cancelled for a context that was cancelled.
func cancelled(err error) error { return apperr.Wrap(err, "backup.cancelled") }
