package window

import (
	"fmt"
	"io"
	"strings"
	"time"

	"golive/backend/ics"
	"golive/backend/zone"
)

// ICS property names GoLive adds to each window event.
const (
	// PropWindow carries the window id.
	PropWindow = "X-GOLIVE-WINDOW"
	// PropClass carries the system class.
	PropClass = "X-GOLIVE-CLASS"
	// PropState carries the window state.
	PropState = "X-GOLIVE-STATE"
)

// Categories of the exported events.
const (
	// CategoryWindow marks a release window event (发布窗口).
	CategoryWindow = "发布窗口"
	// CategoryFreeze marks a freeze period event (封网期).
	CategoryFreeze = "封网期"
)

// Calendar returns p as an iCalendar: one timed event per window (UID
// "<window id>@golive", SEQUENCE the version, SUMMARY and DESCRIPTION in
// Chinese with the state and every reason; cancelled windows STATUS
// CANCELLED, frozen ones TENTATIVE) and one all-day, transparent event per
// freeze period. DTSTAMP is the publication time, or now for a plan not
// published.
func Calendar(p Plan, now time.Time) ics.Calendar {
	stamp := p.PublishedAt
	if stamp.IsZero() {
		stamp = now
	}
	version := "生成稿（未发布）"
	if p.Version > 0 {
		version = fmt.Sprintf("第 %d 版", p.Version)
	}
	cal := ics.Calendar{ProdID: "-//GoLive//Release window plan//ZH", Method: "PUBLISH", Name: fmt.Sprintf("%d 年上线发布窗口计划", p.Year)}
	for _, w := range p.Windows {
		loc := zone.Load(w.Zone)
		start, end := w.Interval()
		summary := fmt.Sprintf("上线发布窗口 · %s", ClassName(w.Class, "zh"))
		if w.State != StateOpen {
			summary += "（" + StateText(w.State, "zh") + "）"
		}
		desc := []string{
			"状态：" + StateText(w.State, "zh"),
			"系统类别：" + ClassName(w.Class, "zh"),
			"窗口编号：" + w.ID,
			fmt.Sprintf("计划：%d 年%s", p.Year, version),
		}
		if w.Nominal != "" && w.Nominal != w.Date {
			desc = append(desc, "原定日期："+w.Nominal)
		}
		if r := w.Reasons("zh"); r != "" {
			desc = append(desc, "原因："+r)
		}
		if w.Capacity > 0 {
			desc = append(desc, fmt.Sprintf("容量：%d", w.Capacity))
		}
		status := ics.StatusConfirmed
		switch w.State {
		case StateCancelled:
			status = ics.StatusCancelled
		case StateFrozen:
			status = ics.StatusTentative
		}
		cal.Events = append(cal.Events, ics.Event{
			UID: w.ID + "@golive", Stamp: stamp, Start: start.In(loc), End: end.In(loc),
			Summary: summary, Description: strings.Join(desc, "\n"), Status: status,
			Categories: []string{CategoryWindow}, Sequence: p.Version,
			Props: map[string]string{PropWindow: w.ID, PropClass: w.Class, PropState: w.State},
		})
	}
	for _, f := range p.Freezes {
		s, _ := time.Parse(time.DateOnly, f.Start)
		e, _ := time.Parse(time.DateOnly, f.End)
		desc := fmt.Sprintf("封网期 %s 至 %s：计划内发布暂停，紧急发布须经审批并提示封网。", f.Start, f.End)
		if f.HolidayStart != "" {
			desc += fmt.Sprintf("\n假期：%s 至 %s，共 %d 天", f.HolidayStart, f.HolidayEnd, f.HolidayDays)
		}
		if f.Reason != "" {
			desc += "\n原因：" + f.Reason
		}
		cal.Events = append(cal.Events, ics.Event{
			UID: fmt.Sprintf("freeze-%d-%s@golive", p.Year, f.ID), Stamp: stamp, Start: s, End: e.AddDate(0, 0, 1), AllDay: true,
			Summary: "封网期：" + f.Name, Description: desc, Categories: []string{CategoryFreeze}, Transparent: true, Sequence: p.Version,
		})
	}
	return cal
}

// WriteICS writes p as an .ics file (see Calendar).
func WriteICS(w io.Writer, p Plan, now time.Time) error { return ics.Write(w, Calendar(p, now)) }
