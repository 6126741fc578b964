package profile_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golive/backend/internal/testenv"
	"golive/backend/pdfsig"
)

// The certificate's validity comes in the folder's zone, like its
// creation time, so the profile page shows both in one zone: a
// certificate holds its times in UTC.
func TestCertificateTimesInTheFoldersZone(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	at := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC) // 10:00 in Shanghai
	if _, err := pdfsig.Open(env.Profiles, env.Profile.ID, "passphrase-123", "GoLive tests", at); err != nil {
		t.Fatal(err)
	}
	c, err := env.Profiles.Certificate(env.Profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	zone := env.Zone.String()
	for name, tm := range map[string]time.Time{"not_before": c.NotBefore, "not_after": c.NotAfter, "created_at": c.CreatedAt} {
		if tm.Location().String() != zone {
			t.Errorf("%s is in %s, want %s", name, tm.Location(), zone)
		}
	}
	if !c.NotBefore.Before(at.Add(time.Second)) || !c.NotAfter.After(at.AddDate(1, 0, 0)) {
		t.Errorf("validity %s to %s does not cover %s", c.NotBefore, c.NotAfter, at)
	}
	b, _ := json.Marshal(c)
	var wire map[string]any
	_ = json.Unmarshal(b, &wire)
	for _, k := range []string{"not_before", "not_after", "created_at"} {
		if s, _ := wire[k].(string); !strings.HasSuffix(s, "+08:00") {
			t.Errorf("%s goes to the screen as %q, want Shanghai time (+08:00)", k, s)
		}
	}
}
