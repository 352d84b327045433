package kpi

import (
	"testing"

	"schulit-lotse/domain"
)

func frozenWith(lights map[string]Light) string {
	r := &Report{}
	for _, key := range []string{"kpi.response_share", "kpi.restore_share", "kpi.hotline_share"} {
		r.Indicators = append(r.Indicators, Indicator{Key: key, HasValue: true, Light: lights[key]})
	}
	r.ClassIndicators = append(r.ClassIndicators, Indicator{Key: "kpi.class_restore", Label: "P1", HasValue: true, Light: lights["P1"]})
	return r.Freeze(nil)
}

// Lösung im Ziel was red in April and July: escalation level 1 is proposed. The response share
// was red only in July, P1 only in April, the hotline never: none for them.
func TestEscalationsDueForRedTwiceInARow(t *testing.T) {
	p := &domain.Project{
		JourFixes: []domain.JourFixe{
			{ID: 2, Date: domain.NewDate(2027, 7, 13), FrozenKPIs: frozenWith(map[string]Light{"kpi.restore_share": LightRed, "kpi.response_share": LightRed})},
			{ID: 1, Date: domain.NewDate(2027, 4, 13), FrozenKPIs: frozenWith(map[string]Light{"kpi.restore_share": LightRed, "P1": LightRed})},
			{ID: 3, Date: domain.NewDate(2027, 8, 1)}, // no snapshot: not counted
		},
		EscalationLevels: []domain.EscalationLevel{{ID: 9, Level: 2, Trigger: "Geschäftsleitung"}, {ID: 8, Level: 1, Trigger: "Serviceverantwortliche"}},
	}
	got := EscalationsDue(p)
	if len(got) != 1 || got[0].Indicator.Key != "kpi.restore_share" || got[0].Level == nil || got[0].Level.ID != 8 ||
		got[0].Meetings[0].String() != "2027-04-13" || got[0].Meetings[1].String() != "2027-07-13" {
		t.Fatalf("escalations %+v", got)
	}
	// One snapshot alone proposes nothing.
	p.JourFixes = p.JourFixes[:1]
	if got := EscalationsDue(p); len(got) != 0 {
		t.Errorf("one meeting: %+v", got)
	}
}
