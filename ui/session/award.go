package session

import (
	"maps"
	"reflect"
	"sort"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Edits of steps 7–9: SLAs, Ferien, the tender with its criteria and bids, the contract. Each
// edit is one persistence.AwardChange; its inverse is built from the model before the edit, so
// undo is the same kind of call. Ids are assigned here and kept across undo and redo.

const (
	errSLAGone       = sessionError("err.sla.gone")
	errCriterionGone = sessionError("err.tender.criterion_gone")
	errBidGone       = sessionError("err.tender.bid_gone")
)

// applyAward executes change as one undoable edit named name (a translation key).
func (s *Session) applyAward(name string, change persistence.AwardChange) error {
	if change.Empty() {
		return nil
	}
	if err := change.Validate(); err != nil {
		return err
	}
	return commitEdit(s, name, change, s.inverseOf(change), s.commitAward)
}

func (s *Session) commitAward(c persistence.AwardChange) error {
	if err := s.write(func(f *persistence.File) error { return f.SaveAward(&c) }); err != nil {
		return err
	}
	applyAwardToModel(s.Project, c)
	return nil
}

// inverseOf is the change that restores what the project holds now.
func (s *Session) inverseOf(c persistence.AwardChange) persistence.AwardChange {
	p := s.Project
	var inv persistence.AwardChange
	invert(p.SLAs, c.PutSLAs, c.DeleteSLAs, slaID, &inv.PutSLAs, &inv.DeleteSLAs)
	invert(p.SchoolHolidays, c.PutHolidays, c.DeleteHolidays, holidayID, &inv.PutHolidays, &inv.DeleteHolidays)
	invert(p.Criteria, c.PutCriteria, c.DeleteCriteria, criterionID, &inv.PutCriteria, &inv.DeleteCriteria)
	invert(p.Bids, c.PutBids, c.DeleteBids, bidID, &inv.PutBids, &inv.DeleteBids)
	invert(p.TenderLog, c.PutLog, c.DeleteLog, logID, &inv.PutLog, &inv.DeleteLog)
	inv.PutSLAs, inv.PutBids = mapClone(inv.PutSLAs, domain.CloneSLA), mapClone(inv.PutBids, cloneBid)
	inv.Criteria = append([]domain.TenderCriterion(nil), p.Criteria...)
	if c.Tender != nil {
		t := cloneTender(p.Tender)
		inv.Tender = &t
	}
	if c.Contract != nil {
		k := domain.CloneContract(p.Contract)
		inv.Contract = &k
	}
	return inv
}

func slaID(x domain.SLA) int64                   { return x.ID }
func holidayID(x domain.SchoolHoliday) int64     { return x.ID }
func criterionID(x domain.TenderCriterion) int64 { return x.ID }
func bidID(x domain.Bid) int64                   { return x.ID }
func logID(x domain.TenderLogEntry) int64        { return x.ID }

// applyAwardToModel mirrors a committed change in the model, in the order Load returns rows.
func applyAwardToModel(p *domain.Project, c persistence.AwardChange) {
	p.SLAs = upsertByID(p.SLAs, mapClone(c.PutSLAs, domain.CloneSLA), c.DeleteSLAs, slaID)

	p.SchoolHolidays = upsert(p.SchoolHolidays, c.PutHolidays, c.DeleteHolidays, holidayID)
	sortByDay(p.SchoolHolidays, func(h domain.SchoolHoliday) domain.Date { return h.First }, holidayID)

	p.Criteria = upsert(p.Criteria, c.PutCriteria, c.DeleteCriteria, criterionID)
	sort.SliceStable(p.Criteria, func(a, b int) bool {
		if p.Criteria[a].SortOrder != p.Criteria[b].SortOrder {
			return p.Criteria[a].SortOrder < p.Criteria[b].SortOrder
		}
		return p.Criteria[a].ID < p.Criteria[b].ID
	})

	p.Bids = upsertByID(p.Bids, mapClone(c.PutBids, cloneBid), c.DeleteBids, bidID)
	p.TenderLog = upsertByID(p.TenderLog, c.PutLog, c.DeleteLog, logID)

	if c.Tender != nil {
		p.Tender = cloneTender(*c.Tender)
	}
	if c.Contract != nil {
		p.Contract = domain.CloneContract(*c.Contract)
	}
}

func cloneBid(b domain.Bid) domain.Bid {
	b.Scores, b.Reasons = maps.Clone(b.Scores), maps.Clone(b.Reasons)
	return b
}

func cloneTender(t domain.Tender) domain.Tender {
	t.PublishedOn, t.OfferDeadline, t.AwardDate = clonePtr(t.PublishedOn), clonePtr(t.OfferDeadline), clonePtr(t.AwardDate)
	return t
}

// --- Step 7: SLAs and Ferien ---

// AddSLA adds an SLA (validated within the project, undoable) and returns its id.
func (s *Session) AddSLA(sla domain.SLA) (int64, error) {
	sla = domain.CloneSLA(sla)
	sla.ID = nextID(s.Project.SLAs, slaID)
	sla.FrozenForContract = false
	if err := domain.ValidateSLAIn(s.Project, sla); err != nil {
		return 0, err
	}
	return sla.ID, s.applyAward("undo.sla_add", persistence.AwardChange{PutSLAs: []domain.SLA{sla}})
}

// UpdateSLA applies change to a copy of a working SLA, validates and commits it. The copy frozen
// with the contract cannot be edited.
func (s *Session) UpdateSLA(id int64, change func(x *domain.SLA)) error {
	old := s.Project.SLAByID(id)
	if old == nil {
		return errSLAGone
	}
	if old.FrozenForContract {
		return domain.ErrSLAFrozen
	}
	next := domain.CloneSLA(*old)
	change(&next)
	next.ID, next.FrozenForContract = id, false
	if err := domain.ValidateSLAIn(s.Project, next); err != nil {
		return err
	}
	if reflect.DeepEqual(*old, next) {
		return nil
	}
	return s.applyAward("undo.sla_edit", persistence.AwardChange{PutSLAs: []domain.SLA{next}})
}

// DeleteSLA removes a working SLA.
func (s *Session) DeleteSLA(id int64) error {
	old := s.Project.SLAByID(id)
	if old == nil {
		return errSLAGone
	}
	if old.FrozenForContract {
		return domain.ErrSLAFrozen
	}
	return s.applyAward("undo.sla_delete", persistence.AwardChange{DeleteSLAs: []int64{id}})
}

// ImportHolidays adds Ferien periods (all or nothing). Periods the project already holds are
// skipped; replace removes every period held before. It returns how many were added.
func (s *Session) ImportHolidays(hs []domain.SchoolHoliday, replace bool) (int, error) {
	var c persistence.AwardChange
	keep := s.Project.SchoolHolidays
	if replace {
		for _, h := range keep {
			c.DeleteHolidays = append(c.DeleteHolidays, h.ID)
		}
		keep = nil
	}
	next := nextID(s.Project.SchoolHolidays, holidayID)
	for _, h := range hs {
		if err := domain.ValidateHoliday(h); err != nil {
			return 0, err
		}
		dup := false
		for _, k := range append(append([]domain.SchoolHoliday(nil), keep...), c.PutHolidays...) {
			if domain.SameHoliday(k, h) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		h.ID = next
		next++
		c.PutHolidays = append(c.PutHolidays, h)
	}
	return len(c.PutHolidays), s.applyAward("undo.holidays_import", c)
}

// DeleteHolidays removes Ferien periods.
func (s *Session) DeleteHolidays(ids ...int64) error {
	return s.applyAward("undo.holidays_delete", persistence.AwardChange{DeleteHolidays: ids})
}

// --- Step 8: tender, criteria, bids ---

// SetTender changes the procedure data.
func (s *Session) SetTender(t domain.Tender) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if reflect.DeepEqual(t, s.Project.Tender) {
		return nil
	}
	t = cloneTender(t)
	return s.applyAward("undo.tender", persistence.AwardChange{Tender: &t})
}

// AddCriterion adds a criterion at the end of its kind and returns its id.
func (s *Session) AddCriterion(k domain.TenderCriterion) (int64, error) {
	if domain.CriteriaLocked(s.Project, s.Today()) {
		return 0, domain.ErrCriteriaLocked
	}
	k.ID = nextID(s.Project.Criteria, criterionID)
	k.SortOrder = 0
	for _, x := range s.Project.Criteria {
		k.SortOrder = max(k.SortOrder, x.SortOrder)
	}
	k.SortOrder++
	if err := k.Validate(); err != nil {
		return 0, err
	}
	c := persistence.AwardChange{PutCriteria: []domain.TenderCriterion{k}}
	s.logCriterionChange(&c, nil, &k)
	return k.ID, s.applyAward("undo.criterion_add", c)
}

// UpdateCriterion changes a criterion. A criterion that changes its kind loses the scores the
// bids gave it (a 0–10 score is no yes/no answer, and back).
func (s *Session) UpdateCriterion(id int64, change func(k *domain.TenderCriterion)) error {
	old := s.Project.CriterionByID(id)
	if old == nil {
		return errCriterionGone
	}
	next := *old
	change(&next)
	next.ID = id
	if next.Kind == domain.CriterionA {
		next.Weight, next.MinScore = 0, 0
	}
	if err := next.Validate(); err != nil {
		return err
	}
	if next == *old {
		return nil
	}
	if domain.CriteriaLocked(s.Project, s.Today()) && (next.Kind != old.Kind || next.Weight != old.Weight || next.MinScore != old.MinScore) {
		return domain.ErrCriteriaLocked
	}
	c := persistence.AwardChange{PutCriteria: []domain.TenderCriterion{next}}
	s.logCriterionChange(&c, old, &next)
	if next.Kind != old.Kind {
		c.PutBids = s.bidsWithout(id)
	}
	c.Criteria = s.criteriaAfter(c)
	return s.applyAward("undo.criterion_edit", c)
}

// DeleteCriterion removes a criterion and the scores the bids gave it, in one step.
func (s *Session) DeleteCriterion(id int64) error {
	old := s.Project.CriterionByID(id)
	if old == nil {
		return errCriterionGone
	}
	if domain.CriteriaLocked(s.Project, s.Today()) {
		return domain.ErrCriteriaLocked
	}
	c := persistence.AwardChange{DeleteCriteria: []int64{id}, PutBids: s.bidsWithout(id)}
	s.logCriterionChange(&c, old, nil)
	c.Criteria = s.criteriaAfter(c)
	return s.applyAward("undo.criterion_delete", c)
}

// logCriterionChange records in the tender log what a criterion edit changes while the frozen
// tender is reopened, with the day of the clock and the reopening's reason. Before the freeze
// nothing is recorded: the criteria are still a draft.
func (s *Session) logCriterionChange(c *persistence.AwardChange, old, next *domain.TenderCriterion) {
	open := domain.OpenReopening(s.Project)
	if open == nil || domain.TenderFreeze(s.Project, s.Today()) == "" {
		return
	}
	id := nextID(s.Project.TenderLog, logID)
	for _, e := range domain.CriterionChanges(old, next) {
		e.ID, e.On, e.Reason = id, domain.TodayInBerlin(s.Now()), open.Reason
		id++
		c.PutLog = append(c.PutLog, e)
	}
}

// ReopenTender opens the frozen criteria again for changes; the reason and the day go into the
// tender log (and the Vergabevermerk). Undo takes the reopening back.
func (s *Session) ReopenTender(reason string) error {
	reason = strings.TrimSpace(reason)
	switch {
	case domain.TenderFreeze(s.Project, s.Today()) == "":
		return domain.ErrReopenNotFrozen
	case domain.OpenReopening(s.Project) != nil:
		return domain.ErrTenderIsOpen
	case reason == "":
		return domain.ErrReopenReason
	}
	return s.addTenderLog("undo.tender_reopen", domain.TenderLogEntry{Kind: domain.LogReopen, Reason: reason})
}

// CloseTender fixes the criteria again after a reopening.
func (s *Session) CloseTender() error {
	open := domain.OpenReopening(s.Project)
	if open == nil {
		return domain.ErrTenderNotOpen
	}
	return s.addTenderLog("undo.tender_close", domain.TenderLogEntry{Kind: domain.LogClose, Reason: open.Reason})
}

func (s *Session) addTenderLog(name string, e domain.TenderLogEntry) error {
	e.ID = nextID(s.Project.TenderLog, logID)
	e.On = domain.TodayInBerlin(s.Now())
	return s.applyAward(name, persistence.AwardChange{PutLog: []domain.TenderLogEntry{e}})
}

// bidsWithout are the bids that scored the criterion, without that score and its reason.
func (s *Session) bidsWithout(criterion int64) []domain.Bid {
	var out []domain.Bid
	for _, b := range s.Project.Bids {
		_, scored := b.Scores[criterion]
		_, reasoned := b.Reasons[criterion]
		if scored || reasoned {
			nb := cloneBid(b)
			delete(nb.Scores, criterion)
			delete(nb.Reasons, criterion)
			out = append(out, nb)
		}
	}
	return out
}

func (s *Session) criteriaAfter(c persistence.AwardChange) []domain.TenderCriterion {
	return upsert(append([]domain.TenderCriterion(nil), s.Project.Criteria...), c.PutCriteria, c.DeleteCriteria, criterionID)
}

// AddBid adds a bid and returns its id.
func (s *Session) AddBid(b domain.Bid) (int64, error) {
	b = cloneBid(b)
	b.ID = nextID(s.Project.Bids, bidID)
	if err := b.Validate(s.Project.Criteria); err != nil {
		return 0, err
	}
	return b.ID, s.applyAward("undo.bid_add", persistence.AwardChange{PutBids: []domain.Bid{b}, Criteria: s.Project.Criteria})
}

// UpdateBid changes a bid.
func (s *Session) UpdateBid(id int64, change func(b *domain.Bid)) error {
	old := s.Project.BidByID(id)
	if old == nil {
		return errBidGone
	}
	next := cloneBid(*old)
	change(&next)
	next.ID = id
	if err := next.Validate(s.Project.Criteria); err != nil {
		return err
	}
	if reflect.DeepEqual(*old, next) {
		return nil
	}
	return s.applyAward("undo.bid_edit", persistence.AwardChange{PutBids: []domain.Bid{next}, Criteria: s.Project.Criteria})
}

// DeleteBid removes a bid.
func (s *Session) DeleteBid(id int64) error {
	if s.Project.BidByID(id) == nil {
		return errBidGone
	}
	return s.applyAward("undo.bid_delete", persistence.AwardChange{DeleteBids: []int64{id}})
}

// --- Step 9: contract ---

// SetContract changes the contract record. Which SLA is frozen with it, and when, changes only
// through FreezeSLAs.
func (s *Session) SetContract(c domain.Contract) error {
	c = domain.CloneContract(c)
	c.SLAID, c.FrozenOn = clonePtr(s.Project.Contract.SLAID), clonePtr(s.Project.Contract.FrozenOn)
	if err := c.Validate(); err != nil {
		return err
	}
	if reflect.DeepEqual(c, s.Project.Contract) {
		return nil
	}
	return s.applyAward("undo.contract", persistence.AwardChange{Contract: &c})
}

// FreezeSLAs copies the working SLAs into rows marked as agreed in the contract, replaces any
// copies frozen before, and points the contract at the general copy (else the first). Later
// edits of the working SLAs leave the copies alone.
func (s *Session) FreezeSLAs(on domain.Date) error {
	copies := domain.FrozenCopies(s.Project)
	if len(copies) == 0 {
		return domain.ErrContractNoSLA
	}
	var c persistence.AwardChange
	for _, f := range domain.FrozenSLAs(s.Project) {
		c.DeleteSLAs = append(c.DeleteSLAs, f.ID)
	}
	next := nextID(s.Project.SLAs, slaID)
	contract := domain.CloneContract(s.Project.Contract)
	contract.SLAID = nil
	for i := range copies {
		copies[i].ID = next
		next++
	}
	// The general copy is the one the contract names; without one, the first.
	id := copies[0].ID
	for _, cp := range copies {
		if cp.PackageID == nil {
			id = cp.ID
			break
		}
	}
	contract.SLAID = &id
	day := on
	contract.FrozenOn = &day
	c.PutSLAs = copies
	c.Contract = &contract
	return s.applyAward("undo.sla_freeze", c)
}
