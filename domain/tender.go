package domain

import (
	"math"
	"sort"
	"strings"
)

// Evaluation methods of the UfAB (Unterlage für Ausschreibung und Bewertung von IT-Leistungen).
const (
	MethodSimple   = "simple"   // einfache Richtwertmethode: highest Z = L / P wins
	MethodExtended = "extended" // erweiterte Richtwertmethode: Schwankungsbereich + Entscheidungskriterium
)

// Deciding criteria of the erweiterte Richtwertmethode (and of ties in the simple one).
const (
	TieBreakPerformance = "performance" // more Leistungspunkte wins
	TieBreakPrice       = "price"       // lower price wins
)

// Criterion kinds.
const (
	CriterionA = "A" // Ausschlusskriterium: met or not met
	CriterionB = "B" // Bewertungskriterium: weighted score 0–10
)

// MaxScore is the top of the scoring scale of B-criteria.
const MaxScore = 10

// Rule violations of step 8.
const (
	ErrCriterionNameEmpty Error = "err.tender.criterion_name_empty"
	ErrCriterionKind      Error = "err.tender.criterion_kind"
	ErrCriterionWeight    Error = "err.tender.criterion_weight"
	ErrCriterionMinScore  Error = "err.tender.criterion_min_score"
	ErrBidderEmpty        Error = "err.tender.bidder_empty"
	ErrBidPrice           Error = "err.tender.bid_price"
	ErrBidScoreRange      Error = "err.tender.bid_score_range"
	ErrBidScoreA          Error = "err.tender.bid_score_a"
	ErrBidScoreUnknown    Error = "err.tender.bid_score_unknown"
	ErrTenderMethod       Error = "err.tender.method"
	// ErrCriteriaLocked: the tender is published or bids are scored, so the criteria and their
	// weights are fixed until the tender is reopened with a reason.
	ErrCriteriaLocked      Error = "err.tender.criteria_locked"
	ErrTenderFluctuation   Error = "err.tender.fluctuation"
	ErrTenderTieBreaker    Error = "err.tender.tie_breaker"
	ErrTenderDeadlineOrder Error = "err.tender.deadline_order"
	ErrTenderAwardOrder    Error = "err.tender.award_order"
)

// Validate checks a criterion.
func (c TenderCriterion) Validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return ErrCriterionNameEmpty
	}
	switch c.Kind {
	case CriterionA:
	case CriterionB:
		if bad(c.Weight) || c.Weight <= 0 || c.Weight > 1e6 {
			return ErrCriterionWeight
		}
		if bad(c.MinScore) || c.MinScore < 0 || c.MinScore > MaxScore {
			return ErrCriterionMinScore
		}
	default:
		return ErrCriterionKind
	}
	return nil
}

// Validate checks a bid against the criteria: a bidder, a price above zero, A-scores 0 or 1 and
// B-scores 0–10 for criteria that exist.
func (b Bid) Validate(criteria []TenderCriterion) error {
	if strings.TrimSpace(b.Bidder) == "" {
		return ErrBidderEmpty
	}
	if bad(b.Price) || b.Price <= 0 || b.Price > 1e12 {
		return ErrBidPrice
	}
	kinds := map[int64]string{}
	for _, c := range criteria {
		kinds[c.ID] = c.Kind
	}
	for id := range b.Reasons {
		if _, ok := kinds[id]; !ok {
			return ErrBidScoreUnknown
		}
	}
	for id, s := range b.Scores {
		kind, ok := kinds[id]
		if !ok {
			return ErrBidScoreUnknown
		}
		if bad(s) {
			return ErrBidScoreRange
		}
		if kind == CriterionA && s != 0 && s != 1 {
			return ErrBidScoreA
		}
		if s < 0 || s > MaxScore {
			return ErrBidScoreRange
		}
	}
	return nil
}

// Validate checks the procedure data: a known method, a Schwankungsbereich of 0–50 %, a
// deciding criterion for the erweiterte method, and dates in order.
func (t Tender) Validate() error {
	switch t.Method {
	case "", MethodSimple, MethodExtended:
	default:
		return ErrTenderMethod
	}
	if bad(t.FluctuationPct) || t.FluctuationPct < 0 || t.FluctuationPct > 50 {
		return ErrTenderFluctuation
	}
	switch t.TieBreaker {
	case "", TieBreakPerformance, TieBreakPrice:
	default:
		return ErrTenderTieBreaker
	}
	if t.Method == MethodExtended && t.TieBreaker == "" {
		return ErrTenderTieBreaker
	}
	if t.PublishedOn != nil && t.OfferDeadline != nil && t.OfferDeadline.Before(t.PublishedOn.Time) {
		return ErrTenderDeadlineOrder
	}
	if t.AwardDate != nil {
		if t.OfferDeadline != nil && t.AwardDate.Before(t.OfferDeadline.Time) ||
			t.OfferDeadline == nil && t.PublishedOn != nil && t.AwardDate.Before(t.PublishedOn.Time) {
			return ErrTenderAwardOrder
		}
	}
	return nil
}

// Reasons a bid is not ranked.
const (
	ExcludedACriterion = "a_failed"   // an A-criterion is not met
	ExcludedAUnchecked = "a_open"     // an A-criterion has not been checked yet
	ExcludedMinScore   = "min_score"  // a B-score lies below the criterion's minimum
	ExcludedNoPrice    = "no_price"   // no price: Z cannot be computed
	ExcludedNoPoints   = "no_points"  // not a single B-criterion to score
	ExcludedScoreMiss  = "score_open" // a B-criterion with a minimum has no score yet
)

// Exclusion says why a bid is out, naming the criterion where there is one.
type Exclusion struct {
	Reason    string  `json:"reason"`
	Criterion string  `json:"criterion,omitempty"`
	Score     float64 `json:"score"`
	Min       float64 `json:"min"`
}

// BidResult is one bid in the evaluation.
type BidResult struct {
	BidID  int64   `json:"bidId"`
	Bidder string  `json:"bidder"`
	Price  float64 `json:"price"`
	// Points is L, the Leistungspunkte: Σ weight × score over the B-criteria.
	Points float64 `json:"points"`
	// Ratio is Z = L / P (0 for an excluded bid without price).
	Ratio      float64     `json:"ratio"`
	Excluded   bool        `json:"excluded"`
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	// Unscored names B-criteria without a score; they count as 0.
	Unscored []string `json:"unscored,omitempty"`
	// InRange: the erweiterte method found the bid within the Schwankungsbereich.
	InRange bool `json:"inRange"`
	// Rank is 1 for the best admitted bid; bids that tie share a rank; 0 when excluded.
	Rank int `json:"rank"`
}

// Evaluation is the result of step 8.
type Evaluation struct {
	Method     string      `json:"method"`
	TieBreaker string      `json:"tieBreaker"`
	Results    []BidResult `json:"results"` // admitted by rank, then the excluded ones
	// MaxPoints is L of a bid scoring 10 everywhere.
	MaxPoints float64 `json:"maxPoints"`
	// BestRatio is the highest Z; Floor the lowest Z inside the Schwankungsbereich.
	BestRatio float64 `json:"bestRatio"`
	Floor     float64 `json:"floor"`
	// Winner is the bid that wins, 0 when none does (no admitted bid, or a tie that the
	// announced rules cannot break: then Tied lists the bids level at the top).
	Winner int64   `json:"winner"`
	Tied   []int64 `json:"tied,omitempty"`
}

// relEps treats two ratios as equal when they differ by less than this share: prices in cents
// and scores in tenths make exact float comparison of quotients fragile.
const relEps = 1e-9

func nearlyEqual(a, b float64) bool {
	return math.Abs(a-b) <= relEps*math.Max(math.Abs(a), math.Abs(b))
}

// Evaluate ranks the bids by the tender's method.
//
// Einfache Richtwertmethode: Z = L / P, highest Z first. Bids with equal Z are ordered by the
// announced deciding criterion (more L, or lower P); if still equal they tie.
//
// Erweiterte Richtwertmethode: every bid whose Z lies within FluctuationPct below the best Z is
// treated as equally economic; among them the deciding criterion ranks (more L, or lower P),
// then Z. Bids outside the range follow by Z.
//
// A bid is excluded when an A-criterion is not met or not yet checked, when a B-score lies
// below the criterion's minimum (or is missing where a minimum is set), or when it has no price.
func Evaluate(t Tender, criteria []TenderCriterion, bids []Bid) Evaluation {
	ev := Evaluation{Method: t.Method, TieBreaker: t.TieBreaker}
	if ev.Method == "" {
		ev.Method = MethodSimple
	}
	crit := inUserOrder(criteria)
	nB := 0
	for _, c := range crit {
		if c.Kind == CriterionB {
			ev.MaxPoints += c.Weight * MaxScore
			nB++
		}
	}
	var admitted, excluded []BidResult
	for _, b := range bids {
		r := BidResult{BidID: b.ID, Bidder: b.Bidder, Price: b.Price}
		for _, c := range crit {
			s, scored := b.Scores[c.ID]
			switch c.Kind {
			case CriterionA:
				if !scored {
					r.Exclusions = append(r.Exclusions, Exclusion{Reason: ExcludedAUnchecked, Criterion: c.Name})
				} else if s < 1 {
					r.Exclusions = append(r.Exclusions, Exclusion{Reason: ExcludedACriterion, Criterion: c.Name})
				}
			case CriterionB:
				if !scored {
					r.Unscored = append(r.Unscored, c.Name)
					if c.MinScore > 0 {
						r.Exclusions = append(r.Exclusions, Exclusion{Reason: ExcludedScoreMiss, Criterion: c.Name, Min: c.MinScore})
					}
					continue
				}
				r.Points += c.Weight * s
				if c.MinScore > 0 && s < c.MinScore {
					r.Exclusions = append(r.Exclusions, Exclusion{Reason: ExcludedMinScore, Criterion: c.Name, Score: s, Min: c.MinScore})
				}
			}
		}
		if nB == 0 {
			r.Exclusions = append(r.Exclusions, Exclusion{Reason: ExcludedNoPoints})
		}
		if bad(b.Price) || b.Price <= 0 {
			r.Exclusions = append(r.Exclusions, Exclusion{Reason: ExcludedNoPrice})
		} else {
			r.Ratio = r.Points / b.Price
		}
		r.Excluded = len(r.Exclusions) > 0
		if r.Excluded {
			excluded = append(excluded, r)
		} else {
			admitted = append(admitted, r)
		}
	}

	for _, r := range admitted {
		if r.Ratio > ev.BestRatio {
			ev.BestRatio = r.Ratio
		}
	}
	ev.Floor = ev.BestRatio
	extended := ev.Method == MethodExtended
	if extended {
		ev.Floor = ev.BestRatio * (1 - t.FluctuationPct/100)
		for i := range admitted {
			admitted[i].InRange = admitted[i].Ratio >= ev.Floor || nearlyEqual(admitted[i].Ratio, ev.Floor)
		}
	}
	// decide compares two bids by the deciding criterion: <0 when a is better.
	decide := func(a, b BidResult) int {
		switch t.TieBreaker {
		case TieBreakPerformance:
			if !nearlyEqual(a.Points, b.Points) {
				return compareFloat(b.Points, a.Points)
			}
		case TieBreakPrice:
			if !nearlyEqual(a.Price, b.Price) {
				return compareFloat(a.Price, b.Price)
			}
		}
		return 0
	}
	byRatio := func(a, b BidResult) int {
		if nearlyEqual(a.Ratio, b.Ratio) {
			return 0
		}
		return compareFloat(b.Ratio, a.Ratio)
	}
	order := func(a, b BidResult) int {
		if extended {
			if a.InRange != b.InRange {
				if a.InRange {
					return -1
				}
				return 1
			}
			if a.InRange {
				if d := decide(a, b); d != 0 {
					return d
				}
				return byRatio(a, b)
			}
			return byRatio(a, b)
		}
		if d := byRatio(a, b); d != 0 {
			return d
		}
		return decide(a, b)
	}
	sort.SliceStable(admitted, func(i, j int) bool { return order(admitted[i], admitted[j]) < 0 })
	for i := range admitted {
		if i > 0 && order(admitted[i-1], admitted[i]) == 0 {
			admitted[i].Rank = admitted[i-1].Rank
		} else {
			admitted[i].Rank = i + 1
		}
	}
	if len(admitted) > 0 {
		var top []int64
		for _, r := range admitted {
			if r.Rank == 1 {
				top = append(top, r.BidID)
			}
		}
		if len(top) == 1 {
			ev.Winner = top[0]
		} else {
			ev.Tied = top
		}
	}
	ev.Results = append(admitted, excluded...)
	return ev
}

// compareFloat orders a before b (-1), after it (1) or alike (0; also when either is NaN).
func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Result returns the evaluation row of a bid, or nil.
func (ev Evaluation) Result(bidID int64) *BidResult {
	for i := range ev.Results {
		if ev.Results[i].BidID == bidID {
			return &ev.Results[i]
		}
	}
	return nil
}

// Admitted counts the bids in the ranking.
func (ev Evaluation) Admitted() int {
	n := 0
	for _, r := range ev.Results {
		if !r.Excluded {
			n++
		}
	}
	return n
}

// BidByID returns the bid with the id, or nil.
func (p *Project) BidByID(id int64) *Bid {
	return itemByID(p.Bids, id, func(b *Bid) int64 { return b.ID })
}

// CriterionByID returns the criterion with the id, or nil.
func (p *Project) CriterionByID(id int64) *TenderCriterion {
	return itemByID(p.Criteria, id, func(c *TenderCriterion) int64 { return c.ID })
}

// CriterionGroup is a group of B-criteria with its share of the weights.
type CriterionGroup struct {
	Name   string
	Weight float64 // Σ weights of its B-criteria
	Share  float64 // Weight / Σ all B weights (0–1)
}

// CriterionGroups sums the B-weights per group, in the order the groups first appear.
func CriterionGroups(criteria []TenderCriterion) []CriterionGroup {
	idx := map[string]int{}
	var out []CriterionGroup
	crit := inUserOrder(criteria)
	for _, c := range crit {
		if c.Kind != CriterionB {
			continue
		}
		g := strings.TrimSpace(c.Group)
		i, ok := idx[g]
		if !ok {
			i = len(out)
			idx[g] = i
			out = append(out, CriterionGroup{Name: g})
		}
		out[i].Weight += c.Weight
	}
	if total := WeightTotal(crit); total > 0 {
		for i := range out {
			out[i].Share = out[i].Weight / total
		}
	}
	return out
}

// WeightTotal is the sum of the B-criteria's weights: a B-criterion's share is its weight divided
// by it, and the most points a bid can reach are it times MaxScore. A-criteria carry no weight.
func WeightTotal(criteria []TenderCriterion) float64 {
	var total float64
	for _, c := range criteria {
		if c.Kind == CriterionB {
			total += c.Weight
		}
	}
	return total
}

// Share is a B-criterion's weight as a share (0–1) of total, the weight of all B-criteria
// (WeightTotal); ok is false for an A-criterion and for a total of 0.
func (c TenderCriterion) Share(total float64) (share float64, ok bool) {
	if c.Kind != CriterionB || total <= 0 {
		return 0, false
	}
	return c.Weight / total, true
}

// SortedCriteria are the criteria in their order: A-criteria first, then B, each by sort order.
func SortedCriteria(criteria []TenderCriterion) []TenderCriterion {
	out := inUserOrder(criteria)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Kind < out[b].Kind })
	return out
}
