package kit

import "schulit-lotse/domain"

// HoursText is a task's hours per month as the step tables show them, "" without an estimate.
func HoursText(t domain.Task, s domain.Settings) string {
	if t.Effort == nil {
		return ""
	}
	return FormatNumber(t.HoursPerMonth(s))
}
