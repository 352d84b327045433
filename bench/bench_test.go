package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/domain/demo"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/persistence"
	"schulit-lotse/reports"
	"schulit-lotse/ui/session"
)

// The benchmarks of this file measure the Landkreis project file (see Path); the first one
// that needs it generates it when it is missing, which takes a minute.

func TestMain(m *testing.M) {
	assets.SetupLanguage(assets.German) // the reports speak German, as for most users
	os.Exit(m.Run())
}

var (
	loadOnce sync.Once
	loaded   *domain.Project
	loadErr  error
)

func landkreisPath(b *testing.B) string {
	b.Helper()
	path, err := Ensure()
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// landkreis is the project as the file holds it, loaded once for the benchmarks that only read.
func landkreis(b *testing.B) *domain.Project {
	b.Helper()
	path := landkreisPath(b)
	loadOnce.Do(func() {
		var f *persistence.File
		if f, loadErr = persistence.Open(path, persistence.OpenOptions{ReadOnly: true}); loadErr != nil {
			return
		}
		defer f.Close()
		loaded, loadErr = f.Load()
	})
	if loadErr != nil {
		b.Fatal(loadErr)
	}
	return loaded
}

// The last quarter and the three years of the Landkreis's operation.
var (
	quarter   = kpi.QuarterPeriod(domain.NewDate(2025, 10, 1))
	threeYear = kpi.Period{From: domain.NewDate(2023, 1, 1), To: domain.NewDate(2025, 12, 31)}
	reportDay = time.Date(2026, 1, 20, 9, 0, 0, 0, time.UTC)
)

// kpiPeriods are the periods the KPI benchmarks compute.
var kpiPeriods = []struct {
	name   string
	period kpi.Period
}{{"quarter", quarter}, {"three-years", threeYear}}

// BenchmarkOpenOverview is what double-clicking the Landkreis file costs until the overview
// shows: open (checks, lock), read the project, evaluate all twelve steps. The parts are
// measured alone too.
func BenchmarkOpenOverview(b *testing.B) {
	path := landkreisPath(b)
	// "total" opens as the GUI does (session.Open): the plan, the rows checked and counted in
	// the file, none loaded. "total_every_row" loads every row, as the GUI did before.
	for _, c := range []struct {
		name string
		open func() (*domain.Project, func() error, error)
	}{
		{"total", func() (*domain.Project, func() error, error) {
			s, err := session.Open(path, persistence.OpenOptions{TakeOverLock: true})
			if err != nil {
				return nil, nil, err
			}
			return s.Project, s.Close, nil
		}},
		{"total_every_row", func() (*domain.Project, func() error, error) {
			f, err := persistence.Open(path, persistence.OpenOptions{TakeOverLock: true})
			if err != nil {
				return nil, nil, err
			}
			p, err := f.Load()
			if err != nil {
				f.Close()
				return nil, nil, err
			}
			return p, f.Close, nil
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				p, closeFile, err := c.open()
				if err != nil {
					b.Fatal(err)
				}
				if s := domain.Summarize(p, p.AsOf(time.Date(2027, 7, 14, 12, 0, 0, 0, time.UTC))); len(s) != 12 {
					b.Fatalf("%d steps", len(s))
				}
				closeFile()
			}
		})
	}
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			f, err := persistence.Open(path, persistence.OpenOptions{TakeOverLock: true})
			if err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
	})
	b.Run("load", func(b *testing.B) {
		f, err := persistence.Open(path, persistence.OpenOptions{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		for b.Loop() {
			if _, err := f.Load(); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Every thread check on the whole Landkreis (target of the design: ≤ 50 ms).
	b.Run("thread_rules", func(b *testing.B) {
		p := landkreis(b)
		today := domain.NewDate(2027, 7, 14)
		for b.Loop() {
			domain.ThreadFindings(p, today)
		}
	})
	b.Run("summarize", func(b *testing.B) {
		p := landkreis(b)
		today := domain.NewDate(2027, 7, 14)
		for b.Loop() {
			domain.Summarize(p, today)
		}
	})
}

// BenchmarkKPILandkreis computes every KPI (with the period before for comparison) for the
// last quarter (target under 0.2 s) and for all three years.
func BenchmarkKPILandkreis(b *testing.B) {
	p := landkreis(b)
	for _, c := range kpiPeriods {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				r, err := kpi.Compute(p, c.period, kpi.Options{})
				if err != nil || r.Tickets.Total.Tickets == 0 {
					b.Fatalf("%v, %+v", err, r.Tickets.Total)
				}
			}
		})
	}
}

// BenchmarkKPIStoreLandkreis is lotse kpi's work in-process: open the file, load the plan
// without rows (rows checked and counted), read the period's rows from the store, compute.
func BenchmarkKPIStoreLandkreis(b *testing.B) {
	path := landkreisPath(b)
	for _, c := range kpiPeriods {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				f, err := persistence.Open(path, persistence.OpenOptions{ReadOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				p, o, err := f.LoadWithoutRows()
				if err != nil {
					b.Fatal(err)
				}
				d, err := f.KPIData(kpi.NeedsOf(c.period, kpi.AsOfFor(kpi.Options{}, o.TicketHorizon, c.period)), o.TicketHorizon)
				if err != nil {
					b.Fatal(err)
				}
				r, err := kpi.ComputeData(p, d, c.period, kpi.Options{})
				if err != nil || r.Tickets.Total.Tickets == 0 {
					b.Fatalf("%v", err)
				}
				f.Close()
			}
		})
	}
}

// BenchmarkGesamtberichtLandkreis writes the full report of the Landkreis.
func BenchmarkGesamtberichtLandkreis(b *testing.B) {
	p := landkreis(b)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := reports.WriteGesamtbericht(&buf, p, reports.Options{Date: reportDay}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}

// BenchmarkMonitoringPDFLandkreis writes the monitoring report of the last quarter.
func BenchmarkMonitoringPDFLandkreis(b *testing.B) {
	p := landkreis(b)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := reports.WriteMonitoring(&buf, p, quarter, reports.Options{Date: reportDay}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}

// BenchmarkShareCopyLandkreis writes the copy for sending without the monitoring raw data.
func BenchmarkShareCopyLandkreis(b *testing.B) {
	path := landkreisPath(b)
	f, err := persistence.Open(path, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	dir := b.TempDir()
	var size int64
	i := 0
	for b.Loop() {
		target := filepath.Join(dir, "kopie"+string(rune('a'+i%26))+".lotse")
		i++
		res, err := f.WriteShareCopy(target, persistence.ShareOptions{WithoutMonitoring: true})
		if err != nil {
			b.Fatal(err)
		}
		size = res.Size
		os.Remove(target)
	}
	b.ReportMetric(float64(size), "bytes/copy")
}

// BenchmarkLandkreisByteIdentical generates the Landkreis again with the same seed and compares
// its JSON export with the export of the file a separate `lotse demo-data` run wrote: the same
// seed must give the same bytes. It fails when they differ.
func BenchmarkLandkreisByteIdentical(b *testing.B) {
	p := landkreis(b)
	var fromFile bytes.Buffer
	if err := persistence.ExportJSON(&fromFile, p); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		g, err := demo.Generate(demo.Landkreis, demo.Options{Seed: demo.DefaultSeed})
		if err != nil {
			b.Fatal(err)
		}
		var fresh bytes.Buffer
		if err := persistence.ExportJSON(&fresh, g); err != nil {
			b.Fatal(err)
		}
		if !bytes.Equal(fresh.Bytes(), fromFile.Bytes()) {
			b.Fatalf("the JSON export of a fresh generation (%d bytes) differs from the file's (%d bytes)", fresh.Len(), fromFile.Len())
		}
	}
	b.ReportMetric(float64(fromFile.Len()), "bytes/json")
}
