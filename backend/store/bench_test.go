package store_test

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/internal/budget"
	"golive/backend/ledger"
	"golive/backend/store"
)

// indexRecord has the shape of the dossier index record the app commits
// with every event (backend/dossier): a summary's JSON and its seal.
type indexRecord struct {
	Summary json.RawMessage `json:"summary"`
	Seal    string          `json:"seal"`
}

// benchRecord is the record encoded as the dossier service hands it to
// Commit (a json.RawMessage, encoded by that service: its work, not the
// append's).
func benchRecord() json.RawMessage {
	sum, _ := json.Marshal(map[string]any{
		"id": "R26000000001", "title": "CRM 需求变更发布", "system_code": "CRM", "type": "系统升级上线发布",
		"mode": "计划内发布", "version": "1.2.3", "stage": "审批", "zone": "Asia/Shanghai", "phase": "review",
		"content_refs": []string{"CR-1024", "CR-1025"}, "checklist_done": 7, "checklist_total": 12,
		"tasks": []map[string]string{{"step": "ops", "who": strings.Repeat("a", 64)}},
	})
	raw, _ := json.Marshal(indexRecord{Summary: sum, Seal: strings.Repeat("5e", 32)})
	return raw
}

// BenchmarkBudgetAppendEvent appends one signed event as the app does —
// ledger.New signs it, Commit verifies and encodes it and writes it with
// the dossier's index record and the checkpoint of the key set with
// SetCheckpointKey (sealed with its SHA-256), the event's signature with
// the nonces made ahead that an unlocked profile's key keeps in the app —
// against one raw Badger transaction with the store's options (SyncWrites)
// writing the same keys and bytes.
func BenchmarkBudgetAppendEvent(b *testing.B) {
	key := testKey()
	ours := open(b, b.TempDir())
	defer ours.Close()
	ours.SetCheckpointKey(func() ed25519.PrivateKey { return key })
	// As in the app, where an unlocked profile's key keeps nonces made
	// ahead (profile.Service.Presign).
	defer ledger.Presign(key)()
	var parents []string
	n := 0
	record := benchRecord() // the dossier service's work, not the append's
	appendOne := func() {
		e, err := ledger.New("BENCH", parents, "note.added", map[string]any{"n": n, "text": "归档后补充说明：已核对归档材料与发布记录一致。"},
			time.Date(2026, 11, 26, 20, 0, 0, n*1000, zone), key)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ours.Commit([]ledger.Event{e}, store.Put{Bucket: "dz", Key: "BENCH", Value: record}); err != nil {
			b.Fatal(err)
		}
		parents = []string{e.ID}
		n++
	}
	appendOne() // the stream's first checkpoint is built by a scan

	db, err := badger.Open(store.Options(b.TempDir()))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	// The same bytes: an event, the index record and the checkpoint as
	// ours wrote them.
	ckKey := "ck/BENCH/" + hex.EncodeToString(key.Public().(ed25519.PublicKey))
	var val, rec, ck []byte
	err = ours.DB().View(func(txn *badger.Txn) error {
		for k, v := range map[string]*[]byte{"ev/BENCH/" + parents[0]: &val, "dz/BENCH": &rec, ckKey: &ck} {
			item, err := txn.Get([]byte(k))
			if err != nil {
				return err
			}
			if *v, err = item.ValueCopy(nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	rawOne := func() {
		err := db.Update(func(txn *badger.Txn) error {
			if err := txn.Set([]byte(fmt.Sprintf("ev/BENCH/%064x", i)), val); err != nil {
				return err
			}
			if err := txn.Set([]byte(ckKey), ck); err != nil {
				return err
			}
			return txn.Set([]byte("dz/BENCH"), rec)
		})
		if err != nil {
			b.Fatal(err)
		}
		i++
	}
	budget.Compare(b, appendOne, rawOne)
}
