package persistence

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"schulit-lotse/domain"
)

// Writes of steps 7–9: SLAs, Ferien, tender, criteria, bids and the contract.

// ErrAwardID is returned for an id outside the range the file keeps (the caller assigns ids).
var ErrAwardID = domain.Error("err.award.id")

// AwardChange is one edit of steps 7–9, committed in one transaction: rows to insert or update
// (ids set by the caller, so that undo and redo restore the same ids) and rows to delete, plus
// the tender and contract parts of the project row. The session builds a change and its
// inverse; undo is the same call.
type AwardChange struct {
	PutSLAs    []domain.SLA
	DeleteSLAs []int64

	PutHolidays    []domain.SchoolHoliday
	DeleteHolidays []int64

	Tender *domain.Tender

	PutCriteria    []domain.TenderCriterion
	DeleteCriteria []int64

	PutBids    []domain.Bid
	DeleteBids []int64
	// Criteria are the criteria the bids are checked against (after the change).
	Criteria []domain.TenderCriterion

	// PutLog and DeleteLog write the tender's change record.
	PutLog    []domain.TenderLogEntry
	DeleteLog []int64

	Contract *domain.Contract
}

// Empty reports whether the change does nothing.
func (c *AwardChange) Empty() bool {
	return len(c.PutSLAs)+len(c.DeleteSLAs)+len(c.PutHolidays)+len(c.DeleteHolidays)+len(c.PutCriteria)+
		len(c.DeleteCriteria)+len(c.PutBids)+len(c.DeleteBids)+len(c.PutLog)+len(c.DeleteLog) == 0 && c.Tender == nil && c.Contract == nil
}

func awardID(id int64) error {
	if id <= 0 || id > maxID {
		return ErrAwardID
	}
	return nil
}

// Validate checks every row the change writes against the domain's rules, the id range and for
// numbers the file cannot keep. Nothing is written when it fails.
func (c *AwardChange) Validate() error {
	for _, s := range c.PutSLAs {
		if err := awardID(s.ID); err != nil {
			return err
		}
		if err := s.Validate(); err != nil {
			return err
		}
	}
	for _, h := range c.PutHolidays {
		if err := awardID(h.ID); err != nil {
			return err
		}
		if err := domain.ValidateHoliday(h); err != nil {
			return err
		}
	}
	if c.Tender != nil {
		if err := c.Tender.Validate(); err != nil {
			return err
		}
	}
	for _, k := range c.PutCriteria {
		if err := awardID(k.ID); err != nil {
			return err
		}
		if err := k.Validate(); err != nil {
			return err
		}
	}
	for _, b := range c.PutBids {
		if err := awardID(b.ID); err != nil {
			return err
		}
		if err := b.Validate(c.Criteria); err != nil {
			return err
		}
	}
	for _, e := range c.PutLog {
		if err := awardID(e.ID); err != nil {
			return err
		}
		if err := e.Validate(); err != nil {
			return err
		}
	}
	if c.Contract != nil {
		if err := c.Contract.Validate(); err != nil {
			return err
		}
	}
	return checkFinite(c)
}

// SaveAward commits the change.
func (f *File) SaveAward(c *AwardChange) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Empty() {
		return nil
	}
	upsert := func(tx *gorm.DB, v any) error {
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(v).Error
	}
	return f.write(func(tx *gorm.DB) error {
		deletes := []struct {
			ids   []int64
			model any
		}{
			{c.DeleteSLAs, &slaRecord{}}, {c.DeleteHolidays, &schoolHolidayRecord{}},
			{c.DeleteCriteria, &criterionRecord{}}, {c.DeleteBids, &bidRecord{}}, {c.DeleteLog, &tenderLogRecord{}},
		}
		for _, d := range deletes {
			if len(d.ids) > 0 {
				if err := tx.Delete(d.model, d.ids).Error; err != nil {
					return err
				}
			}
		}
		for _, s := range c.PutSLAs {
			r := toSLARecord(s)
			if err := upsert(tx, &r); err != nil {
				return err
			}
		}
		if len(c.PutHolidays) > 0 {
			recs := mapSlice(c.PutHolidays, toHolidayRecord)
			if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(recs, 500).Error; err != nil {
				return err
			}
		}
		for _, k := range c.PutCriteria {
			r := criterionRecord(k)
			if err := upsert(tx, &r); err != nil {
				return err
			}
		}
		for _, b := range c.PutBids {
			r := toBidRecord(b)
			if err := upsert(tx, &r); err != nil {
				return err
			}
		}
		for _, e := range c.PutLog {
			r := toTenderLogRecord(e)
			if err := upsert(tx, &r); err != nil {
				return err
			}
		}
		if c.Tender != nil {
			if err := tx.Model(&projectRecord{ID: 1}).Update("tender", toJSON(*c.Tender)).Error; err != nil {
				return err
			}
		}
		if c.Contract != nil {
			if err := tx.Model(&projectRecord{ID: 1}).Update("contract", toJSON(*c.Contract)).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
