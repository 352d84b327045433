package sample

import (
	"testing"

	"schulit-lotse/domain"
)

// The recorded decisions stand whatever the matrix suggests, and every package is decided. By hand for User-Management: risk (4 + 4 + 2) / 3 = 3,33; strength
// from budget 4, inverted project risk 6 − 2 = 4, criteria (5 + 5) / 2 = 5 and the cost score of
// step 5 — at least (4 + 4 + 1 + 5) / 4 = 3,5 ≥ 3 whatever the cost → "intern", as recorded.
func TestSampleStep6Decisions(t *testing.T) {
	p := Build()
	for _, a := range domain.AssessSourcing(p) {
		want, ok := sampleAssessments[a.Name]
		if !ok {
			continue
		}
		if a.Recorded != want.outcome {
			t.Errorf("%s: recorded %q, want %q", a.Name, a.Recorded, want.outcome)
		}
		if a.Name == "User-Management" && (!nearly(a.Risk, 10.0/3) || a.Strength < 3.5 || a.Suggestion != domain.OutcomeInternal) {
			t.Errorf("User-Management %+v", a)
		}
	}
	for _, f := range domain.AllFindings(p, p.AsOf(anyNow)) {
		if f.Step == 6 && f.Severity != domain.SeverityWarning {
			t.Errorf("open question in step 6 of the sample: %s %q", f.Code, f.Subject)
		}
	}
}
