package domain

import "testing"

// The thread view of threadProject, package by package (see thread_test.go for its data).
func TestThreadView(t *testing.T) {
	p := threadProject()
	p.Contract.Provider = "Nordlicht"
	rows := ThreadView(p, NewDate(2027, 7, 14))
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	um, hw, sw := rows[0], rows[1], rows[2]
	// User-Management: tasks 1 (2 h, handed out) and 2 (3 h, kept): 2 tasks, 5 h, 1 out with 2 h.
	if um.Package.Name != "User-Management" || um.Tasks != 2 || um.Hours != 5 || um.HandedOutTasks != 1 || um.HandedOutHours != 2 ||
		um.Decision != OutcomeInternal || um.Provider != "Nordlicht" {
		t.Errorf("User-Management %+v", um)
	}
	// The provider is R on "Konten pflegen", the carrier on "Änderungen melden".
	if len(um.Responsible) != 2 || um.Responsible[0] != "Service Desk" || um.Responsible[1] != "IT-Koordination" {
		t.Errorf("responsible %v", um.Responsible)
	}
	// Its contradictions: intern handed out, category Konten, provider R on an intern package.
	if len(um.Findings) != 3 || len(um.Categories) != 1 || um.Categories[0] != "Konten" {
		t.Errorf("User-Management findings %d, categories %v", len(um.Findings), um.Categories)
	}
	// Hardware: tasks 3 (1 h, kept) and 5 (5 h, out); extern kept and no RACI activity.
	if hw.Tasks != 2 || hw.Hours != 6 || hw.HandedOutHours != 5 || hw.Decision != OutcomeExternal || len(hw.Findings) != 2 {
		t.Errorf("Hardware %+v", hw)
	}
	// Software: nothing handed out although decided gemischt.
	if sw.HandedOutTasks != 0 || sw.Decision != OutcomeMixed || len(sw.Findings) != 1 || sw.Findings[0].Rule != RuleNothingHandedOut {
		t.Errorf("Software %+v", sw)
	}
}
