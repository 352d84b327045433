package importers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// landkreisExport writes a GLPI-style export of n tickets (three years, 120 schools, titles
// and requesters the importer must skip) and returns its path.
func landkreisExport(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "glpi-landkreis.csv")
	var b bytes.Buffer
	b.Write(bomUTF8)
	b.WriteString(`"ID";"Titel";"Status";"Eröffnungsdatum";"Priorität";"Kategorie";"Einheit";"Anforderer - Anforderer";"Lösungsdatum";"Schließungsdatum";` + "\n")
	rnd := rand.New(rand.NewSource(1))
	prios := []string{"Sehr hoch", "Hoch", "Mittel", "Mittel", "Niedrig"}
	cats := []string{"Netzwerk > WLAN", "Hardware > Drucker", "Hardware > Beamer", "Konten", "Software", "Tablets"}
	start := time.Date(2025, 1, 1, 7, 0, 0, 0, domain.Berlin)
	for i := 0; i < n; i++ {
		c := start.Add(time.Duration(rnd.Int63n(int64(3 * 365 * 24 * time.Hour))))
		solved, closed := "", ""
		if rnd.Intn(30) > 0 {
			s := c.Add(time.Duration(rnd.Intn(72*60)) * time.Minute)
			solved, closed = s.Format("02-01-2006 15:04"), s.Add(24*time.Hour).Format("02-01-2006 15:04")
		}
		fmt.Fprintf(&b, "\"%d\u00a0%03d\";\"Störung Nummer %d\nmit zweiter Zeile\";\"Geschlossen\";\"%s\";\"%s\";\"%s\";\"Landkreis > Schule %d\";\"Person %d\";\"%s\";\"%s\";\n",
			(100000+i)/1000, (100000+i)%1000, i, c.Format("02-01-2006 15:04"), prios[rnd.Intn(len(prios))], cats[rnd.Intn(len(cats))],
			rnd.Intn(120)+1, rnd.Intn(5000), solved, closed)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// mappedTickets reads, checks and maps the tickets of src as the command line does.
func mappedTickets(tb testing.TB, src string, p *domain.Project) ([]domain.Ticket, domain.TicketMapping) {
	tf, err := ReadTickets(readTable(tb, src), TicketOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	m, _ := DetectMapping(tf, p.TicketMappingConfig(), classes, p.Packages)
	ts, err := tf.Tickets(m, classes, p.Packages)
	if err != nil {
		tb.Fatal(err)
	}
	return ts, m
}

// importFile is the whole import as the command line runs it: read, check, map, store.
func importFile(tb testing.TB, src string, f *persistence.File, p *domain.Project) int {
	ts, m := mappedTickets(tb, src, p)
	if _, err := f.UpsertTickets(ts, map[string]string{domain.ConfigTicketMapping: domain.ConfigJSON(m)}, nil); err != nil {
		tb.Fatal(err)
	}
	return len(ts)
}

func newProject(tb testing.TB) (*persistence.File, *domain.Project) {
	p := domain.NewProject("Landkreis", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	p.Packages = packages
	f, err := persistence.Create(filepath.Join(tb.TempDir(), "lk.lotse"), p, persistence.OpenOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return f, p
}

// BenchmarkImportTickets250k imports a 250,000-ticket GLPI export into a new project file:
// decoding, header detection, parsing every date, mapping and one transaction. Target: < 5 s.
// Compare with BenchmarkRawCSV250k, a bare encoding/csv pass over the same file.
func BenchmarkImportTickets250k(b *testing.B) {
	src := landkreisExport(b, 250_000)
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		f, p := newProject(b)
		b.StartTimer()
		c := cpuTime()
		if n := importFile(b, src, f, p); n != 250_000 {
			b.Fatalf("%d tickets", n)
		}
		cpu += cpuTime() - c
		b.StopTimer()
		f.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkUndoImport250k undoes and redoes an import of 250,000 tickets that updated 250,000
// tickets of the file (the same export imported twice): by the import's id, in the file.
func BenchmarkUndoImport250k(b *testing.B) {
	src := landkreisExport(b, 250_000)
	f, p := newProject(b)
	defer f.Close()
	importFile(b, src, f, p)
	ts, _ := mappedTickets(b, src, p)
	imp, err := f.UpsertTickets(ts, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		if err := f.UndoImport(imp.ID); err != nil {
			b.Fatal(err)
		}
		if err := f.RedoImport(imp.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU starts measuring the process's CPU time; the function it returns reports it per
// operation ("cpu-s/op").
func reportCPU(b *testing.B) func() {
	c := cpuTime()
	return func() { b.ReportMetric((cpuTime()-c).Seconds()/float64(b.N), "cpu-s/op") }
}

// BenchmarkReadTickets250k is the reading and checking part alone (no file written).
func BenchmarkReadTickets250k(b *testing.B) {
	src := landkreisExport(b, 250_000)
	b.ResetTimer()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		tab := readTable(b, src)
		tf, err := ReadTickets(tab, TicketOptions{})
		if err != nil || len(tf.Rows) != 250_000 {
			b.Fatal(err)
		}
	}
}

func BenchmarkRawCSV250k(b *testing.B) {
	src := landkreisExport(b, 250_000)
	b.ResetTimer()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, bomUTF8)))
		r.Comma = ';'
		r.FieldsPerRecord = -1
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 250_001 {
			b.Fatalf("%d records", n)
		}
	}
}

// BenchmarkCalls400k imports a list of 400,000 calls into a project file.
func BenchmarkCalls400k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "anrufe.csv")
	var buf bytes.Buffer
	buf.WriteString("Datum;Uhrzeit;Richtung;Anrufer;Status;Wartezeit;Gesprächsdauer\n")
	rnd := rand.New(rand.NewSource(2))
	start := time.Date(2025, 1, 1, 7, 0, 0, 0, domain.Berlin)
	for i := 0; i < 400_000; i++ {
		at := start.Add(time.Duration(rnd.Int63n(int64(3 * 365 * 24 * time.Hour))))
		status := "angenommen"
		if rnd.Intn(10) == 0 {
			status = "verpasst"
		}
		fmt.Fprintf(&buf, "%s;%s;eingehend;0512 %06d;%s;00:00:%02d;00:%02d:%02d\n", at.Format("02.01.2006"), at.Format("15:04:05"),
			rnd.Intn(1000000), status, rnd.Intn(60), rnd.Intn(20), rnd.Intn(60))
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	var cpu time.Duration
	defer func() { b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op") }()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		f, _ := newProject(b)
		b.StartTimer()
		c := cpuTime()
		tab := readTable(b, path)
		cf, err := ReadCalls(tab, CallOptions{})
		if err != nil || len(cf.Calls) != 400_000 {
			b.Fatal(err)
		}
		if _, err := f.ReplaceCallsBetween(cf.First, cf.Last, cf.Calls, nil, nil); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c
		b.StopTimer()
		f.Close()
		b.StartTimer()
	}
}
