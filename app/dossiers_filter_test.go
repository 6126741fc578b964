package app_test

import (
	"strings"
	"testing"

	"golive/app"
	"golive/backend/dossier"
)

// TestFilterMonthRefused: the list and its pages take a month
// ("2026-12"), a year ("2026") or nothing as the filter's month, and
// refuse anything else with dossier.bad_month naming the value, rather
// than answer an empty list.
func TestFilterMonthRefused(t *testing.T) {
	api := app.New(openAt(t, t.TempDir()), nil)
	for _, month := range []string{"", "2026", "2026-12", "2027-01"} {
		f := dossier.Filter{Month: month}
		if _, err := api.Dossiers.List(f); err != nil {
			t.Errorf("List(%+v): %v", f, err)
		}
		if _, err := api.Dossiers.Page(f, 0, 15); err != nil {
			t.Errorf("Page(%+v): %v", f, err)
		}
	}
	for _, month := range []string{"20x6", "2026-13", "2026-00", "2026-1", "26", "202612", "2026-12-01", " 2026", "2026/12"} {
		f := dossier.Filter{Month: month}
		_, err := api.Dossiers.List(f)
		refused(t, "List", month, err)
		_, err = api.Dossiers.Page(f, 0, 15)
		refused(t, "Page", month, err)
	}
}

func refused(t *testing.T, call, month string, err error) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), `"code":"dossier.bad_month"`) || !strings.Contains(err.Error(), `"value":"`+month+`"`) {
		t.Errorf("%s with month %q: %v, want dossier.bad_month naming it", call, month, err)
	}
}
