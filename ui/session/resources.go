package session

import (
	"maps"
	"reflect"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Undoable edits of steps 5 and 6. Each builds the change and its inverse as
// persistence.ResourceChange values: Do writes one, Undo the other, and each applies the same
// change to the model only after the file has taken it.

const (
	errPayGroupGone = sessionError("err.paygroup.gone")
	errPackageGone  = sessionError("err.sourcing.package")
)

// resourceEdit runs a change and its inverse as one undoable command.
func (s *Session) resourceEdit(name string, do, undo persistence.ResourceChange) error {
	if err := do.Validate(); err != nil {
		return err
	}
	return commitEdit(s, name, do, undo, s.applyResources)
}

func (s *Session) applyResources(c persistence.ResourceChange) error {
	if err := s.write(func(f *persistence.File) error { return f.WriteResources(c) }); err != nil {
		return err
	}
	p := s.Project
	if c.Plan != nil {
		p.Resource = clonePlan(*c.Plan)
	}
	// The file lists pay groups and decisions by id: a row put back by undo takes its old place.
	p.PayGroups = upsertByID(p.PayGroups, c.PutPayGroups, c.DeletePayGroups, payGroupID)
	p.Decisions = upsertByID(p.Decisions, mapClone(c.PutDecisions, cloneDecision), c.DeleteDecisions, decisionID)
	for _, pr := range c.Prices {
		if pk := p.PackageByID(pr.PackageID); pk != nil {
			pk.ExternalHourlyRate, pk.ExternalMonthlyFee = pr.HourlyRate, pr.MonthlyFee
		}
	}
	return nil
}

func decisionID(d domain.SourcingDecision) int64 { return d.ID }
func payGroupID(g domain.PayGroup) int64         { return g.ID }

// SetResourcePlan changes the inputs of step 5 (undoable). A plan that breaks a rule (e.g. no
// working day left) is refused and nothing changes.
func (s *Session) SetResourcePlan(next domain.ResourcePlan) error {
	prev := clonePlan(s.Project.Resource)
	next = clonePlan(next)
	if reflect.DeepEqual(prev, next) {
		return nil
	}
	state := s.Project.Meta.Bundesland
	return s.resourceEdit("undo.resources.plan",
		persistence.ResourceChange{Plan: &next, State: state},
		persistence.ResourceChange{Plan: &prev, State: state})
}

// MapPayGroup sets the pay group that prices a party's hours; id 0 removes the entry.
func (s *Session) MapPayGroup(party string, id int64) error {
	party = strings.TrimSpace(party)
	if party == "" {
		return domain.ErrResourceMapping
	}
	if id != 0 && s.Project.PayGroupByID(id) == nil {
		return errPayGroupGone
	}
	next := clonePlan(domain.EffectivePlan(s.Project.Resource))
	if id == 0 {
		delete(next.PayGroupOf, party)
	} else {
		if next.PayGroupOf == nil {
			next.PayGroupOf = map[string]int64{}
		}
		next.PayGroupOf[party] = id
	}
	return s.setPlanAs("undo.resources.mapping", next)
}

// SetDefaultPayGroup sets the pay group for everyone without an own entry (0 = none).
func (s *Session) SetDefaultPayGroup(id int64) error {
	if id != 0 && s.Project.PayGroupByID(id) == nil {
		return errPayGroupGone
	}
	next := clonePlan(domain.EffectivePlan(s.Project.Resource))
	next.DefaultPayGroupID = id
	return s.setPlanAs("undo.resources.mapping", next)
}

func (s *Session) setPlanAs(name string, next domain.ResourcePlan) error {
	prev := clonePlan(s.Project.Resource)
	if reflect.DeepEqual(prev, next) {
		return nil
	}
	state := s.Project.Meta.Bundesland
	return s.resourceEdit(name, persistence.ResourceChange{Plan: &next, State: state}, persistence.ResourceChange{Plan: &prev, State: state})
}

// AddPayGroups adds pay groups in one undoable step and returns their ids.
func (s *Session) AddPayGroups(groups ...domain.PayGroup) ([]int64, error) {
	next := nextID(s.Project.PayGroups, payGroupID)
	ids := make([]int64, len(groups))
	put := make([]domain.PayGroup, len(groups))
	for i, g := range groups {
		g.ID = next + int64(i)
		ids[i], put[i] = g.ID, g
	}
	err := s.resourceEdit("undo.resources.pay_group_add",
		persistence.ResourceChange{PutPayGroups: put},
		persistence.ResourceChange{DeletePayGroups: ids})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// AddExamplePayGroups adds the app's example rates (marked as examples) in one step.
func (s *Session) AddExamplePayGroups() ([]int64, error) {
	var groups []domain.PayGroup
	for _, e := range domain.ExamplePayGroups {
		groups = append(groups, domain.PayGroup{Name: e.Name, HourlyRate: e.HourlyRate, Source: e.Source, SourceYear: e.SourceYear})
	}
	return s.AddPayGroups(groups...)
}

// UpdatePayGroup changes a pay group (undoable).
func (s *Session) UpdatePayGroup(id int64, change func(g *domain.PayGroup)) error {
	cur := s.Project.PayGroupByID(id)
	if cur == nil {
		return errPayGroupGone
	}
	before := *cur
	after := before
	change(&after)
	after.ID = id
	if before == after {
		return nil
	}
	return s.resourceEdit("undo.resources.pay_group_edit",
		persistence.ResourceChange{PutPayGroups: []domain.PayGroup{after}},
		persistence.ResourceChange{PutPayGroups: []domain.PayGroup{before}})
}

// DeletePayGroup removes a pay group together with every reference to it (the mapping, the
// default, the packages' pay groups); undo restores all of them.
func (s *Session) DeletePayGroup(id int64) error {
	cur := s.Project.PayGroupByID(id)
	if cur == nil {
		return errPayGroupGone
	}
	saved := *cur
	do := persistence.ResourceChange{DeletePayGroups: []int64{id}, State: s.Project.Meta.Bundesland}
	undo := persistence.ResourceChange{PutPayGroups: []domain.PayGroup{saved}, State: s.Project.Meta.Bundesland}

	plan := clonePlan(s.Project.Resource)
	changed := false
	for party, gid := range plan.PayGroupOf {
		if gid == id {
			delete(plan.PayGroupOf, party)
			changed = true
		}
	}
	if plan.DefaultPayGroupID == id {
		plan.DefaultPayGroupID = 0
		changed = true
	}
	if changed {
		prev := clonePlan(s.Project.Resource)
		do.Plan, undo.Plan = &plan, &prev
	}
	for _, d := range s.Project.Decisions {
		if d.PayGroupID != nil && *d.PayGroupID == id {
			after := cloneDecision(d)
			after.PayGroupID = nil
			do.PutDecisions = append(do.PutDecisions, after)
			undo.PutDecisions = append(undo.PutDecisions, cloneDecision(d))
		}
	}
	return s.resourceEdit("undo.resources.pay_group_delete", do, undo)
}

// SetPackagePrice sets a package's external price: an hourly rate or a monthly flat fee.
func (s *Session) SetPackagePrice(packageID int64, hourly, monthly float64) error {
	pk := s.Project.PackageByID(packageID)
	if pk == nil {
		return errPackageGone
	}
	if pk.ExternalHourlyRate == hourly && pk.ExternalMonthlyFee == monthly {
		return nil
	}
	return s.resourceEdit("undo.resources.price",
		persistence.ResourceChange{Prices: []persistence.PackagePrice{{PackageID: packageID, HourlyRate: hourly, MonthlyFee: monthly}}},
		persistence.ResourceChange{Prices: []persistence.PackagePrice{{PackageID: packageID, HourlyRate: pk.ExternalHourlyRate, MonthlyFee: pk.ExternalMonthlyFee}}})
}

// UpdateDecision changes the sourcing assessment or decision of a package, creating it on the
// first edit; undo restores the previous state (or removes a decision it created). name is the
// translation key of the edit for the undo menu.
func (s *Session) UpdateDecision(packageID int64, name string, change func(d *domain.SourcingDecision)) error {
	if s.Project.PackageByID(packageID) == nil {
		return errPackageGone
	}
	var before *domain.SourcingDecision
	after := domain.SourcingDecision{PackageID: packageID}
	if cur := s.Project.DecisionFor(packageID); cur != nil {
		b := cloneDecision(*cur)
		before = &b
		after = cloneDecision(*cur)
	} else {
		after.ID = nextID(s.Project.Decisions, decisionID)
	}
	id := after.ID
	change(&after)
	after.ID, after.PackageID = id, packageID
	if err := after.Validate(); err != nil {
		return err
	}
	if before != nil && reflect.DeepEqual(*before, after) {
		return nil
	}
	undo := persistence.ResourceChange{DeleteDecisions: []int64{id}}
	if before != nil {
		undo = persistence.ResourceChange{PutDecisions: []domain.SourcingDecision{*before}}
	}
	return s.resourceEdit(name, persistence.ResourceChange{PutDecisions: []domain.SourcingDecision{after}}, undo)
}

func clonePlan(r domain.ResourcePlan) domain.ResourcePlan {
	r.PayGroupOf = maps.Clone(r.PayGroupOf)
	return r
}

func cloneDecision(d domain.SourcingDecision) domain.SourcingDecision {
	d.Notes = maps.Clone(d.Notes)
	d.CriteriaWeights, d.CriteriaScores = maps.Clone(d.CriteriaWeights), maps.Clone(d.CriteriaScores)
	d.DecidedOn, d.PayGroupID = clonePtr(d.DecidedOn), clonePtr(d.PayGroupID)
	return d
}
