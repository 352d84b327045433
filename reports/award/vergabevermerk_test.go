package award

import (
	"io"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
	"schulit-lotse/reports/pdfkit"
)

// The Vergabevermerk of the sample after one reopening: the weights, every bid's score with its
// points (weight × score: 25 × 8 = 200) and reason, the ranking, and the change with its day and
// reason.
func TestAwardRecordListsScoresReasonsAndChanges(t *testing.T) {
	p := pdftest.Sample(t)
	p.TenderLog = []domain.TenderLogEntry{
		{ID: 1, On: domain.NewDate(2026, 10, 2), Kind: domain.LogReopen, Reason: "Bieterfrage 4: Gewichtung Berichtswesen"},
		{ID: 2, On: domain.NewDate(2026, 10, 2), Kind: domain.LogChange, Reason: "Bieterfrage 4: Gewichtung Berichtswesen",
			Criterion: "Berichtswesen", Field: domain.ChangeWeight, Before: "12.5", After: "10"},
		{ID: 3, On: domain.NewDate(2026, 10, 3), Kind: domain.LogClose},
	}
	text := pdftest.PDFText(t, func(w io.Writer) error { return WriteAwardRecord(w, p, pdfkit.Options{Date: fixedDate}) })
	pdftest.HasAll(t, "the Vergabevermerk", text, []string{
		"Vergabevermerk", "1 Kriterien und Gewichte", "seit der Veröffentlichung am 15.09.2026 fest",
		"2 Bewertung der Angebote mit Begründung", "Nordlicht IT-Service GmbH – Angebotspreis 238.000 €",
		"8 200 Eskalation in drei Stufen", "Leistungspunkte gesamt 590",
		"3 Wertung und Ergebnis", "4 Wiederöffnungen und Änderungen",
		"02.10.2026 Wieder geöffnet", "Berichtswesen: Gewicht 12,5 → 10", "Bieterfrage 4: Gewichtung Berichtswesen",
		"03.10.2026 Wieder festgeschrieben",
	})
	if t.Failed() {
		t.Log(text)
	}
}
