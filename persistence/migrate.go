package persistence

import (
	"encoding/json"
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
	// 5: OLAs (slas.internal), reasons per bid score and the tender's change record.
	{to: 5, fn: migrateTo5},
	// 6: whether a ticket's response is measured, per ticket instead of per project.
	{to: 6, fn: migrateTo6},
	// 7: persons of step 11; participants and owners refer to them or name guests.
	{to: 7, fn: migrateTo7},
	// 8: imports of monitoring rows with their ids on the rows, for undo by import.
	{to: 8, fn: migrateTo8},
}

// migrateTo8 adds tickets/calls/survey_answers.import_id (NULL: the rows came before; they
// belong to no import that can still be undone), the table imports and the kept_… tables of
// the rows an import replaced.
func migrateTo8(tx *gorm.DB) error {
	for _, rec := range []any{&ticketRecord{}, &callRecord{}, &surveyRecord{}} {
		if err := tx.Migrator().AddColumn(rec, "ImportID"); err != nil {
			return err
		}
	}
	return tx.Migrator().CreateTable(&importRecord{}, &keptTicketRecord{}, &keptCallRecord{}, &keptAnswerRecord{})
}

// migrateTo5 adds slas.internal (every existing level is the provider's SLA), bids.reasons
// (no reasons yet) and the table tender_log (nothing reopened yet).
func migrateTo5(tx *gorm.DB) error {
	if err := addColumns(tx, newColumn{&slaRecord{}, "Internal"}, newColumn{&bidRecord{}, "Reasons"}); err != nil {
		return err
	}
	return tx.Migrator().CreateTable(&tenderLogRecord{})
}

// newColumn is a column a migration adds: the field of a record (its table).
type newColumn struct {
	record any
	field  string
}

// addColumns adds the columns in order.
func addColumns(tx *gorm.DB, cols ...newColumn) error {
	for _, c := range cols {
		if err := tx.Migrator().AddColumn(c.record, c.field); err != nil {
			return err
		}
	}
	return nil
}

// migrateTo6 adds tickets.response_not_measured. Before, one flag of the saved ticket mapping
// said whether the last import had a first-response column; the tickets then in the file take
// it over (they are what that flag measured).
func migrateTo6(tx *gorm.DB) error {
	if err := addColumns(tx, newColumn{&ticketRecord{}, "ResponseNotMeasured"}); err != nil {
		return err
	}
	var cfg []configRecord
	if err := tx.Where("key = ?", domain.ConfigTicketMapping).Find(&cfg).Error; err != nil {
		return err
	}
	if len(cfg) == 0 || !domain.LegacyResponseNotMeasured(cfg[0].Value) {
		return nil
	}
	return tx.Exec("UPDATE `tickets` SET `response_not_measured` = 1").Error
}

// legacyPeopleText is a free-text column of people that schema 7 replaced by attendees.
var legacyPeopleText = []struct {
	of            domain.AttendeesOf
	table, column string
}{
	{domain.AttendeesOfMeeting, "meetings", "participants"},
	{domain.AttendeesOfJourFixe, "jour_fixes", "participants"},
	{domain.AttendeesOfMeasure, "measures", "owner"},
}

// migrateTo7 creates the persons, the roles they hold and the attendees. The persons are the
// names the roles list (as persons or deputy); each free-text list of participants or owners
// becomes references to them where an entry names one, and guests for every other entry, word
// for word (domain.MatchAttendees), so no name is lost. The free-text columns are dropped.
func migrateTo7(tx *gorm.DB) error {
	if err := tx.Migrator().CreateTable(&personRecord{}, &personRoleRecord{}, &attendeeRecord{}); err != nil {
		return err
	}
	var roles []roleRecord
	if err := tx.Order("sort_order, id").Find(&roles).Error; err != nil {
		return err
	}
	var kickoffJSON string
	if err := tx.Raw("SELECT kickoff FROM project WHERE id = 1").Scan(&kickoffJSON).Error; err != nil {
		return err
	}
	var kickoff domain.Kickoff
	_ = json.Unmarshal([]byte(kickoffJSON), &kickoff) // an unreadable kickoff lends no organisation
	p := &domain.Project{}
	p.Persons = domain.PeopleFromRoles(mapSlice(roles, fromRoleRecord), kickoff.Participants, 1)
	if err := putPersons(tx, p.Persons); err != nil {
		return err
	}
	for _, c := range legacyPeopleText {
		var rows []struct {
			ID   int64
			Text string
		}
		if err := tx.Raw(fmt.Sprintf("SELECT id, %s AS text FROM %s ORDER BY id", c.column, c.table)).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			l := domain.AttendeeList{Of: c.of, ID: r.ID, Attendees: domain.MatchAttendees(r.Text, p.Persons)}
			if err := putAttendees(tx, l); err != nil {
				return err
			}
		}
		if err := tx.Exec(fmt.Sprintf("ALTER TABLE `%s` DROP COLUMN `%s`", c.table, c.column)).Error; err != nil {
			return err
		}
	}
	return nil
}

// migrateTo4 rebuilds raci_activities with package_id, its foreign key and its index exactly as
// a new file has them (the schema check compares the SQL text): the old table is renamed aside
// without touching the references of raci_assignments (legacy_alter_table), the new one is
// created under the old name, the rows are copied and the old table is dropped.
func migrateTo4(tx *gorm.DB) error {
	for _, stmt := range []string{
		"PRAGMA legacy_alter_table = ON",
		"ALTER TABLE `raci_activities` RENAME TO `raci_activities_v3`",
		"CREATE TABLE `raci_activities` (`id` integer PRIMARY KEY AUTOINCREMENT,`process` text NOT NULL DEFAULT \"\"," +
			"`name` text NOT NULL,`sort_order` integer,`package_id` integer," +
			"CONSTRAINT `fk_raci_activities_package` FOREIGN KEY (`package_id`) REFERENCES `packages`(`id`) ON DELETE SET NULL)",
		"INSERT INTO `raci_activities` (`id`, `process`, `name`, `sort_order`) SELECT `id`, `process`, `name`, `sort_order` FROM `raci_activities_v3`",
		"DROP TABLE `raci_activities_v3`",
		"PRAGMA legacy_alter_table = OFF",
		"CREATE INDEX `idx_raci_activities_package_id` ON `raci_activities`(`package_id`)",
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}

// migrateTo3 adds project.data_as_of and milestones.fact. Milestones that carry the name the
// plan template gives them in German or English mirror their fact from now on.
func migrateTo3(tx *gorm.DB) error {
	if err := addColumns(tx, newColumn{&projectRecord{}, "DataAsOf"}, newColumn{&milestoneRecord{}, "Fact"}); err != nil {
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
