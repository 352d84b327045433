package cli

import (
	"schulit-lotse/domain"
	"schulit-lotse/reports"
)

// writeInvitationReport writes the invitation to the Jour fixe on --date: the agenda with the
// period's KPIs, the open measures, the milestones due and the next notice date.
func writeInvitationReport(e *env, proj *domain.Project, out string, rp reportPeriod) error {
	if rp.Day == nil {
		return usagef("monitoring.cli.date_missing", map[string]any{"Usage": usageReport})
	}
	if err := reports.WriteJourFixeInvitationFile(out, proj, *rp.Day, reports.Options{Date: e.now()}); err != nil {
		return translated{err}
	}
	return nil
}
