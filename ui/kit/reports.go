package kit

import (
	"time"

	"schulit-lotse/reports"
	"schulit-lotse/ui/session"
)

// ReportOptions are the options of a report written from the session on date: the report
// reads the monitoring data (the KPIs of a period, the Mengengerüst) from the project file,
// since the session's model need not hold their rows.
func ReportOptions(s *session.Session, date time.Time) reports.Options {
	opt := reports.Options{Date: date}
	if s != nil && s.File != nil {
		// The edits made so far reach the file first (the write queue): the report reads the
		// file as the snapshot taken beside it shows the project. A failed write is reported
		// by the queue's own notice.
		_ = s.Flush()
		opt.Monitoring = s.File
	}
	return opt
}
