package persistence

import (
	"gorm.io/gorm"

	"schulit-lotse/domain"
)

// Writes of steps 3 and 4: packages (Aufgabenpakete) and the cards sorted into them. Each call
// is one transaction, so a board operation that moves a package and its cards commits whole.

func checkPackage(pk domain.Package) error {
	if err := pk.Validate(); err != nil {
		return err
	}
	if pk.ID < 0 || pk.ID > maxID {
		return domain.ErrPackageGeometry
	}
	return checkFinite(pk)
}

func checkTasks(ts []domain.Task) error {
	for _, t := range ts {
		if err := t.Validate(); err != nil {
			return err
		}
		if err := checkFinite(t); err != nil {
			return err
		}
	}
	return nil
}

func upsertTasks(tx *gorm.DB, ts []domain.Task) error { return upsertEach(tx, ts, toTaskRecord) }

// SaveBoard stores new versions of existing tasks and packages together (a drop, a package
// moved with its cards, a tidied board).
func (f *File) SaveBoard(tasks []domain.Task, pkgs []domain.Package) error {
	for _, pk := range pkgs {
		if pk.ID == 0 {
			return domain.ErrPackageGone
		}
		if err := checkPackage(pk); err != nil {
			return err
		}
	}
	if err := checkTasks(tasks); err != nil {
		return err
	}
	return f.write(func(tx *gorm.DB) error {
		if err := upsertEach(tx, pkgs, toPackageRecord); err != nil {
			return err
		}
		return upsertTasks(tx, tasks)
	})
}

// SavePackage inserts (ID 0; the new id is set) or updates a package, and puts the given
// tasks into it in the same transaction (their PackageID is set to the package's id).
func (f *File) SavePackage(pk *domain.Package, tasks []domain.Task) error {
	if err := checkPackage(*pk); err != nil {
		return err
	}
	if err := checkTasks(tasks); err != nil {
		return err
	}
	r := toPackageRecord(*pk)
	err := f.write(func(tx *gorm.DB) error {
		if err := createOrReplace(tx, &r, r.ID == 0); err != nil {
			return err
		}
		in := make([]domain.Task, len(tasks))
		for i, t := range tasks {
			id := r.ID
			t.PackageID = &id
			in[i] = t
		}
		return upsertTasks(tx, in)
	})
	if err != nil {
		return err
	}
	pk.ID = r.ID
	for i := range tasks {
		id := r.ID
		tasks[i].PackageID = &id
	}
	return nil
}

// PackageRemoval is everything that referred to a deleted package, so that undo can put it back:
// the package, its tasks (now unsorted), its sourcing decision (which cannot live without it),
// and the SLAs and tickets that named it (now pointing at no package).
type PackageRemoval struct {
	Package   domain.Package
	Tasks     []int64
	Decisions []domain.SourcingDecision
	SLAs      []int64
	Tickets   []int64
	// Activities are the RACI activities that were linked to the package.
	Activities []int64
}

// idChunk bounds the ids of one IN list, well below every database's parameter limit.
const idChunk = 500

func updateIDs(tx *gorm.DB, model any, ids []int64, column string, value any) error {
	for start := 0; start < len(ids); start += idChunk {
		end := min(start+idChunk, len(ids))
		if err := tx.Model(model).Where("id IN ?", ids[start:end]).Update(column, value).Error; err != nil {
			return err
		}
	}
	return nil
}

// DeletePackage removes a package. Its tasks go back to the pile and SLAs or tickets that named
// it keep no reference; its sourcing decision is deleted with it. Tasks given in before are
// stored first in the same transaction (undo of a package created with cards puts them back
// where they were).
func (f *File) DeletePackage(id int64, before []domain.Task) error {
	if err := checkTasks(before); err != nil {
		return err
	}
	return f.write(func(tx *gorm.DB) error {
		if err := upsertTasks(tx, before); err != nil {
			return err
		}
		if err := tx.Model(&taskRecord{}).Where("package_id = ?", id).Update("package_id", nil).Error; err != nil {
			return err
		}
		if err := tx.Model(&slaRecord{}).Where("package_id = ?", id).Update("package_id", nil).Error; err != nil {
			return err
		}
		if err := tx.Model(&ticketRecord{}).Where("package_id = ?", id).Update("package_id", nil).Error; err != nil {
			return err
		}
		if err := tx.Model(&raciActivityRecord{}).Where("package_id = ?", id).Update("package_id", nil).Error; err != nil {
			return err
		}
		if err := tx.Where("package_id = ?", id).Delete(&sourcingDecisionRecord{}).Error; err != nil {
			return err
		}
		return tx.Delete(&packageRecord{}, id).Error
	})
}

// RestorePackage puts a deleted package back with its id, its tasks, decision and references.
func (f *File) RestorePackage(rm PackageRemoval) error {
	if err := checkPackage(rm.Package); err != nil {
		return err
	}
	for _, d := range rm.Decisions {
		if err := checkFinite(d); err != nil {
			return err
		}
	}
	id := rm.Package.ID
	return f.write(func(tx *gorm.DB) error {
		r := toPackageRecord(rm.Package)
		if err := tx.Create(&r).Error; err != nil {
			return err
		}
		if err := updateIDs(tx, &taskRecord{}, rm.Tasks, "package_id", id); err != nil {
			return err
		}
		if err := updateIDs(tx, &slaRecord{}, rm.SLAs, "package_id", id); err != nil {
			return err
		}
		if err := updateIDs(tx, &ticketRecord{}, rm.Tickets, "package_id", id); err != nil {
			return err
		}
		if err := updateIDs(tx, &raciActivityRecord{}, rm.Activities, "package_id", id); err != nil {
			return err
		}
		for _, d := range rm.Decisions {
			dr := toDecisionRecord(d)
			if err := tx.Create(&dr).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
