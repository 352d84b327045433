package cli

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/domain/demo"
	"schulit-lotse/domain/kpi"
	musterstadt "schulit-lotse/internal/sample"
	"schulit-lotse/reports"
)

// Every report `lotse report` writes – the project read without its monitoring rows, the KPIs,
// horizons and the Mengengerüst read from the file – is byte for byte the report written from
// the project with every ticket, call and answer in memory, on the sample and on a generated
// project of 15 months.
func TestReportsFromTheFileEqualReportsFromTheRows(t *testing.T) {
	sample, err := musterstadt.Project()
	if err != nil {
		t.Fatal(err)
	}
	gen := demo.GenerateSizes(demo.Sizes{Schools: 20, Tasks: 120, Packages: 8, Roles: 8, Activities: 12,
		Tickets: 3000, Calls: 4000, Answers: 300, Months: 15}, demo.Options{Seed: 11})
	for name, p := range map[string]*domain.Project{"sample": sample, "generated": gen} {
		t.Run(name, func(t *testing.T) {
			path := projectFile(t, "p.lotse", p)
			dir := filepath.Dir(path)
			full := loadProject(t, path)
			if len(full.Tickets) == 0 || len(full.JourFixes) == 0 {
				t.Fatal("the project has no tickets or no Jour fixe")
			}
			// Two weeks after the newest data: the Mengengerüst's twelve months hold them.
			now := kpi.Horizon(full).AddDate(0, 0, 14)
			opt := reports.Options{Date: now}
			meeting := full.JourFixes[len(full.JourFixes)-1].Date
			quarter := kpi.QuarterPeriod(kpi.DayOf(full.Tickets[len(full.Tickets)/2].Created))
			next := domain.Date{Time: meeting.AddDate(0, 1, 0)}
			cases := []struct {
				name  string
				args  []string
				write func(io.Writer) error
			}{
				{"full", nil, func(w io.Writer) error { return reports.WriteGesamtbericht(w, full, opt) }},
				{"kurz", nil, func(w io.Writer) error { return reports.WriteKurzfassung(w, full, opt) }},
				{"tender", nil, func(w io.Writer) error { return reports.WriteServiceSpec(w, full, opt) }},
				{"vergabevermerk", nil, func(w io.Writer) error { return reports.WriteAwardRecord(w, full, opt) }},
				{"monitoring", nil, func(w io.Writer) error {
					return reports.WriteMonitoring(w, full, kpi.DefaultPeriod(full, full.AsOf(now).Time), opt)
				}},
				{"monitoring", []string{"--from", quarter.From.String(), "--to", quarter.To.String()}, func(w io.Writer) error {
					return reports.WriteMonitoring(w, full, quarter, opt)
				}},
				{"jourfixe", []string{"--date", meeting.String()}, func(w io.Writer) error {
					return reports.WriteJourFixeProtocol(w, full, meeting, opt)
				}},
				{"einladung", []string{"--date", meeting.String()}, func(w io.Writer) error {
					return reports.WriteJourFixeInvitation(w, full, meeting, opt)
				}},
				{"einladung", []string{"--date", next.String()}, func(w io.Writer) error {
					return reports.WriteJourFixeInvitation(w, full, next, opt)
				}},
			}
			for _, c := range cases {
				out := filepath.Join(dir, c.name+".pdf")
				runAt(t, now, append([]string{"report", path, "-o", out, "--type", c.name}, c.args...)...).want(t, 0)
				var want bytes.Buffer
				if err := c.write(&want); err != nil {
					t.Fatalf("%s %v: %v", c.name, c.args, err)
				}
				if got := readFile(t, out); !bytes.Equal(got, want.Bytes()) {
					t.Errorf("%s %v: the report from the file (%d bytes) differs from the one from the rows (%d bytes)", c.name, c.args, len(got), want.Len())
				}
			}
			// The Leistungsbeschreibung to edit further counts its Mengengerüst in the file too.
			md := filepath.Join(dir, "lb.md")
			runAt(t, now, "export", path, "--kind", "leistungsbeschreibung", md).want(t, 0)
			var want bytes.Buffer
			if err := reports.WriteServiceSpecText(&want, full, opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(readFile(t, md), want.Bytes()) {
				t.Error("the Markdown Leistungsbeschreibung from the file differs from the one from the rows")
			}
		})
	}
}
