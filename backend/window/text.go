package window

import (
	"fmt"
	"strings"
)

// ClassName returns a system class's display name in lang ("zh" or "en").
func ClassName(class, lang string) string {
	zh := map[string]string{"java": "Java", "dotnet": ".NET", "packaged": "套装软件", "web": "Web", "other": "其他"}
	en := map[string]string{"java": "Java", "dotnet": ".NET", "packaged": "Packaged", "web": "Web", "other": "Other"}
	m := en
	if lang == "zh" {
		m = zh
	}
	if n, ok := m[class]; ok {
		return n
	}
	return class
}

// StateText returns a window state's display name in lang ("zh" or "en").
func StateText(state, lang string) string {
	if lang == "zh" {
		switch state {
		case StateOpen:
			return "开放"
		case StateMoved:
			return "已调整"
		case StateCancelled:
			return "已取消"
		case StateFrozen:
			return "封网"
		}
	}
	return state
}

func policyText(policy, lang string) string {
	switch {
	case lang == "zh" && policy == "next_working_day":
		return "顺延至本周下一个工作日"
	case lang == "zh":
		return "提前至本周前一个工作日"
	case policy == "next_working_day":
		return "the next working day of that week"
	default:
		return "the previous working day of that week"
	}
}

// Text renders the adjustment as a sentence in lang ("zh" or "en") for
// the CLI and calendar files; the UI translates Code and Params itself.
func (a Adjustment) Text(lang string) string {
	p := a.Params
	zh := lang == "zh"
	switch a.Code {
	case ReasonHolidayMoved:
		if zh {
			return fmt.Sprintf("%s 为%s假期，%s：%s", p["from"], p["holiday"], policyText(p["policy"], lang), p["to"])
		}
		return fmt.Sprintf("%s is a holiday (%s): moved to %s, %s", p["from"], p["holiday"], policyText(p["policy"], lang), p["to"])
	case ReasonHolidayNoWorkingDay:
		if zh {
			return fmt.Sprintf("%s 为%s假期，本周内无可用工作日（%s），窗口取消", p["date"], p["holiday"], policyText(p["policy"], lang))
		}
		dir := "earlier"
		if p["policy"] == "next_working_day" {
			dir = "later"
		}
		return fmt.Sprintf("%s is a holiday (%s) and that week has no %s working day in the year: cancelled", p["date"], p["holiday"], dir)
	case ReasonHolidayCancelled:
		if zh {
			return fmt.Sprintf("%s 为%s假期，按节假日规则取消", p["date"], p["holiday"])
		}
		return fmt.Sprintf("%s is a holiday (%s): cancelled by the holiday policy", p["date"], p["holiday"])
	case ReasonManualMoved:
		if zh {
			return fmt.Sprintf("手工调整：%s 改为 %s %s-%s（原因：%s）", p["from"], p["to"], p["start"], p["end"], p["reason"])
		}
		return fmt.Sprintf("moved by hand from %s to %s %s-%s: %s", p["from"], p["to"], p["start"], p["end"], p["reason"])
	case ReasonManualCancelled:
		if zh {
			return fmt.Sprintf("手工取消（原因：%s）", p["reason"])
		}
		return "cancelled by hand: " + p["reason"]
	case ReasonManualAdded:
		if zh {
			return fmt.Sprintf("手工增加（原因：%s）", p["reason"])
		}
		return "added by hand: " + p["reason"]
	case ReasonFrozenHoliday:
		if zh {
			return fmt.Sprintf("封网期 %s 至 %s：%s假期（%s 至 %s，共%s天）前%s个工作日起封网", p["start"], p["end"], p["holiday"], p["holiday_start"], p["holiday_end"], p["days"], p["before"])
		}
		return fmt.Sprintf("frozen %s to %s: %s working days before %s (%s to %s, %s days off)", p["start"], p["end"], p["before"], p["holiday"], p["holiday_start"], p["holiday_end"], p["days"])
	case ReasonFrozenRange:
		if zh {
			s := fmt.Sprintf("封网期 %s 至 %s：%s", p["start"], p["end"], p["name"])
			if p["reason"] != "" {
				s += "（原因：" + p["reason"] + "）"
			}
			return s
		}
		s := fmt.Sprintf("frozen %s to %s: %s", p["start"], p["end"], p["name"])
		if p["reason"] != "" {
			s += " (" + p["reason"] + ")"
		}
		return s
	}
	return a.Code
}

// Reasons renders every adjustment of w in lang, joined by "; ".
func (w Window) Reasons(lang string) string {
	parts := make([]string, len(w.Adjustments))
	for i, a := range w.Adjustments {
		parts[i] = a.Text(lang)
	}
	sep := "; "
	if lang == "zh" {
		sep = "；"
	}
	return strings.Join(parts, sep)
}

// Text renders the warning as an English sentence for the CLI; a window
// it names (Names) is called by its name rather than its id.
func (w Warning) Text() string {
	p := w.Params
	if len(w.Names) > 0 {
		p = make(map[string]string, len(w.Params))
		for k, v := range w.Params {
			p[k] = v
		}
		for k, n := range w.Names {
			p[k] = n.En
		}
	}
	switch w.Code {
	case WarnNoHolidayData:
		return fmt.Sprintf("no holiday data for %s: public holidays and make-up working days are NOT applied and no holiday freezes are computed; import the year's schedule before relying on this plan", p["year"])
	case WarnEditSkipped:
		return fmt.Sprintf("edit %s (%s %s) no longer applies: %s", p["index"], p["op"], p["window"], p["code"])
	case WarnNoRule:
		return fmt.Sprintf("class %s has no window rule", p["class"])
	case WarnSameSystem:
		return fmt.Sprintf("system %s is released twice in window %s (%s)", p["system"], p["window"], p["dossiers"])
	case WarnCallingSystems:
		return fmt.Sprintf("%s calls %s and both release in the same window %s/%s (%s)", p["caller"], p["callee"], p["window"], p["other_window"], p["dossiers"])
	case WarnOverCapacity:
		return fmt.Sprintf("window %s holds %s releases, capacity %s (%s)", p["window"], p["count"], p["capacity"], p["dossiers"])
	case WarnUnknownWindow:
		return fmt.Sprintf("dossier %s names window %s, which the plan does not have", p["dossier"], p["window"])
	case WarnWindowNotOpen:
		return fmt.Sprintf("dossier %s is in window %s, which is %s", p["dossier"], p["window"], p["state"])
	case WarnEmergencyInFreeze:
		return fmt.Sprintf("emergency release on %s falls in the freeze %s (%s to %s)", p["date"], p["name"], p["start"], p["end"])
	}
	return w.Code
}
