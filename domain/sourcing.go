package domain

import "strings"

// Rule violations of step 6.
const (
	ErrSourcingScore   Error = "err.sourcing.score"
	ErrSourcingWeight  Error = "err.sourcing.weight"
	ErrSourcingOutcome Error = "err.sourcing.outcome"
	ErrSourcingPackage Error = "err.sourcing.package"
)

// SourcingMaxScore is the top of the 1–5 scale of every step-6 score (0 = not scored).
const SourcingMaxScore = 5

// The four question groups of the sourcing decision; their notes are kept under these keys.
const (
	GroupOutsourcingRisk = "outsourcingRisk"
	GroupProjectRisk     = "projectRisk"
	GroupImportance      = "importance"
	GroupBudget          = "budget"
)

// QuestionGroups lists the groups in the order the editor and the report show them.
var QuestionGroups = []string{GroupOutsourcingRisk, GroupProjectRisk, GroupImportance, GroupBudget}

// MakeOrBuyCriteria are the optional weighted criteria. Each is scored 1–5, where 5 speaks for
// doing the work in-house (make) and 1 for buying it.
var MakeOrBuyCriteria = []string{"competence", "quality", "efficiency", "control", "competition", "availability", "flexibility", "relevance"}

// Valid reports whether o is one of the known outcomes.
func (o SourcingOutcome) Valid() bool {
	switch o {
	case OutcomeOpen, OutcomeInternal, OutcomeExternal, OutcomeMixed:
		return true
	}
	return false
}

// Outcomes lists the decisions in the order the editor offers them.
var Outcomes = []SourcingOutcome{OutcomeInternal, OutcomeExternal, OutcomeMixed}

// Validate checks a decision before it is stored.
func (d SourcingDecision) Validate() error {
	if d.PackageID <= 0 {
		return ErrSourcingPackage
	}
	for _, s := range d.scores() {
		if s < 0 || s > SourcingMaxScore {
			return ErrSourcingScore
		}
	}
	for _, v := range d.CriteriaScores {
		if !finiteWithin(v, 0, SourcingMaxScore) {
			return ErrSourcingScore
		}
	}
	for _, w := range d.CriteriaWeights {
		if !finiteWithin(w, 0, 100) {
			return ErrSourcingWeight
		}
	}
	if !d.Outcome.Valid() {
		return ErrSourcingOutcome
	}
	return nil
}

func (d SourcingDecision) scores() []int {
	return []int{d.RiskDataProtection, d.RiskSecurity, d.RiskOutage, d.ProjectRisk, d.ImportanceUsers,
		d.ImportanceCarrier, d.BudgetInternal, d.BudgetExternal}
}

// Scored reports whether anything of the assessment has been filled in.
func (d SourcingDecision) Scored() bool {
	for _, s := range d.scores() {
		if s > 0 {
			return true
		}
	}
	for _, v := range d.CriteriaScores {
		if v > 0 {
			return true
		}
	}
	return false
}

// scoreMean averages the scored values (those > 0); ok is false when none is scored.
func scoreMean(vals ...float64) (float64, bool) {
	var sum float64
	n := 0
	for _, v := range vals {
		if v > 0 {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// invertedScore turns a score where high is bad for in-house work into one where high is good
// (1↔5, 2↔4); 0 stays "not scored".
func invertedScore(s int) float64 {
	if s <= 0 {
		return 0
	}
	return float64(SourcingMaxScore + 1 - s)
}

// MakeOrBuy is the weighted mean of the scored criteria (weight 1 where none is set); ok is
// false when no criterion is scored or all scored ones weigh 0.
func (d SourcingDecision) MakeOrBuy() (float64, bool) {
	var sum, weights float64
	for _, c := range MakeOrBuyCriteria {
		s := d.CriteriaScores[c]
		if s <= 0 {
			continue
		}
		w, set := d.CriteriaWeights[c]
		if !set {
			w = 1
		}
		sum += s * w
		weights += w
	}
	if weights == 0 {
		return 0, false
	}
	return sum / weights, true
}

// CostScore puts the step-5 cost comparison on the 1–5 scale, 5 when in-house work is far
// cheaper: external ÷ internal ≥ 1.5 → 5, ≥ 1.15 → 4, > 1/1.15 → 3 (about even), > 1/1.5 → 2,
// else 1. ok is false while a side is unknown.
func CostScore(pc PackageCost) (float64, bool) {
	if !pc.InternalKnown() || !pc.ExternalKnown() || pc.Internal <= 0 || pc.External <= 0 {
		return 0, false
	}
	r := pc.External / pc.Internal
	switch {
	case r >= 1.5:
		return 5, true
	case r >= 1.15:
		return 4, true
	case r > 1/1.15:
		return 3, true
	case r > 1/1.5:
		return 2, true
	}
	return 1, true
}

// Assessment is where a package stands in the sourcing matrix and what the matrix suggests.
// The suggestion is advice only: the recorded decision is the user's and is never replaced.
type Assessment struct {
	PackageID int64             `json:"packageId"`
	Name      string            `json:"name"`
	Decision  *SourcingDecision `json:"decision,omitempty"`
	// Risk is the outsourcing risk: the mean of data protection, information security and
	// outage (x axis).
	Risk      float64 `json:"risk"`
	RiskKnown bool    `json:"riskKnown"`
	// Strength is how well the Schulträger can do the package itself: the mean of its budget
	// for in-house staff, the invertedScore project risk of doing it in-house, the cost score of
	// step 5 and the make-or-buy criteria, as far as each is known (y axis).
	Strength      float64 `json:"strength"`
	StrengthKnown bool    `json:"strengthKnown"`
	// Importance is the mean of the importance for users and for the Schulträger (point size).
	Importance float64 `json:"importance"`
	CostScore  float64 `json:"costScore"`
	MakeOrBuy  float64 `json:"makeOrBuy"`
	// Suggestion follows the quadrant: strong in-house → intern; weak in-house and low risk →
	// extern; weak in-house and high risk → gemischt. Open while an axis is unknown.
	Suggestion SourcingOutcome `json:"suggestion"`
	Recorded   SourcingOutcome `json:"recorded"`
}

// MatrixMiddle divides the matrix into its quadrants: a value at or above it counts as high.
const MatrixMiddle = 3.0

// Suggest is the quadrant rule of the sourcing matrix.
func Suggest(risk, strength float64) SourcingOutcome {
	switch {
	case strength >= MatrixMiddle:
		return OutcomeInternal
	case risk >= MatrixMiddle:
		return OutcomeMixed
	}
	return OutcomeExternal
}

// AssessPackage places one package in the matrix.
func AssessPackage(p *Project, pk Package, cost PackageCost) Assessment {
	a := Assessment{PackageID: pk.ID, Name: pk.Name}
	d := p.DecisionFor(pk.ID)
	if d == nil {
		d = &SourcingDecision{PackageID: pk.ID}
	} else {
		a.Decision = d
		a.Recorded = d.Outcome
	}
	a.Risk, a.RiskKnown = scoreMean(float64(d.RiskDataProtection), float64(d.RiskSecurity), float64(d.RiskOutage))
	a.CostScore, _ = CostScore(cost)
	a.MakeOrBuy, _ = d.MakeOrBuy()
	a.Strength, a.StrengthKnown = scoreMean(float64(d.BudgetInternal), invertedScore(d.ProjectRisk), a.CostScore, a.MakeOrBuy)
	a.Importance, _ = scoreMean(float64(d.ImportanceUsers), float64(d.ImportanceCarrier))
	if a.RiskKnown && a.StrengthKnown {
		a.Suggestion = Suggest(a.Risk, a.Strength)
	}
	return a
}

// AssessSourcing places every package, in package order.
func AssessSourcing(p *Project) []Assessment {
	cc := CompareCosts(p)
	costs := map[int64]PackageCost{}
	for _, pc := range cc.Packages {
		costs[pc.PackageID] = pc
	}
	var out []Assessment
	for _, pk := range inUserOrder(p.Packages) {
		out = append(out, AssessPackage(p, pk, costs[pk.ID]))
	}
	return out
}

// Finding codes of step 6.
const (
	FindSrcOpen            = "find.sourcing.open"
	FindSrcNoRationale     = "find.sourcing.no_rationale"
	FindSrcNoDecider       = "find.sourcing.no_decider"
	FindSrcNoDate          = "find.sourcing.no_date"
	FindSrcNoExternalMoney = "find.sourcing.no_external_budget"
	FindSrcNoInternalMoney = "find.sourcing.no_internal_budget"
)

// lowBudgetScore is the score at or below which a budget counts as missing.
const lowBudgetScore = 2

// SourcingFindings derives the open questions of step 6. Without packages there is nothing to
// decide yet (step 3 asks for them), so there is no question either.
func SourcingFindings(p *Project, as []Assessment) []Finding {
	var out []Finding
	add := func(sev Severity, code, subject string, id int64) {
		out = append(out, Finding{Step: StepSourcing, Severity: sev, Code: code, Subject: subject, EntityID: id})
	}
	for _, a := range as {
		d := a.Decision
		if d == nil || d.Outcome == OutcomeOpen {
			add(SeverityQuestion, FindSrcOpen, a.Name, a.PackageID)
			continue
		}
		if strings.TrimSpace(d.Rationale) == "" {
			add(SeverityQuestion, FindSrcNoRationale, a.Name, a.PackageID)
		}
		if strings.TrimSpace(d.DecidedBy) == "" {
			add(SeverityQuestion, FindSrcNoDecider, a.Name, a.PackageID)
		}
		if d.DecidedOn == nil {
			add(SeverityQuestion, FindSrcNoDate, a.Name, a.PackageID)
		}
		if d.Outcome != OutcomeInternal && d.BudgetExternal > 0 && d.BudgetExternal <= lowBudgetScore {
			add(SeverityWarning, FindSrcNoExternalMoney, a.Name, a.PackageID)
		}
		if d.Outcome != OutcomeExternal && d.BudgetInternal > 0 && d.BudgetInternal <= lowBudgetScore {
			add(SeverityWarning, FindSrcNoInternalMoney, a.Name, a.PackageID)
		}
	}
	return out
}

func evaluateSourcing(p *Project, today Date) (StepState, []Figure, []Finding) {
	as := AssessSourcing(p)
	f := SourcingFindings(p, as)
	started := false
	counts := map[SourcingOutcome]int{}
	for _, a := range as {
		if a.Decision != nil && (a.Decision.Scored() || a.Decision.Outcome != OutcomeOpen) {
			started = true
		}
		counts[a.Recorded]++
	}
	complete := len(as) > 0 && onlyWarnings(f)
	figs := []Figure{
		{Key: "fig.src.count.intern", Value: float64(counts[OutcomeInternal])},
		{Key: "fig.src.count.extern", Value: float64(counts[OutcomeExternal])},
		{Key: "fig.src.count.gemischt", Value: float64(counts[OutcomeMixed])},
		{Key: "fig.src.count.open", Value: float64(counts[OutcomeOpen])},
	}
	for _, a := range as {
		fig := Figure{Key: "fig.src.decision.open", Label: a.Name, Text: "–"}
		if a.Recorded != OutcomeOpen {
			fig.Key = "fig.src.decision." + string(a.Recorded)
			if a.Decision.DecidedOn != nil {
				fig.Text = a.Decision.DecidedOn.String()
			}
		}
		figs = append(figs, fig)
	}
	return stateOf(started, complete), figs, f
}
