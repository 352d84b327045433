package award

import (
	"strconv"
	"testing"

	"schulit-lotse/domain"
)

// A B-criterion of weight 30 in a total of 120 has a share of 30/120 = 25 %; an A-criterion,
// a total of 0 and a missing minimum show "–".
func TestCriterionCells(t *testing.T) {
	format := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	cases := []struct {
		name               string
		c                  domain.TenderCriterion
		total              float64
		weight, share, min string
	}{
		{"B with minimum", domain.TenderCriterion{Kind: domain.CriterionB, Weight: 30, MinScore: 4}, 120, "30", "25 %", "4"},
		{"B without minimum", domain.TenderCriterion{Kind: domain.CriterionB, Weight: 30}, 120, "30", "25 %", "–"},
		{"B, total 0", domain.TenderCriterion{Kind: domain.CriterionB}, 0, "0", "–", "–"},
		{"A", domain.TenderCriterion{Kind: domain.CriterionA, Weight: 30, MinScore: 4}, 120, "–", "–", "–"},
	}
	for _, tc := range cases {
		w, s, m := CriterionCells(tc.c, tc.total, format)
		if w != tc.weight || s != tc.share || m != tc.min {
			t.Errorf("%s: cells %q %q %q, want %q %q %q", tc.name, w, s, m, tc.weight, tc.share, tc.min)
		}
	}
}
