package sample

import (
	"testing"

	"schulit-lotse/domain"
)

// By hand: six packages, every task in one of them, each with target state and criteria, so
// step 3 is done without open questions. Hardware-Wartung holds three cards in two rows:
// 40 + 2 × 72 + 10 + 24 = 218 high; the others one row, 136. For a view 1.5 times as wide as
// high, two columns (828 × 570: min(1.5/828, 1/570) = 0.00175) beat three (1262 × 394: 0.00119)
// and one (394 × 1098: 0.00091).
func TestSampleStep3Board(t *testing.T) {
	p := Build()
	var sum domain.StepSummary
	for _, s := range domain.Summarize(p, p.AsOf(anyNow)) {
		if s.Number == 3 {
			sum = s
		}
	}
	if sum.State != domain.StateDone || len(sum.Findings) != 0 {
		t.Errorf("step 3 = %+v", sum)
	}
	groups := domain.GroupByPackage(p)
	if len(groups) != 6 {
		t.Fatalf("%d groups, want the six packages and no pile", len(groups))
	}
	seed := map[string]string{
		"IServ-Nutzer anlegen":                     "User-Management",
		"Erstlöseversuche bei Störungen in Schule": "Vor-Ort-Support",
		"Zuweisen von Updates im MDM":              "Software",
		"Neu: Wartung der Schüler-Tablets":         "Hardware-Wartung",
	}
	for _, task := range p.Tasks {
		if want, ok := seed[task.Name]; ok && domain.PackageName(p, task) != want {
			t.Errorf("%s is in %q, the seed has %q", task.Name, domain.PackageName(p, task), want)
		}
	}
	l := domain.LayoutBoard(p)
	for i := range l.Packages {
		for j := i + 1; j < len(l.Packages); j++ {
			if l.Packages[i].Rect().Intersects(l.Packages[j].Rect()) {
				t.Errorf("%s and %s overlap", l.Packages[i].Name, l.Packages[j].Name)
			}
		}
	}
	// Rows at y 0, 136 + 40 = 176 and 176 + 218 + 40 = 434.
	want := map[int64][2]float64{101: {0, 0}, 102: {434, 0}, 103: {0, 176}, 104: {434, 176}, 105: {0, 434}, 106: {434, 434}}
	for id, xy := range want {
		pk := p.PackageByID(id)
		if pk == nil || pk.X != xy[0] || pk.Y != xy[1] {
			t.Errorf("package %d = %+v, want at (%v, %v)", id, pk, xy[0], xy[1])
		}
	}
	if hw := p.PackageByID(104); hw.Name != "Hardware-Wartung" || hw.Height != 218 {
		t.Errorf("Hardware-Wartung = %+v, want 218 high", hw)
	}
	// Every card lies in its package's card area.
	for _, task := range p.Tasks {
		pk := p.PackageByID(*task.PackageID)
		if r := l.Cards[task.ID]; r.X != task.CardX || r.Y != task.CardY || !pk.Rect().Contains(r.X, r.Y) {
			t.Errorf("%s drawn at %v, stored (%v, %v)", task.Name, r, task.CardX, task.CardY)
		}
	}
}
