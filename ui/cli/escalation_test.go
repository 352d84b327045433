package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"schulit-lotse/domain/kpi"
	musterstadt "schulit-lotse/internal/sample"
)

// When the sample's two Jour fixes had "Lösung im Ziel" red, `lotse kpi` proposes the first
// escalation level of step 11.
func TestKPIProposesTheEscalation(t *testing.T) {
	p := musterstadt.Build()
	for i := range p.JourFixes {
		f, ok := kpi.ParseFrozen(p.JourFixes[i].FrozenKPIs)
		if !ok {
			t.Fatalf("Jour fixe %d has no snapshot", p.JourFixes[i].ID)
		}
		for k := range f.Indicators {
			if f.Indicators[k].Key == "kpi.restore_share" {
				f.Indicators[k].Light = kpi.LightRed
			}
		}
		b, _ := json.Marshal(f)
		p.JourFixes[i].FrozenKPIs = string(b)
	}
	path := projectFile(t, "Rot.lotse", p)
	r := run(t, "kpi", path).want(t, 0)
	contains(t, "kpi", r.out, "war im Jour fixe am 13.04.2027 und am 13.07.2027 rot: Schritt 11 sieht dafür die Eskalationsstufe 1 vor")
	// The sample as it is has no such figure.
	_, plain := sample(t)
	if r := run(t, "kpi", plain).want(t, 0); strings.Contains(r.out, "Eskalationsstufe") {
		t.Errorf("the sample proposes an escalation:\n%s", r.out)
	}
}
