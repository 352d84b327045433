package persistence

import (
	"cmp"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"schulit-lotse/domain"
)

// PackagePrice is the external price of a package (step 5): an hourly rate or a monthly flat
// fee. Only these two columns of the package are written.
type PackagePrice struct {
	PackageID  int64
	HourlyRate float64
	MonthlyFee float64
}

// ResourceChange is one edit of steps 5 and 6, committed in one transaction: the resource plan
// (with the project's Bundesland, which its check needs), pay groups and decisions to insert or
// update (ids set by the caller) or delete, and package prices. The session builds the change
// and its inverse, so undo is the same call.
type ResourceChange struct {
	Plan  *domain.ResourcePlan
	State domain.Bundesland

	PutPayGroups    []domain.PayGroup
	DeletePayGroups []int64

	PutDecisions    []domain.SourcingDecision
	DeleteDecisions []int64

	Prices []PackagePrice
}

// Empty reports whether the change does nothing.
func (c *ResourceChange) Empty() bool {
	return c.Plan == nil && len(c.PutPayGroups)+len(c.DeletePayGroups)+len(c.PutDecisions)+len(c.DeleteDecisions)+len(c.Prices) == 0
}

// Validate checks every value the change writes against the domain's rules and the id range.
func (c *ResourceChange) Validate() error {
	if c.Plan != nil {
		if err := domain.ValidateResourcePlan(*c.Plan, c.State); err != nil {
			return err
		}
	}
	idErr := domain.Error("err.resources.id")
	return cmp.Or(
		checkRows(c.PutPayGroups, idErr, func(g domain.PayGroup) (int64, error) { return g.ID, g.Validate() }),
		checkRows(c.PutDecisions, idErr, func(d domain.SourcingDecision) (int64, error) { return d.ID, d.Validate() }),
		forEach(c.Prices, func(pr PackagePrice) error { return domain.ValidatePrice(pr.HourlyRate, pr.MonthlyFee) }),
		checkFinite(*c),
	)
}

// WriteResources commits a change of steps 5 and 6. Nothing is written when a value breaks a
// rule; the transaction is all or nothing.
func (f *File) WriteResources(c ResourceChange) error {
	if c.Empty() {
		return nil
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return f.write(func(tx *gorm.DB) error {
		err := setProjectPart(tx, "resource_plan", c.Plan)
		if err == nil {
			err = deleteByID(tx, idDeletion{c.DeleteDecisions, &sourcingDecisionRecord{}}, idDeletion{c.DeletePayGroups, &payGroupRecord{}})
		}
		if err != nil {
			return err
		}
		upsert := clause.OnConflict{UpdateAll: true}
		if len(c.PutPayGroups) > 0 {
			recs := mapSlice(c.PutPayGroups, func(g domain.PayGroup) payGroupRecord { return payGroupRecord(g) })
			if err := tx.Clauses(upsert).Create(&recs).Error; err != nil {
				return err
			}
		}
		if len(c.PutDecisions) > 0 {
			recs := mapSlice(c.PutDecisions, toDecisionRecord)
			// A package has one decision: the upsert goes by id, and the unique package index
			// refuses a second decision for the same package.
			if err := tx.Clauses(upsert).Create(&recs).Error; err != nil {
				return err
			}
		}
		for _, pr := range c.Prices {
			res := tx.Model(&packageRecord{}).Where("id = ?", pr.PackageID).
				Updates(map[string]any{"external_hourly_rate": pr.HourlyRate, "external_monthly_fee": pr.MonthlyFee})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return domain.ErrSourcingPackage
			}
		}
		return nil
	})
}
