package persistence

import (
	"sort"
	"strings"

	"gorm.io/gorm"

	"schulit-lotse/domain"
)

// Undo and redo of monitoring imports (schema 8). Every import of tickets, calls or survey
// answers, and every clearing of a kind, is a row of the table imports. The rows it writes carry
// its id (import_id); the rows it replaces – tickets it updated (same external id), calls and
// answers of the span it covers, everything when a kind is cleared – are copied to the kind's
// kept_… table (Written false) before they are overwritten or deleted. Undo and redo swap the two
// sets in one transaction, by id, without reading them into memory:
//
//	undo: rows with import_id = N  → kept (Written true), deleted;  kept (Written false) → back
//	redo: rows put back (their ids) → deleted;  kept (Written true) → back, dropped from kept
//
// Rows keep their ids and import ids, so an earlier import still finds its rows after a later
// one was undone. The history of undo is per session: the kept rows are dropped when a file is
// next opened for editing (forgetKeptRows).

// Kinds of monitoring imports (imports.kind).
const (
	ImportTickets = "tickets"
	ImportCalls   = "calls"
	ImportSurvey  = "survey"
)

// monitoringTable is the table of one kind of import and its kept_… table.
type monitoringTable struct {
	table, kept string
	cols        []string // without id and import_id
}

var monitoringTables = map[string]monitoringTable{
	ImportTickets: {"tickets", "kept_tickets", ticketCols},
	ImportCalls:   {"calls", "kept_calls", callCols},
	ImportSurvey:  {"survey_answers", "kept_answers", answerCols},
}

// errImportState is returned for an undo of an import that is not in the file as done (or a
// redo of one not undone), of an unknown import or kind: the session's history and the file
// differ. The user reads that the entry no longer exists.
var errImportState = domain.Error("err.monitoring.gone")

// Import is an import written to the file.
type Import struct {
	ID   int64
	Kind string
	// Total is the number of rows of the kind in the file after the import.
	Total int
}

// keep copies the rows of the kind's table that match where into its kept table, for import id
// as written or replaced rows.
func (m monitoringTable) keep(tx *gorm.DB, id int64, written bool, where string, args ...any) error {
	cols := strings.Join(m.cols, ", ")
	q := "INSERT INTO " + m.kept + " (by_import, written, id, import_id, " + cols + ") SELECT ?, ?, id, import_id, " + cols +
		" FROM " + m.table + " WHERE " + where
	return tx.Exec(q, append([]any{id, written}, args...)...).Error
}

// setAside keeps and deletes the rows that match where: the rows an import replaces.
func (m monitoringTable) setAside(tx *gorm.DB, id int64, where string, args ...any) error {
	if err := m.keep(tx, id, false, where, args...); err != nil {
		return err
	}
	return tx.Exec("DELETE FROM "+m.table+" WHERE "+where, args...).Error
}

// putBack inserts the kept rows of import id (written or replaced) into the kind's table.
func (m monitoringTable) putBack(tx *gorm.DB, id int64, written bool) error {
	cols := strings.Join(m.cols, ", ")
	q := "INSERT INTO " + m.table + " (id, import_id, " + cols + ") SELECT id, import_id, " + cols +
		" FROM " + m.kept + " WHERE by_import = ? AND written = ?"
	return tx.Exec(q, id, written).Error
}

// beginImport records a new import of kind with cfg (the mapping it saves; "" removes a key)
// and the values the keys had before, so that undo and redo set them back.
func (f *File) beginImport(tx *gorm.DB, kind string, cfg map[string]string) (int64, error) {
	before := map[string]string{}
	if len(cfg) > 0 {
		keys := make([]string, 0, len(cfg))
		for k := range cfg {
			keys = append(keys, k)
			before[k] = ""
		}
		sort.Strings(keys)
		var recs []configRecord
		if err := tx.Where("key IN ?", keys).Find(&recs).Error; err != nil {
			return 0, err
		}
		for _, r := range recs {
			before[r.Key] = r.Value
		}
	}
	rec := importRecord{Kind: kind, At: f.Clock().Now().Unix(), ConfigBefore: toJSON(before), ConfigAfter: toJSON(nonNil(cfg))}
	if err := tx.Create(&rec).Error; err != nil {
		return 0, err
	}
	return rec.ID, nil
}

func nonNil(cfg map[string]string) map[string]string {
	if cfg == nil {
		return map[string]string{}
	}
	return cfg
}

// finishImport saves the configuration of import id and counts the rows of the kind after it.
func finishImport(tx *gorm.DB, kind string, id int64, cfg map[string]string) (Import, error) {
	imp := Import{ID: id, Kind: kind}
	if err := saveConfigIn(tx, cfg); err != nil {
		return imp, err
	}
	err := tx.Raw("SELECT count(*) FROM " + monitoringTables[kind].table).Row().Scan(&imp.Total)
	return imp, err
}

// hasRows reports whether the kind's table holds any row (an import into an empty table
// replaces nothing).
func hasRows(tx *gorm.DB, table string) (bool, error) {
	var n int
	err := tx.Raw("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) AS one").Row().Scan(&n)
	return n > 0, err
}

// UndoImport takes import id back in one transaction: the rows it wrote leave, the rows it
// replaced return, the configuration it saved is set back.
func (f *File) UndoImport(id int64) error { return f.swapImport(id, true) }

// RedoImport does import id again after UndoImport, in one transaction.
func (f *File) RedoImport(id int64) error { return f.swapImport(id, false) }

func (f *File) swapImport(id int64, undo bool) error {
	return f.writeBulk(func(tx *gorm.DB) error {
		var rec importRecord
		if err := tx.Where("id = ?", id).Find(&rec).Error; err != nil {
			return err
		}
		m, ok := monitoringTables[rec.Kind]
		if rec.ID != id || !ok || rec.Undone == undo {
			return errImportState
		}
		cfg := rec.ConfigAfter
		if undo {
			cfg = rec.ConfigBefore
		}
		var config map[string]string
		if err := fromJSON(cfg, &config); err != nil {
			return err
		}
		steps := []func() error{
			// redo: the rows undo put back leave (they are still kept)
			func() error {
				return tx.Exec("DELETE FROM "+m.table+" WHERE id IN (SELECT id FROM "+m.kept+" WHERE by_import = ? AND written = ?)", id, false).Error
			},
			func() error { return m.putBack(tx, id, true) },
			func() error {
				return tx.Exec("DELETE FROM "+m.kept+" WHERE by_import = ? AND written = ?", id, true).Error
			},
		}
		if undo {
			steps = []func() error{
				func() error { return m.keep(tx, id, true, "import_id = ?", id) },
				func() error { return tx.Exec("DELETE FROM "+m.table+" WHERE import_id = ?", id).Error },
				func() error { return m.putBack(tx, id, false) },
			}
		}
		steps = append(steps,
			func() error { return saveConfigIn(tx, config) },
			func() error { return tx.Model(&importRecord{}).Where("id = ?", id).Update("undone", undo).Error },
		)
		return inTurn(steps...)
	})
}

// forgetKeptRows drops the rows kept for undo when a file is opened for editing: the history of
// undo ended with the session that made it.
func forgetKeptRows(db *gorm.DB) error {
	for _, m := range monitoringTables {
		has, err := hasRows(db, m.kept)
		if err != nil {
			return err
		}
		if has {
			if err := db.Exec("DELETE FROM " + m.kept).Error; err != nil {
				return err
			}
		}
	}
	return nil
}
