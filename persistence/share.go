package persistence

import (
	"os"
	"path/filepath"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"schulit-lotse/domain"
)

// ShareOptions choose what a copy for sending ("Kopie zum Versenden") leaves out.
type ShareOptions struct {
	// WithoutMonitoring leaves out the raw data of step 12: tickets, calls, survey answers.
	WithoutMonitoring bool
	// Anonymize replaces people's names by their roles (domain.Anonymize).
	Anonymize bool
	// Labels are the translated words that stand in for names.
	Labels domain.ShareLabels

	// loadWhole anonymises a project loaded with every monitoring row, as before the rows stayed
	// in the file (for the test that both give the same copy).
	loadWhole bool
}

// ShareResult says what the copy holds.
type ShareResult struct {
	Size     int64 // bytes of the written file
	Replaced int   // distinct names replaced
	Dropped  int64 // monitoring rows left out
}

// WriteShareCopy writes a compact copy of the project to target for sending. Without options it
// is VACUUM INTO a temporary file beside target, synced and renamed into place. With options the
// copy is first made in a private temporary folder (only the user can read it), the chosen data
// is removed or replaced there – never in the open project – and only the finished copy is
// written beside target, so a run killed midway leaves nothing with the original names in the
// folder chosen for sending. Target is either complete or absent; an existing project file or a
// held project is never replaced.
func (f *File) WriteShareCopy(target string, opt ShareOptions) (ShareResult, error) {
	var res ShareResult
	if abs, err := filepath.Abs(target); err == nil {
		target = abs
	}
	if err := f.checkCopyTarget(target); err != nil {
		return res, err
	}
	if _, err := os.Lstat(target); err == nil {
		return res, &os.PathError{Op: "share", Path: target, Err: os.ErrExist}
	}
	removeLeftovers(filepath.Dir(target))
	src := f.db
	if opt.WithoutMonitoring || opt.Anonymize {
		dir, err := privateDir()
		if err != nil {
			return res, err
		}
		defer os.RemoveAll(dir)
		private, err := f.vacuumIntoTemp(dir)
		if err != nil {
			return res, err
		}
		c, err := openPrivate(private)
		if err != nil {
			return res, err
		}
		defer closeGorm(c.db)
		if err := c.stripForShare(opt, &res); err != nil {
			if r, ok := IsRefused(err); ok { // found in the private copy: name the project
				return res, refuse(f.path, r.Reason, r.Detail)
			}
			return res, err
		}
		src = c.db
	}
	// VACUUM INTO writes fresh pages: neither free pages nor the size give away what was taken out.
	tmp, err := vacuumIntoTemp(src, filepath.Dir(target))
	if err != nil {
		return res, err
	}
	if err := publish(tmp, target); err != nil {
		os.Remove(tmp)
		return res, err
	}
	if st, err := os.Stat(target); err == nil {
		res.Size = st.Size()
	}
	return res, nil
}

// stripForShare removes and replaces in the copy c what opt asks for, in one transaction.
func (c *File) stripForShare(opt ShareOptions, res *ShareResult) error {
	return c.db.Transaction(func(tx *gorm.DB) error {
		all := tx.Session(&gorm.Session{AllowGlobalUpdate: true})
		if opt.WithoutMonitoring {
			for _, rec := range []any{&ticketRecord{}, &callRecord{}, &surveyRecord{}} {
				r := all.Delete(rec)
				if r.Error != nil {
					return r.Error
				}
				res.Dropped += r.RowsAffected
			}
		}
		for _, rec := range []any{&keptTicketRecord{}, &keptCallRecord{}, &keptAnswerRecord{}} { // what undo of this session would bring back
			if err := all.Delete(rec).Error; err != nil {
				return err
			}
		}
		if !opt.Anonymize {
			return nil
		}
		// Names live in the plan, not in the monitoring rows: those stay in the file, checked as
		// Load checks them, so a file Load refuses is refused here too.
		p, err := (&File{path: c.path, db: tx}).loadForAnonymizing(opt.loadWhole)
		if err != nil {
			return err
		}
		res.Replaced = domain.Anonymize(p, opt.Labels)
		if err := upsertPeople(tx, p); err != nil {
			return err
		}
		// Step 4's workload limits are kept per name: write the renamed ones instead.
		if err := tx.Delete(&configRecord{}, "key = ?", domain.ConfigWorkload).Error; err != nil {
			return err
		}
		if v, ok := p.Config[domain.ConfigWorkload]; ok {
			return writeConfig(tx, map[string]string{domain.ConfigWorkload: v})
		}
		return nil
	})
}

func (f *File) loadForAnonymizing(whole bool) (*domain.Project, error) {
	if whole {
		return f.Load()
	}
	return f.LoadChecked()
}

// upsertPeople writes back every row that can hold a person's name.
func upsertPeople(tx *gorm.DB, p *domain.Project) error {
	pr := toProjectRecord(p)
	up := func() *gorm.DB { return tx.Clauses(clause.OnConflict{UpdateAll: true}) }
	if err := up().Create(&pr).Error; err != nil {
		return err
	}
	batches := []any{
		mapSlice(p.Tasks, toTaskRecord),
		mapSlice(p.Decisions, toDecisionRecord),
		mapSlice(p.Milestones, toMilestoneRecord),
		mapSlice(p.Roles, toRoleRecord),
		mapSlice(p.Persons, toPersonRecord),
		mapSlice(p.Meetings, toMeetingRecord),
		mapSlice(p.JourFixes, toJourFixeRecord),
		mapSlice(p.Measures, toMeasureRecord),
		mapSlice(p.KnowledgeChecks, toKnowledgeRecord),
	}
	for _, b := range batches {
		if err := createBatch(up(), b); err != nil {
			return err
		}
	}
	for _, l := range p.AttendeeLists() { // guests' names
		if err := putAttendees(tx, l); err != nil {
			return err
		}
	}
	return nil
}
