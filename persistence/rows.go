package persistence

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The checks and writes the stores share for the lists a change puts and deletes.

// forEach calls fn with every row in turn and stops at the first failure.
func forEach[T any](rows []T, fn func(T) error) error {
	for _, r := range rows {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// checkRows checks every row a change puts: the id check gives must lie in the file's id range
// (else idErr), and the row must keep its own rules (the error check gives).
func checkRows[T any](rows []T, idErr error, check func(T) (int64, error)) error {
	return forEach(rows, func(r T) error {
		id, err := check(r)
		if id <= 0 || id > maxID {
			return idErr
		}
		return err
	})
}

// validateSet checks an optional part of a change; nil has nothing to check.
func validateSet[T any, P interface {
	*T
	Validate() error
}](v P) error {
	if v == nil {
		return nil
	}
	return v.Validate()
}

// upsertEach writes each row's record on its own, replacing a stored row with the same key.
func upsertEach[T, R any](tx *gorm.DB, rows []T, toRecord func(T) R) error {
	for _, x := range rows {
		r := toRecord(x)
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&r).Error; err != nil {
			return err
		}
	}
	return nil
}

// createOrReplace inserts the record r, which takes a new id from the file when isNew, or
// replaces the stored row with r's id.
func createOrReplace(tx *gorm.DB, r any, isNew bool) error {
	if isNew {
		return tx.Create(r).Error
	}
	return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(r).Error
}

// idDeletion is a list of ids to delete from the table of model.
type idDeletion struct {
	ids   []int64
	model any
}

// deleteByID deletes the rows, table by table in the order given, at most 500 ids a statement.
func deleteByID(tx *gorm.DB, ds ...idDeletion) error {
	for _, d := range ds {
		for start := 0; start < len(d.ids); start += 500 {
			if err := tx.Delete(d.model, d.ids[start:min(start+500, len(d.ids))]).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// inTurn runs the steps in order and stops at the first failure.
func inTurn(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// setProjectPart stores v as the JSON column of the project row; nil leaves it as it is.
func setProjectPart[T any](tx *gorm.DB, column string, v *T) error {
	if v == nil {
		return nil
	}
	return tx.Model(&projectRecord{ID: 1}).Update(column, toJSON(*v)).Error
}
