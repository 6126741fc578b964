package window_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golive/backend/ics"
	"golive/backend/window"
)

func TestICSExport(t *testing.T) {
	e := newEnv(t, nil)
	if _, err := e.svc.Move(2027, "2027-03-11-java", "2027-03-10", "20:00", "23:30", "数据库维护窗口与年度审计冲突，需提前一天并延长半小时，以便完成全部回滚演练"); err != nil {
		t.Fatal(err)
	}
	p, err := e.svc.Publish(2027, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := window.WriteICS(&buf, p, time.Now()); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	physical := strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n")
	folded := 0
	for i, l := range physical {
		if len(l) > ics.MaxLine || strings.Contains(l, "\n") {
			t.Fatalf("line %d: %d octets or a bare LF", i, len(l))
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Fatal("the long reason was not folded")
	}
	for _, want := range []string{"BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai", "METHOD:PUBLISH", "UID:2027-03-11-java@golive", "STATUS:CANCELLED", "SEQUENCE:1"} {
		if !strings.Contains(raw, want) {
			t.Errorf("missing %q", want)
		}
	}

	cal, err := ics.Parse(strings.NewReader(raw), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	windows := map[string]ics.Event{}
	freezes := 0
	for _, ev := range cal.Events {
		switch {
		case ev.HasCategory(window.CategoryWindow):
			windows[ev.Props[window.PropWindow]] = ev
		case ev.HasCategory(window.CategoryFreeze):
			freezes++
		}
	}
	if len(windows) != len(p.Windows) || freezes != len(p.Freezes) {
		t.Fatalf("%d window events for %d windows, %d freeze events for %d", len(windows), len(p.Windows), freezes, len(p.Freezes))
	}
	cases := []struct {
		id, start, end, status, state string
		summary, description          string
	}{
		{"2027-03-11-java", "2027-03-10 20:00", "2027-03-10 23:30", ics.StatusConfirmed, window.StateMoved, "（已调整）", "需提前一天并延长半小时"},
		{"2027-03-25-web", "2027-03-25 19:00", "2027-03-25 23:00", ics.StatusConfirmed, window.StateOpen, "上线发布窗口 · Web", "状态：开放"},
		{"2027-02-11-java", "2027-02-11 19:00", "2027-02-11 23:00", ics.StatusCancelled, window.StateCancelled, "（已取消）", "春节"},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			ev, ok := windows[c.id]
			if !ok {
				t.Fatal("missing")
			}
			if got := ev.Start.Format("2006-01-02 15:04"); got != c.start || ev.Start.Location().String() != "Asia/Shanghai" {
				t.Errorf("start %s %s", got, ev.Start.Location())
			}
			if got := ev.End.Format("2006-01-02 15:04"); got != c.end {
				t.Errorf("end %s", got)
			}
			if ev.Status != c.status || ev.Props[window.PropState] != c.state || ev.UID != c.id+"@golive" || !ev.Stamp.Equal(p.PublishedAt) {
				t.Errorf("event %+v", ev)
			}
			if !strings.Contains(ev.Summary, c.summary) || !strings.Contains(ev.Description, c.description) {
				t.Errorf("summary %q description %q", ev.Summary, ev.Description)
			}
		})
	}
}
