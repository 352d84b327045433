package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/internal/sample"
	"schulit-lotse/persistence"
)

// The Roter Faden of the sample: a row per package, no contradictions; tapping the decision
// of a package opens step 6, tapping its SLA opens step 7.
func TestThreadViewOpensTheStepOfACell(t *testing.T) {
	ts := sampleShell(t, 1366, 740)
	o := ts.project.overview
	// While the step cards are shown, the quarter's rows are not read for the thread's KPIs.
	if o.tabs.SelectedIndex() != 0 || o.thread.kpis != nil {
		t.Fatalf("tab %d, KPIs computed before the Roter Faden was chosen: %v", o.tabs.SelectedIndex(), o.thread.kpis)
	}
	o.tabs.SelectIndex(1)
	tv := o.thread
	if tv.kpis == nil {
		t.Fatal("no KPIs when the Roter Faden is chosen")
	}
	if len(tv.rows) != 6 {
		t.Fatalf("%d rows", len(tv.rows))
	}
	for i := range tv.rows {
		if text, _ := tv.cell(i, 10); text != "keine" {
			t.Errorf("row %d: contradictions %q", i, text)
		}
	}
	// The winning bid for what goes out; Software stays in the house with its OLA, and its
	// MDM tickets are measured against it; every row with tickets has its lights as words.
	row := map[string]int{}
	for i, r := range tv.rows {
		row[r.Package.Name] = i
	}
	if w := cellText(tv, row["Störungsbeseitigung"], 5); w != "Nordlicht IT-Service GmbH" {
		t.Errorf("winner %q", w)
	}
	if s := cellText(tv, row["Software"], 4); s != "OLA Software (Team Schul-IT) (OLA)" {
		t.Errorf("Software's level %q", s)
	}
	for _, name := range []string{"Störungsbeseitigung", "Software"} {
		k := cellText(tv, row[name], 8)
		if !strings.HasPrefix(k, "Reaktion ") || !strings.Contains(k, " · Lösung ") ||
			!(strings.Contains(k, "grün") || strings.Contains(k, "gelb") || strings.Contains(k, "rot")) {
			t.Errorf("%s: KPIs %q", name, k)
		}
		if strings.Contains(k, "rot") && !strings.Contains(k, "Eskalationsstufe 1") {
			t.Errorf("%s: a red figure without its escalation level: %q", name, k)
		}
	}
	// User-Management: 2 tasks with 2 + 13 = 15 h/month, of which IServ (2 h) goes out.
	if a, b := cellText(tv, 0, 1), cellText(tv, 0, 2); a != "2 · 15 Std." || b != "1 · 2 Std." {
		t.Errorf("User-Management %q / %q", a, b)
	}
	tap := func(text string) {
		t.Helper()
		var target fyne.CanvasObject
		walk(tv.table, func(obj fyne.CanvasObject) bool {
			if l, ok := obj.(*widget.Label); ok && l.Text == text && target == nil {
				target = l
			}
			return true
		})
		if target == nil {
			t.Fatalf("no cell %q on screen", text)
		}
		d := fyne.CurrentApp().Driver()
		p := d.AbsolutePositionForObject(target)
		test.TapCanvas(ts.win.Canvas(), fyne.NewPos(p.X+5, p.Y+target.Size().Height/2))
	}
	tap(cellText(tv, 0, 3)) // the decision of User-Management
	if ts.project.current != 6 {
		t.Fatalf("the decision opened page %d", ts.project.current)
	}
	ts.project.show(0)
	o.tabs.SelectIndex(1)
	tap("Standard-SLA Schul-IT")
	if ts.project.current != 7 {
		t.Errorf("the SLA opened page %d", ts.project.current)
	}
	ts.project.show(0)
	o.tabs.SelectIndex(1)
	tv.table.ScrollTo(widget.TableCellID{Row: 0, Col: 8})
	tap(cellText(tv, 0, 8)) // the KPIs of the first package
	if ts.project.current != 12 {
		t.Errorf("the KPIs opened page %d", ts.project.current)
	}
}

func cellText(tv *threadView, row, col int) string {
	s, _ := tv.cell(row, col)
	return s
}

// Below the table the overview lists every contradiction in words: none for the sample; on the
// contradiction fixture one line per rule, and a tap opens the step to settle it in.
func TestThreadViewListsTheContradictions(t *testing.T) {
	ts := newTestShell(t)
	ts.openSample()
	o := ts.project.overview
	o.tabs.SelectIndex(1)
	if got := o.thread.listHead.Text; got != "Die Schritte widersprechen sich nicht." || len(o.thread.findings) != 0 {
		t.Fatalf("sample: %q, %d findings", got, len(o.thread.findings))
	}
	if o.thread.listBox.Visible() {
		t.Error("sample: the empty contradiction list still takes room below the table")
	}

	path := filepath.Join(t.TempDir(), "Widersprüche.lotse")
	f, err := persistence.Create(path, sample.Contradictions(), persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	ts.openPath(path, persistence.OpenOptions{})
	o = ts.project.overview
	o.tabs.SelectIndex(1)
	tv := o.thread
	if n := len(tv.findings); n != len(domain.ThreadRules) {
		t.Fatalf("%d contradictions listed, want %d", n, len(domain.ThreadRules))
	}
	if !tv.listBox.Visible() {
		t.Error("contradictions: the list is hidden")
	}
	assertText(t, tv.root, "Widersprüche zwischen den Schritten: "+strconv.Itoa(len(domain.ThreadRules)))
	first := tv.findingText(tv.findings[0])
	if !strings.HasPrefix(first, "Schritt 6: Paket „User-Management“ ist in Schritt 6 als „intern“ entschieden") {
		t.Errorf("first line %q", first)
	}
	// The Jour fixe's cadence concerns no package: it is listed all the same.
	found := false
	for _, f := range tv.findings {
		found = found || f.Rule == domain.RuleJourFixeCadence
	}
	if !found {
		t.Error("the Jour-fixe cadence is not listed")
	}
	tv.list.Select(len(tv.findings) - 1)
	if want := int(tv.findings[len(tv.findings)-1].Step); ts.project.current != want {
		t.Errorf("the last contradiction opened page %d, want %d", ts.project.current, want)
	}
}
