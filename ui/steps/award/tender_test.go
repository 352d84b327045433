package award

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

// tenderProject holds the sample's criteria and bids (see ui/cli/sample_step8_test.go):
// Nordlicht L = 590 at 238 000 €, Schulnetz L = 510 at 200 000 €, Digitalwerk under a minimum.
func tenderProject() *domain.Project {
	p := project()
	p.Criteria = []domain.TenderCriterion{
		{ID: 1, Kind: "A", Group: "Eignung", Name: "Referenzen", SortOrder: 1},
		{ID: 11, Kind: "B", Group: "Leistung", Name: "Konzept", Weight: 25, MinScore: 4, SortOrder: 2},
		{ID: 12, Kind: "B", Group: "Leistung", Name: "Vor Ort", Weight: 20, SortOrder: 3},
		{ID: 13, Kind: "B", Group: "Qualität", Name: "Personal", Weight: 15, MinScore: 3, SortOrder: 4},
		{ID: 14, Kind: "B", Group: "Qualität", Name: "Berichte", Weight: 10, SortOrder: 5},
		{ID: 15, Kind: "B", Group: "Übergang", Name: "Übergabe", Weight: 10, SortOrder: 6},
	}
	sc := func(a, b1, b2, b3, b4, b5 float64) map[int64]float64 {
		return map[int64]float64{1: a, 11: b1, 12: b2, 13: b3, 14: b4, 15: b5}
	}
	p.Bids = []domain.Bid{
		{ID: 1, Bidder: "Nordlicht", Price: 238000, Scores: sc(1, 8, 7, 8, 7, 6)},
		{ID: 2, Bidder: "Schulnetz", Price: 200000, Scores: sc(1, 6, 7, 6, 6, 7)},
		{ID: 3, Bidder: "Digitalwerk", Price: 189000, Scores: sc(1, 5, 4, 2, 5, 4)},
	}
	d := domain.NewDate(2026, 10, 20)
	p.Tender = domain.Tender{Procedure: "Offenes Verfahren (EU)", OfferDeadline: &d, Method: domain.MethodSimple}
	return p
}

func TestTenderEditorEvaluatesAsTheUserEdits(t *testing.T) {
	fx := newFixture(t, tenderProject())
	ed := NewTenderEditor(fx.Ctx)
	fx.W.SetContent(ed.View)
	// Simple method: Schulnetz has the best Z (2,55 against 2,48 per 1.000 €).
	if ed.rank.Rows[0][1] != "Schulnetz" || ed.rank.Rows[0][4] != "2,55" || ed.rank.Rows[1][4] != "2,48" {
		t.Fatalf("ranking %v", ed.rank.Rows)
	}
	if !strings.Contains(ed.rank.Rows[2][5], "ausgeschlossen: „Personal“: 2 Punkte, Minimum 3") {
		t.Errorf("exclusion %q", ed.rank.Rows[2][5])
	}
	// Extended, 5 %, best performance: Nordlicht lies in the range and wins.
	ed.method.SetSelected(ed.method.Options[1])
	typeInto(ed.fluct.Entry, "5")
	if fx.S.Project.Tender.Method != domain.MethodExtended || fx.S.Project.Tender.TieBreaker != domain.TieBreakPerformance {
		t.Fatalf("tender %+v", fx.S.Project.Tender)
	}
	if !strings.HasPrefix(ed.winner.Text, "Zuschlag: Nordlicht") || ed.rank.Rows[1][5] != "im Schwankungsbereich" {
		t.Errorf("winner %q, rows %v", ed.winner.Text, ed.rank.Rows)
	}
	// A score of 12 is refused and the field shows the stored 8 again.
	ed.bids.OnSelect(0)
	row := ed.scoreRows[1] // Konzept
	typeInto(row.entry, "12")
	if !strings.Contains(fx.lastError(), "bid_score_range") && !strings.Contains(fx.lastError(), "zwischen 0 und 10") {
		t.Errorf("score 12: %v", fx.Errs)
	}
	if row.entry.Text != "8" {
		t.Errorf("field after refusal %q", row.entry.Text)
	}
	// Nordlicht fails the A-criterion: excluded, and the open questions say so.
	ed.scoreRows[0].check.SetSelectedIndex(2)
	if r := domain.Evaluate(fx.S.Project.Tender, fx.S.Project.Criteria, fx.S.Project.Bids).Result(1); !r.Excluded {
		t.Fatal("A-criterion not met but ranked")
	}
	found := false
	for _, it := range ed.questions.Texts() {
		found = found || strings.Contains(it, "Nordlicht: Referenzen: A-Kriterium nicht erfüllt")
	}
	if !found {
		t.Errorf("questions %v", ed.questions.Texts())
	}
	if err := fx.S.Undo(); err != nil || fx.S.Project.BidByID(1).Scores[1] != 1 {
		t.Fatalf("undo: %v", err)
	}
	// The bids are scored: the criteria are frozen, deleting and reweighting are off and the
	// editor says why; a name can still be corrected.
	fx.Errs = nil
	ed.crit.OnSelect(1) // Konzept
	if !ed.delCrit.Disabled() || !ed.cWeight.Entry.Disabled() || ed.cName.Disabled() || ed.reopen.Disabled() ||
		!strings.Contains(ed.freeze.Text, "seit Angebote bewertet werden") {
		t.Fatalf("frozen criteria: delete %v, weight %v, reopen %v, %q", ed.delCrit.Disabled(), ed.cWeight.Entry.Disabled(), ed.reopen.Disabled(), ed.freeze.Text)
	}
	// Reopening asks for a reason; without one the dialog stays open with the message.
	test.Tap(ed.reopen)
	entries, ok, msg := fx.formDialog("reopen")
	if len(entries) != 1 {
		t.Fatalf("reopen dialog: %d entries", len(entries))
	}
	reason := entries[0]
	test.Tap(ok)
	if !strings.Contains(msg.Text, "Bitte begründen") || len(fx.S.Project.TenderLog) != 0 {
		t.Fatalf("reopen without reason: %q, %+v", msg.Text, fx.S.Project.TenderLog)
	}
	test.Type(reason, "Bieterfrage 3")
	test.Tap(ok)
	if len(fx.S.Project.TenderLog) != 1 || ed.delCrit.Disabled() || !strings.Contains(ed.freeze.Text, "wieder geöffnet: Bieterfrage 3") {
		t.Fatalf("after reopening: %+v, delete disabled %v, %q", fx.S.Project.TenderLog, ed.delCrit.Disabled(), ed.freeze.Text)
	}
	test.Tap(ed.delCrit)
	if len(fx.S.Project.Criteria) != 5 || len(fx.S.Project.TenderLog) != 2 || fx.S.Project.TenderLog[1].Field != domain.ChangeDeleted {
		t.Fatalf("delete while reopened: %d criteria, log %+v", len(fx.S.Project.Criteria), fx.S.Project.TenderLog)
	}
	test.Tap(ed.closeAgn)
	if !ed.delCrit.Disabled() || len(fx.S.Project.TenderLog) != 3 {
		t.Fatalf("fixed again: delete disabled %v, log %+v", ed.delCrit.Disabled(), fx.S.Project.TenderLog)
	}
}

func TestNewBidWithoutPriceIsRefusedInTheDialog(t *testing.T) {
	fx := newFixture(t, tenderProject())
	ed := NewTenderEditor(fx.Ctx)
	fx.W.SetContent(ed.View)
	test.Tap(ed.addBid)
	entries, ok, msg := fx.formDialog("bid")
	if len(entries) != 2 || ok == nil || msg == nil {
		t.Fatalf("dialog: %d entries, ok %v", len(entries), ok != nil)
	}
	test.Type(entries[0], "Ohne Preis GmbH")
	test.Tap(ok)
	if !strings.Contains(msg.Text, "Preis größer als 0") || len(fx.S.Project.Bids) != 3 {
		t.Fatalf("message %q, %d bids", msg.Text, len(fx.S.Project.Bids))
	}
	test.Type(entries[1], "150.000")
	test.Tap(ok)
	if len(fx.S.Project.Bids) != 4 || fx.S.Project.Bids[3].Price != 150000 || fx.W.Canvas().Overlays().Top() != nil {
		t.Fatalf("bid not added: %+v", fx.S.Project.Bids)
	}
}

// formDialog is the form dialog on top of the window (showAwForm): its entries in order, its
// "Übernehmen" button and its message line.
func (fx *fixture) formDialog(what string) (entries []*widget.Entry, ok *widget.Button, msg *widget.Label) {
	fx.T.Helper()
	pop := fx.W.Canvas().Overlays().Top()
	if pop == nil {
		fx.T.Fatalf("no %s dialog", what)
	}
	walk(pop, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Entry:
			entries = append(entries, w)
		case *widget.Button:
			if w.Text == "Übernehmen" {
				ok = w
			}
		case *widget.Label:
			if w.Importance == widget.DangerImportance {
				msg = w
			}
		}
	})
	return entries, ok, msg
}

// walk visits o and everything inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, x := range c.Objects {
			walk(x, fn)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		for _, x := range r.Objects() {
			walk(x, fn)
		}
	}
}

func TestContractEditorShowsTheDeadlineAndWarns(t *testing.T) {
	kittest.PinDay(t, domain.NewDate(2026, 11, 1))
	p := tenderProject()
	s := domain.NewDefaultSLA("Standard", func(c string) string { return c })
	s.ID = 1
	p.SLAs = []domain.SLA{s}
	fx := newFixture(t, p)
	ed := NewContractEditor(fx.Ctx)
	fx.W.SetContent(ed.View)
	if len(ed.providerOpts) != 3 {
		t.Errorf("providers offered %v", ed.providerOpts)
	}
	ed.provider.SetText("Schulnetz")
	ed.provider.OnSubmitted("Schulnetz")
	ed.ctype.SetSelectedIndex(1) // EVB-IT Service
	typeInto(ed.start, "2027-01-01")
	typeInto(ed.term.Entry, "24")
	typeInto(ed.notice.Entry, "3")
	ed.monthEnd.SetChecked(true)
	c := fx.S.Project.Contract
	if c.Provider != "Schulnetz" || c.Type != domain.ContractEVBService || c.TermMonths != 24 || c.NoticeMonths != 3 || !c.NoticeToMonthEnd {
		t.Fatalf("contract %+v", c)
	}
	// 24 months from 2027-01-01, 3 months to a month's end: notice by 30.09.2028.
	if !strings.Contains(ed.deadline.Text, "Sa 30.09.2028") || !strings.Contains(ed.noticeIn.Text, "699 Tage") {
		t.Errorf("deadline %q / %q", ed.deadline.Text, ed.noticeIn.Text)
	}
	if ed.warning.Visible() {
		t.Error("warning 699 days ahead")
	}
	// Bad input: notice as long as the term is refused, nothing changes.
	typeInto(ed.notice.Entry, "24")
	if fx.S.Project.Contract.NoticeMonths != 3 || ed.notice.Entry.Text != "3" {
		t.Errorf("notice ≥ term accepted: %+v", fx.S.Project.Contract)
	}
	// 77 days before the deadline the warning shows.
	kittest.StepsClock.Time = time.Date(2028, 7, 15, 12, 0, 0, 0, domain.Berlin)
	ed.refresh()
	if !ed.warning.Visible() || !strings.Contains(ed.warning.Text, "in 77 Tagen") {
		t.Errorf("warning %q", ed.warning.Text)
	}
	// Freezing copies the SLA; a later edit of the working SLA leaves it.
	test.Tap(ed.freezeBtn)
	if fx.S.Project.Contract.SLAID == nil || !strings.Contains(ed.slaState.Text, "1 SLA am 15.07.2028") {
		t.Fatalf("freeze: %q", ed.slaState.Text)
	}
	if err := fx.S.UpdateSLA(1, func(x *domain.SLA) { x.HotlineAnsweredPct = 50 }); err != nil {
		t.Fatal(err)
	}
	if fx.S.Project.SLAByID(*fx.S.Project.Contract.SLAID).HotlineAnsweredPct != 90 || !strings.Contains(ed.slaState.Text, "geändert") {
		t.Errorf("frozen copy changed or no hint: %q", ed.slaState.Text)
	}
}

func TestServiceSpecFromTheMenuInAllFormats(t *testing.T) {
	fx := newFixture(t, tenderProject())
	pdf, err := serviceSpecBytes(fx.S.Snapshot(), kit.ReportOptions(fx.S, kittest.StepsClock.Time), ".PDF")
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("pdf: %v", err)
	}
	md, err := serviceSpecBytes(fx.S.Snapshot(), kit.ReportOptions(fx.S, kittest.StepsClock.Time), ".md")
	if err != nil || !strings.Contains(string(md), "# Leistungsbeschreibung (Entwurf)") || !strings.Contains(string(md), "Konzept") {
		t.Fatalf("text: %v\n%s", err, md)
	}
	docx, err := serviceSpecBytes(fx.S.Snapshot(), kit.ReportOptions(fx.S, kittest.StepsClock.Time), ".docx")
	if err != nil || !strings.HasPrefix(string(docx), "PK") {
		t.Fatalf("docx: %v", err)
	}
	if _, err := serviceSpecBytes(fx.S.Snapshot(), kit.ReportOptions(fx.S, kittest.StepsClock.Time), ".odt"); err == nil || !strings.Contains(err.Error(), ".pdf, .docx, .md oder .txt") {
		t.Errorf("odt: %v", err)
	}
}
