package domain

import (
	"reflect"
	"testing"
	"time"
)

// The worked example: one A-criterion and three weighted B-criteria (max L = 10 × 60 = 600).
func tenderCriteria() []TenderCriterion {
	return []TenderCriterion{
		{ID: 1, Kind: CriterionA, Group: "Eignung", Name: "Referenzen", SortOrder: 1},
		{ID: 2, Kind: CriterionB, Group: "Leistung", Name: "Reaktionskonzept", Weight: 30, MinScore: 4, SortOrder: 2},
		{ID: 3, Kind: CriterionB, Group: "Leistung", Name: "Qualifikation", Weight: 20, SortOrder: 3},
		{ID: 4, Kind: CriterionB, Group: "Service", Name: "Vor-Ort-Präsenz", Weight: 10, SortOrder: 4},
	}
}

// L by hand:
//
//	Alpha: 30·8 + 20·6 + 10·5 = 240 + 120 + 50 = 410, P = 100 000 → Z = 0.0041
//	Beta:  30·6 + 20·5 + 10·7 = 180 + 100 + 70 = 350, P =  80 000 → Z = 0.004375
//	Gamma: A-criterion not met (L would be 540)               → excluded
//	Delta: 30·3 + 20·10 + 10·10 = 390, but 3 < minimum 4       → excluded
func tenderBids() []Bid {
	return []Bid{
		{ID: 1, Bidder: "Alpha", Price: 100000, Scores: map[int64]float64{1: 1, 2: 8, 3: 6, 4: 5}},
		{ID: 2, Bidder: "Beta", Price: 80000, Scores: map[int64]float64{1: 1, 2: 6, 3: 5, 4: 7}},
		{ID: 3, Bidder: "Gamma", Price: 90000, Scores: map[int64]float64{1: 0, 2: 9, 3: 9, 4: 9}},
		{ID: 4, Bidder: "Delta", Price: 70000, Scores: map[int64]float64{1: 1, 2: 3, 3: 10, 4: 10}},
	}
}

func awNear(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }

func awRanks(ev Evaluation) map[string]int {
	out := map[string]int{}
	for _, r := range ev.Results {
		out[r.Bidder] = r.Rank
	}
	return out
}

func TestSimpleMethodByHand(t *testing.T) {
	ev := Evaluate(Tender{Method: MethodSimple}, tenderCriteria(), tenderBids())
	if ev.MaxPoints != 600 {
		t.Errorf("max L = %v, want 600", ev.MaxPoints)
	}
	a, b := ev.Result(1), ev.Result(2)
	if a.Points != 410 || b.Points != 350 || !awNear(a.Ratio, 0.0041) || !awNear(b.Ratio, 0.004375) {
		t.Fatalf("Alpha L=%v Z=%v, Beta L=%v Z=%v", a.Points, a.Ratio, b.Points, b.Ratio)
	}
	if ev.Winner != 2 || len(ev.Tied) != 0 {
		t.Errorf("winner %d tied %v, want Beta", ev.Winner, ev.Tied)
	}
	want := map[string]int{"Beta": 1, "Alpha": 2, "Gamma": 0, "Delta": 0}
	if got := awRanks(ev); !reflect.DeepEqual(got, want) {
		t.Errorf("ranks %v, want %v", got, want)
	}
	// Admitted first in rank order, the excluded after them in bid order.
	order := []string{}
	for _, r := range ev.Results {
		order = append(order, r.Bidder)
	}
	if !reflect.DeepEqual(order, []string{"Beta", "Alpha", "Gamma", "Delta"}) {
		t.Errorf("order %v", order)
	}
	g := ev.Result(3)
	if !g.Excluded || len(g.Exclusions) != 1 || g.Exclusions[0] != (Exclusion{Reason: ExcludedACriterion, Criterion: "Referenzen"}) {
		t.Errorf("Gamma: %+v", g)
	}
	d := ev.Result(4)
	if !d.Excluded || len(d.Exclusions) != 1 || d.Exclusions[0] != (Exclusion{Reason: ExcludedMinScore, Criterion: "Reaktionskonzept", Score: 3, Min: 4}) {
		t.Errorf("Delta: %+v", d)
	}
	if d.Points != 390 {
		t.Errorf("Delta's points are still shown: %v, want 390", d.Points)
	}
	if ev.Admitted() != 2 {
		t.Errorf("admitted %d", ev.Admitted())
	}
}

func TestExtendedMethodByHand(t *testing.T) {
	// Best Z = 0.004375 (Beta). 10 % below: floor = 0.004375 × 0.9 = 0.0039375; Alpha's 0.0041
	// lies inside, so the deciding criterion picks between Alpha and Beta.
	cases := []struct {
		name    string
		pct     float64
		tie     string
		winner  int64
		inRange bool // Alpha within the range
		floor   float64
	}{
		{"10 %, performance decides: Alpha has more L", 10, TieBreakPerformance, 1, true, 0.0039375},
		{"10 %, price decides: Beta is cheaper", 10, TieBreakPrice, 2, true, 0.0039375},
		// 5 %: floor = 0.00415625 > 0.0041, Alpha is out; Beta wins whatever decides.
		{"5 %, performance: Alpha outside", 5, TieBreakPerformance, 2, false, 0.00415625},
	}
	for _, c := range cases {
		ev := Evaluate(Tender{Method: MethodExtended, FluctuationPct: c.pct, TieBreaker: c.tie}, tenderCriteria(), tenderBids())
		if ev.Winner != c.winner {
			t.Errorf("%s: winner %d, want %d", c.name, ev.Winner, c.winner)
		}
		if !awNear(ev.Floor, c.floor) || !awNear(ev.BestRatio, 0.004375) {
			t.Errorf("%s: floor %v best %v", c.name, ev.Floor, ev.BestRatio)
		}
		if got := ev.Result(1).InRange; got != c.inRange {
			t.Errorf("%s: Alpha in range = %v", c.name, got)
		}
		if !ev.Result(2).InRange {
			t.Errorf("%s: the best bid is always in range", c.name)
		}
		loser := int64(3 - c.winner)
		if ev.Result(loser).Rank != 2 || ev.Result(c.winner).Rank != 1 {
			t.Errorf("%s: ranks %v", c.name, awRanks(ev))
		}
	}
}

func TestTiesByHand(t *testing.T) {
	crit := []TenderCriterion{{ID: 1, Kind: CriterionB, Name: "Leistung", Weight: 50}}
	// X: L = 50·5 = 250, P = 50 000 → Z = 0.005; Y: L = 50·6 = 300, P = 60 000 → Z = 0.005.
	bids := []Bid{
		{ID: 1, Bidder: "X", Price: 50000, Scores: map[int64]float64{1: 5}},
		{ID: 2, Bidder: "Y", Price: 60000, Scores: map[int64]float64{1: 6}},
	}
	ev := Evaluate(Tender{Method: MethodSimple}, crit, bids)
	if ev.Winner != 0 || !reflect.DeepEqual(ev.Tied, []int64{1, 2}) || ev.Result(1).Rank != 1 || ev.Result(2).Rank != 1 {
		t.Errorf("no deciding criterion: winner %d tied %v ranks %v", ev.Winner, ev.Tied, awRanks(ev))
	}
	if ev := Evaluate(Tender{Method: MethodSimple, TieBreaker: TieBreakPerformance}, crit, bids); ev.Winner != 2 || ev.Result(1).Rank != 2 {
		t.Errorf("performance breaks the tie for Y: %d %v", ev.Winner, awRanks(ev))
	}
	if ev := Evaluate(Tender{Method: MethodSimple, TieBreaker: TieBreakPrice}, crit, bids); ev.Winner != 1 {
		t.Errorf("price breaks the tie for X: %d", ev.Winner)
	}

	// Extended, equal L: X2 L = 300, P = 60 000 (Z = 0.005); Y2 L = 300, P = 61 000
	// (Z = 0.0049180…); 5 % range floor = 0.00475, both inside. Performance is level, so Z decides: X2.
	bids2 := []Bid{
		{ID: 1, Bidder: "X2", Price: 60000, Scores: map[int64]float64{1: 6}},
		{ID: 2, Bidder: "Y2", Price: 61000, Scores: map[int64]float64{1: 6}},
	}
	ev2 := Evaluate(Tender{Method: MethodExtended, FluctuationPct: 5, TieBreaker: TieBreakPerformance}, crit, bids2)
	if ev2.Winner != 1 || !ev2.Result(2).InRange {
		t.Errorf("equal performance, Z decides: winner %d, Y2 in range %v", ev2.Winner, ev2.Result(2).InRange)
	}
	// Two identical bids cannot be told apart by any rule.
	bids3 := []Bid{
		{ID: 7, Bidder: "P", Price: 1000, Scores: map[int64]float64{1: 4}},
		{ID: 8, Bidder: "Q", Price: 1000, Scores: map[int64]float64{1: 4}},
		{ID: 9, Bidder: "R", Price: 2000, Scores: map[int64]float64{1: 4}},
	}
	ev3 := Evaluate(Tender{Method: MethodExtended, FluctuationPct: 5, TieBreaker: TieBreakPrice}, crit, bids3)
	if ev3.Winner != 0 || !reflect.DeepEqual(ev3.Tied, []int64{7, 8}) || ev3.Result(9).Rank != 3 || ev3.Result(9).InRange {
		t.Errorf("identical bids: winner %d tied %v ranks %v", ev3.Winner, ev3.Tied, awRanks(ev3))
	}
	// Ranks after a tie skip: 1, 2, 2.
	bids4 := []Bid{
		{ID: 1, Bidder: "A", Price: 1000, Scores: map[int64]float64{1: 8}},
		{ID: 2, Bidder: "B", Price: 1000, Scores: map[int64]float64{1: 4}},
		{ID: 3, Bidder: "C", Price: 2000, Scores: map[int64]float64{1: 8}},
	}
	if got := awRanks(Evaluate(Tender{}, crit, bids4)); !reflect.DeepEqual(got, map[string]int{"A": 1, "B": 2, "C": 2}) {
		t.Errorf("ranks after a tie: %v", got)
	}
}

func TestExclusionsAndOpenScores(t *testing.T) {
	crit := tenderCriteria()
	bids := []Bid{
		// A not checked yet, B-criterion with a minimum not scored: excluded with both reasons.
		{ID: 1, Bidder: "Offen", Price: 1000, Scores: map[int64]float64{3: 5, 4: 5}},
		// A met, a B without minimum unscored: counts 0 and is named.
		{ID: 2, Bidder: "Teilweise", Price: 1000, Scores: map[int64]float64{1: 1, 2: 5, 3: 5}},
		// No price.
		{ID: 3, Bidder: "Ohne Preis", Scores: map[int64]float64{1: 1, 2: 5, 3: 5, 4: 5}},
	}
	ev := Evaluate(Tender{}, crit, bids)
	o := ev.Result(1)
	want := []Exclusion{{Reason: ExcludedAUnchecked, Criterion: "Referenzen"}, {Reason: ExcludedScoreMiss, Criterion: "Reaktionskonzept", Min: 4}}
	if !o.Excluded || !reflect.DeepEqual(o.Exclusions, want) {
		t.Errorf("Offen: %+v", o.Exclusions)
	}
	p := ev.Result(2)
	if p.Excluded || p.Points != 250 || !reflect.DeepEqual(p.Unscored, []string{"Vor-Ort-Präsenz"}) {
		t.Errorf("Teilweise: %+v", p)
	}
	np := ev.Result(3)
	if !np.Excluded || np.Exclusions[0].Reason != ExcludedNoPrice || np.Ratio != 0 {
		t.Errorf("Ohne Preis: %+v", np)
	}
	if ev.Winner != 2 {
		t.Errorf("winner %d", ev.Winner)
	}
	// Only A-criteria: nothing to score, nobody ranks.
	evA := Evaluate(Tender{}, crit[:1], []Bid{{ID: 1, Bidder: "X", Price: 5, Scores: map[int64]float64{1: 1}}})
	if evA.Winner != 0 || evA.Result(1).Exclusions[0].Reason != ExcludedNoPoints {
		t.Errorf("only A: %+v", evA)
	}
}

func TestTenderValidation(t *testing.T) {
	crit := tenderCriteria()
	bad := map[string]struct {
		err  error
		want Error
	}{
		"bid without price":   {Bid{Bidder: "X", Price: 0}.Validate(crit), ErrBidPrice},
		"negative price":      {Bid{Bidder: "X", Price: -5}.Validate(crit), ErrBidPrice},
		"no bidder":           {Bid{Bidder: " ", Price: 5}.Validate(crit), ErrBidderEmpty},
		"score 11":            {Bid{Bidder: "X", Price: 5, Scores: map[int64]float64{2: 11}}.Validate(crit), ErrBidScoreRange},
		"A score 0.5":         {Bid{Bidder: "X", Price: 5, Scores: map[int64]float64{1: 0.5}}.Validate(crit), ErrBidScoreA},
		"unknown criterion":   {Bid{Bidder: "X", Price: 5, Scores: map[int64]float64{99: 1}}.Validate(crit), ErrBidScoreUnknown},
		"B weight 0":          {TenderCriterion{Kind: CriterionB, Name: "x"}.Validate(), ErrCriterionWeight},
		"min above 10":        {TenderCriterion{Kind: CriterionB, Name: "x", Weight: 1, MinScore: 11}.Validate(), ErrCriterionMinScore},
		"kind C":              {TenderCriterion{Kind: "C", Name: "x"}.Validate(), ErrCriterionKind},
		"nameless":            {TenderCriterion{Kind: CriterionA}.Validate(), ErrCriterionNameEmpty},
		"extended, no rule":   {Tender{Method: MethodExtended, FluctuationPct: 5}.Validate(), ErrTenderTieBreaker},
		"range 60 %":          {Tender{Method: MethodSimple, FluctuationPct: 60}.Validate(), ErrTenderFluctuation},
		"deadline before pub": {Tender{PublishedOn: awDate(2026, 6, 1), OfferDeadline: awDate(2026, 5, 1)}.Validate(), ErrTenderDeadlineOrder},
		"award before offers": {Tender{OfferDeadline: awDate(2026, 6, 1), AwardDate: awDate(2026, 5, 30)}.Validate(), ErrTenderAwardOrder},
	}
	for name, c := range bad {
		if c.err != c.want {
			t.Errorf("%s: got %v, want %v", name, c.err, c.want)
		}
	}
	if err := (Bid{Bidder: "X", Price: 5, Scores: map[int64]float64{1: 1, 2: 10}}).Validate(crit); err != nil {
		t.Error(err)
	}
}

func awDate(y, m, d int) *Date { x := NewDate(y, time.Month(m), d); return &x }

var awNow = time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)

func TestTenderStepSummary(t *testing.T) {
	p := NewProject("T", awNow)
	if st, _, _ := evaluateTender(p, testDay); st != StateOpen {
		t.Errorf("empty tender: %s", st)
	}
	p.Tender = Tender{Procedure: "Offenes Verfahren", OfferDeadline: awDate(2026, 6, 1), Method: MethodSimple}
	p.Criteria = tenderCriteria()
	p.Bids = tenderBids()
	st, figs, f := evaluateTender(p, testDay)
	if st != StateDone {
		t.Errorf("state %s, findings %+v", st, f)
	}
	var winner string
	var rank []string
	for _, x := range figs {
		switch x.Key {
		case "fig.tender.winner":
			winner = x.Text
		case "fig.tender.rank":
			rank = append(rank, x.Label)
		}
	}
	if winner != "Beta" || !reflect.DeepEqual(rank, []string{"1. Beta", "2. Alpha"}) {
		t.Errorf("winner %q ranking %v", winner, rank)
	}
	codes := map[string]string{}
	for _, x := range f {
		codes[x.Subject] = x.Code
	}
	if codes["Gamma: Referenzen"] != FindTenderAFailed || codes["Delta: Reaktionskonzept"] != FindTenderMinScore {
		t.Errorf("exclusions not reported: %+v", f)
	}
}

// BenchmarkEvaluate: 40 bids against 30 criteria (a large open procedure).
func BenchmarkEvaluate(b *testing.B) {
	var crit []TenderCriterion
	for i := 1; i <= 30; i++ {
		kind := CriterionB
		if i <= 5 {
			kind = CriterionA
		}
		crit = append(crit, TenderCriterion{ID: int64(i), Kind: kind, Name: "K" + string(rune('A'+i%26)), Weight: float64(i%7 + 1), MinScore: float64(i % 3), SortOrder: i})
	}
	var bids []Bid
	for j := 1; j <= 40; j++ {
		sc := map[int64]float64{}
		for i := 1; i <= 30; i++ {
			if i <= 5 {
				sc[int64(i)] = 1
			} else {
				sc[int64(i)] = float64((i*j)%8 + 2)
			}
		}
		bids = append(bids, Bid{ID: int64(j), Bidder: "Bieter", Price: float64(100000 + j*1373), Scores: sc})
	}
	t := Tender{Method: MethodExtended, FluctuationPct: 5, TieBreaker: TieBreakPrice}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Evaluate(t, crit, bids)
	}
}

// Only B-criteria carry weight: 30 + 20 + 0 = 50; the A-criterion's 99 does not count.
func TestWeightTotal(t *testing.T) {
	crit := []TenderCriterion{
		{ID: 1, Kind: CriterionA, Weight: 99},
		{ID: 2, Kind: CriterionB, Weight: 30},
		{ID: 3, Kind: CriterionB, Weight: 20},
		{ID: 4, Kind: CriterionB},
	}
	if got := WeightTotal(crit); got != 50 {
		t.Errorf("WeightTotal = %v, want 50", got)
	}
	if got := WeightTotal(nil); got != 0 {
		t.Errorf("WeightTotal(nil) = %v, want 0", got)
	}
}

// A B-criterion of weight 30 in a total of 120 has a share of 30/120 = 0.25; an A-criterion and a
// total of 0 have none.
func TestCriterionShare(t *testing.T) {
	cases := []struct {
		c     TenderCriterion
		total float64
		share float64
		ok    bool
	}{
		{TenderCriterion{Kind: CriterionB, Weight: 30}, 120, 0.25, true},
		{TenderCriterion{Kind: CriterionB, Weight: 30}, 0, 0, false},
		{TenderCriterion{Kind: CriterionA, Weight: 30}, 120, 0, false},
	}
	for _, tc := range cases {
		if share, ok := tc.c.Share(tc.total); share != tc.share || ok != tc.ok {
			t.Errorf("%+v.Share(%v) = %v, %v; want %v, %v", tc.c, tc.total, share, ok, tc.share, tc.ok)
		}
	}
}
