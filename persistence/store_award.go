package persistence

import (
	"cmp"
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

// Validate checks every row the change writes against the domain's rules, the id range and for
// numbers the file cannot keep. Nothing is written when it fails.
func (c *AwardChange) Validate() error {
	return cmp.Or(
		checkRows(c.PutSLAs, ErrAwardID, func(s domain.SLA) (int64, error) { return s.ID, s.Validate() }),
		checkRows(c.PutHolidays, ErrAwardID, func(h domain.SchoolHoliday) (int64, error) { return h.ID, domain.ValidateHoliday(h) }),
		validateSet(c.Tender),
		checkRows(c.PutCriteria, ErrAwardID, func(k domain.TenderCriterion) (int64, error) { return k.ID, k.Validate() }),
		checkRows(c.PutBids, ErrAwardID, func(b domain.Bid) (int64, error) { return b.ID, b.Validate(c.Criteria) }),
		checkRows(c.PutLog, ErrAwardID, func(e domain.TenderLogEntry) (int64, error) { return e.ID, e.Validate() }),
		validateSet(c.Contract),
		checkFinite(c),
	)
}

// SaveAward commits the change.
func (f *File) SaveAward(c *AwardChange) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Empty() {
		return nil
	}
	return f.write(func(tx *gorm.DB) error {
		return inTurn(
			func() error {
				return deleteByID(tx, idDeletion{c.DeleteSLAs, &slaRecord{}}, idDeletion{c.DeleteHolidays, &schoolHolidayRecord{}},
					idDeletion{c.DeleteCriteria, &criterionRecord{}}, idDeletion{c.DeleteBids, &bidRecord{}}, idDeletion{c.DeleteLog, &tenderLogRecord{}})
			},
			func() error { return upsertEach(tx, c.PutSLAs, toSLARecord) },
			func() error {
				return createBatch(tx.Clauses(clause.OnConflict{UpdateAll: true}), mapSlice(c.PutHolidays, toHolidayRecord))
			},
			func() error {
				return upsertEach(tx, c.PutCriteria, func(k domain.TenderCriterion) criterionRecord { return criterionRecord(k) })
			},
			func() error { return upsertEach(tx, c.PutBids, toBidRecord) },
			func() error { return upsertEach(tx, c.PutLog, toTenderLogRecord) },
			func() error { return setProjectPart(tx, "tender", c.Tender) },
			func() error { return setProjectPart(tx, "contract", c.Contract) },
		)
	})
}
