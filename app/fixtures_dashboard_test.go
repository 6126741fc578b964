package app_test

import "golive/backend/documents"

// recordDashboard: the dashboard (统计看板) of the sample's 2026, whole and
// its fourth quarter, as every profile sees it (file "dashboard"). The
// numbers are the 发布统计 workbook's (TestDashboardNumbersEqualTheStatsWorkbook).
func recordDashboard(r *recorder) {
	const f = "dashboard"
	for _, q := range []int{0, 4} {
		filter := documents.RegisterFilter{Year: 2026, Quarter: q, Lang: "zh"}
		st, err := r.api.Stats.Dashboard(filter)
		r.must(f, "", "StatsAPI.Dashboard", []any{filter}, st, err)
	}
}
