package persistence

import (
	"fmt"

	"schulit-lotse/domain"

	"gorm.io/gorm"
)

// migration upgrades a file from version to-1 to version to. Table rebuilds run with foreign keys
// off (AutoMigrate with them on can silently delete child rows in this driver).
type migration struct {
	to int
	fn func(tx *gorm.DB) error
}

// migrations are applied in order.
var migrations = []migration{
	// 2: per-project configuration (import mappings, priority mappings, view settings).
	{to: 2, fn: func(tx *gorm.DB) error { return tx.Migrator().CreateTable(&configRecord{}) }},
	// 3: the "Stand der Daten" of a project, and milestones that mirror a recorded fact.
	{to: 3, fn: migrateTo3},
	// 4: RACI activities linked to their Aufgabenpaket.
	{to: 4, fn: migrateTo4},
}

// migrateTo4 adds raci_activities.package_id with the foreign key and index a new file has.
func migrateTo4(tx *gorm.DB) error {
	if err := tx.Exec("ALTER TABLE raci_activities ADD COLUMN package_id integer REFERENCES packages(id) ON DELETE SET NULL").Error; err != nil {
		return err
	}
	return tx.Exec("CREATE INDEX idx_raci_activities_package_id ON raci_activities(package_id)").Error
}

// migrateTo3 adds project.data_as_of and milestones.fact. Milestones that carry the name the
// plan template gives them in German or English mirror their fact from now on.
func migrateTo3(tx *gorm.DB) error {
	m := tx.Migrator()
	if err := m.AddColumn(&projectRecord{}, "DataAsOf"); err != nil {
		return err
	}
	if err := m.AddColumn(&milestoneRecord{}, "Fact"); err != nil {
		return err
	}
	for fact, names := range templateMilestoneNames {
		if err := tx.Model(&milestoneRecord{}).Where("name IN ?", names).Update("fact", fact).Error; err != nil {
			return err
		}
	}
	return nil
}

// templateMilestoneNames are the names earlier versions gave the milestones that mirror a fact
// (assets/translations/structure.*.json, keys tpl.milestone.contract and tpl.milestone.kickoff).
var templateMilestoneNames = map[string][]string{
	domain.FactContractSigned: {"Vertrag unterzeichnet", "Contract signed"},
	domain.FactKickoffHeld:    {"Auftaktveranstaltung", "Kickoff meeting"},
}

func migrate(db *gorm.DB, from int) error {
	if err := db.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
		return err
	}
	defer db.Exec("PRAGMA foreign_keys = ON")
	for _, m := range migrations {
		if m.to <= from {
			continue
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := m.fn(tx); err != nil {
				return err
			}
			var problems []map[string]any
			if err := tx.Raw("PRAGMA foreign_key_check").Scan(&problems).Error; err != nil {
				return err
			}
			if len(problems) > 0 {
				return fmt.Errorf("foreign_key_check after migration to %d: %v", m.to, problems[0])
			}
			return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.to)).Error
		})
		if err != nil {
			return err
		}
	}
	return nil
}
