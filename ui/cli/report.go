package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/reports"
)

func cmdReport(e *env, args []string) error {
	p, err := parseArgs(args, []option{
		{names: []string{"o", "output"}, takesValue: true},
		{names: []string{"type"}, takesValue: true},
		{names: []string{"from"}, takesValue: true},
		{names: []string{"to"}, takesValue: true},
	})
	if err != nil {
		return err
	}
	if err := positionals(p, 1, usageReport); err != nil {
		return err
	}
	out, ok := p.val("o")
	if !ok {
		return usagef("cli.err.output_missing", map[string]any{"Usage": usageReport})
	}
	if strings.EqualFold(filepath.Ext(out), ".lotse") {
		return failf("cli.err.export_over_project", map[string]any{"Path": out})
	}
	switch t, _ := p.val("type"); t {
	case "", "full":
	case "tender", "monitoring":
		return &laterError{what: "--type " + t}
	default:
		return usagef("cli.err.type_unknown", map[string]any{"Type": t, "Usage": usageReport})
	}
	// The period belongs to the monitoring report; it is checked now so scripts fail early.
	period := false
	for _, name := range []string{"from", "to"} {
		if v, ok := p.val(name); ok {
			if _, err := domain.ParseDate(v); err != nil {
				return usagef("err.date", map[string]any{"Value": v})
			}
			period = true
		}
	}
	if period {
		fmt.Fprintln(e.err, "lotse: "+lang.L("cli.report.period_ignored"))
	}
	proj, err := openProject(p.pos[0])
	if err != nil {
		return err
	}
	if err := reports.WriteGesamtberichtFile(out, proj, reports.Options{Date: now()}); err != nil {
		return translated{err} // the reports package words its errors for the user
	}
	fmt.Fprintln(e.out, lang.L("cli.report.done", map[string]any{"Path": out}))
	return nil
}
