package persistence

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"schulit-lotse/domain"
)

// count runs a count query on the file.
func count(t *testing.T, f *File, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.Raw(q, args...).Row().Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A ticket import that updates 3 tickets of the file and adds 5: undo gives the 3 their old
// values back (ids kept) and deletes the 5; redo brings the import back exactly; the
// configuration it saved follows.
func TestUndoTicketImportByImportID(t *testing.T) {
	f := monitoringFile(t)
	d := importDay
	first := hourlyTickets(6) // A-1 … A-6
	if _, err := f.UpsertTickets(first, map[string]string{domain.ConfigTicketMapping: `{"format":"glpi"}`}, nil); err != nil {
		t.Fatal(err)
	}
	before := mustLoad(t, f)
	// The next export: solved (3 updated), B-1 … B-5 new (5 added).
	solved := d.Add(30 * time.Hour)
	var next []domain.Ticket
	for _, id := range []string{"A-2", "A-4", "A-6"} {
		x := tk(id, d, "P1")
		x.Resolved, x.Status = &solved, "geschlossen"
		next = append(next, x)
	}
	for i := 1; i <= 5; i++ {
		next = append(next, tk(fmt.Sprintf("B-%d", i), d.Add(time.Duration(i)*time.Minute), "P2"))
	}
	imp, err := f.UpsertTickets(next, map[string]string{domain.ConfigTicketMapping: `{"format":"zammad"}`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// 6 before + 5 new = 11; the 3 updated are kept for undo, the 8 written carry the import id.
	if imp.Total != 11 || imp.Kind != ImportTickets {
		t.Fatalf("import %+v, want 11 tickets", imp)
	}
	if n := count(t, f, "SELECT count(*) FROM kept_tickets WHERE by_import = ?", imp.ID); n != 3 {
		t.Errorf("%d tickets kept, want the 3 updated", n)
	}
	if n := count(t, f, "SELECT count(*) FROM tickets WHERE import_id = ?", imp.ID); n != 8 {
		t.Errorf("%d tickets with the import's id, want 8", n)
	}
	after := mustLoad(t, f)

	back := loadAfter(t, f, f.UndoImport(imp.ID))
	if sprint(back.Tickets) != sprint(before.Tickets) {
		t.Errorf("undo:\n%s\nwant\n%s", sprint(back.Tickets), sprint(before.Tickets))
	}
	if back.Config[domain.ConfigTicketMapping] != `{"format":"glpi"}` {
		t.Errorf("undo left the mapping %q", back.Config[domain.ConfigTicketMapping])
	}
	if err := f.UndoImport(imp.ID); err == nil {
		t.Error("a second undo of the same import was accepted")
	}

	again := loadAfter(t, f, f.RedoImport(imp.ID))
	if sprint(again.Tickets) != sprint(after.Tickets) || again.Config[domain.ConfigTicketMapping] != `{"format":"zammad"}` {
		t.Errorf("redo:\n%s\nwant\n%s", sprint(again.Tickets), sprint(after.Tickets))
	}
	if n := count(t, f, "SELECT count(*) FROM kept_tickets WHERE written = ?", true); n != 0 {
		t.Errorf("%d written tickets still kept after redo", n)
	}
	// Undo again, then undo the first import too: the file is empty of tickets, as at the start.
	if err := f.UndoImport(imp.ID); err != nil {
		t.Fatal(err)
	}
	if p := loadAfter(t, f, f.UndoImport(imp.ID-1)); len(p.Tickets) != 0 || p.Config[domain.ConfigTicketMapping] != "" {
		t.Errorf("after both undos: %d tickets, mapping %q", len(p.Tickets), p.Config[domain.ConfigTicketMapping])
	}
}

// A call list for 2–4 March replaces the 3 calls the file has there (of 5); undo brings those 3
// back and removes the 4 new ones; redo swaps again.
func TestUndoCallSpanImportRestoresReplacedCalls(t *testing.T) {
	f := monitoringFile(t)
	at := func(day, h int) time.Time { return time.Date(2027, 3, day, h, 0, 0, 0, time.UTC) }
	var old []domain.Call
	for day := 1; day <= 5; day++ {
		old = append(old, domain.Call{At: at(day, 9), Answered: day%2 == 0, WaitSeconds: day, TalkSeconds: 60 * day})
	}
	if _, err := f.ReplaceCallsBetween(at(1, 0), at(5, 23), old, nil, nil); err != nil {
		t.Fatal(err)
	}
	before, err := f.LoadCalls()
	if err != nil {
		t.Fatal(err)
	}
	imp, err := f.ReplaceCallsBetween(at(2, 0), at(4, 23), []domain.Call{
		{At: at(2, 10), Answered: true}, {At: at(3, 10)}, {At: at(3, 11), Answered: true}, {At: at(4, 10)},
	}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Total != 6 { // 5 − 3 replaced + 4 new
		t.Fatalf("%d calls, want 6", imp.Total)
	}
	after, _ := f.LoadCalls()
	if err := f.UndoImport(imp.ID); err != nil {
		t.Fatal(err)
	}
	back, _ := f.LoadCalls()
	if sprint(back) != sprint(before) {
		t.Errorf("undo:\n%s\nwant\n%s", sprint(back), sprint(before))
	}
	if err := f.RedoImport(imp.ID); err != nil {
		t.Fatal(err)
	}
	if again, _ := f.LoadCalls(); sprint(again) != sprint(after) {
		t.Errorf("redo:\n%s\nwant\n%s", sprint(again), sprint(after))
	}
}

// Survey answers replace only their questions in their span; clearing a kind is an import
// that replaces everything by nothing.
func TestUndoAnswersAndClearing(t *testing.T) {
	f := monitoringFile(t)
	at := func(day int) time.Time { return time.Date(2027, 3, day, 12, 0, 0, 0, time.UTC) }
	a := func(day int, q string, s int) domain.SurveyAnswer {
		return domain.SurveyAnswer{At: at(day), Question: q, Score: s, School: "IGS Nord"}
	}
	if _, err := f.ReplaceAnswersBetween(at(1), at(3), []string{"Q1", "Q2"}, []domain.SurveyAnswer{a(1, "Q1", 5), a(2, "Q2", 4), a(3, "Q1", 2)}, nil, nil); err != nil {
		t.Fatal(err)
	}
	before, _ := f.LoadSurveyAnswers()
	imp, err := f.ReplaceAnswersBetween(at(1), at(2), []string{"Q1"}, []domain.SurveyAnswer{a(1, "Q1", 1)},
		map[string]string{domain.ConfigSurveyMapping: `{"reverse":true}`}, nil)
	if err != nil || imp.Total != 3 { // Q1 of 1 March replaced by one answer; Q2 and 3 March stay
		t.Fatal(imp, err)
	}
	if err := f.UndoImport(imp.ID); err != nil {
		t.Fatal(err)
	}
	if back, _ := f.LoadSurveyAnswers(); sprint(back) != sprint(before) {
		t.Errorf("undo:\n%s\nwant\n%s", sprint(back), sprint(before))
	}
	if p := mustLoad(t, f); p.Config[domain.ConfigSurveyMapping] != "" {
		t.Errorf("undo left the mapping %q", p.Config[domain.ConfigSurveyMapping])
	}

	clear, err := f.ClearMonitoring(ImportSurvey)
	if err != nil || clear.Total != 0 {
		t.Fatal(clear, err)
	}
	if err := f.UndoImport(clear.ID); err != nil {
		t.Fatal(err)
	}
	if back, _ := f.LoadSurveyAnswers(); sprint(back) != sprint(before) {
		t.Errorf("undo of clearing:\n%s\nwant\n%s", sprint(back), sprint(before))
	}
	if _, err := f.ClearMonitoring("kuchen"); err == nil {
		t.Error("clearing an unknown kind accepted")
	}
}

// An undo that fails half-way leaves the file exactly as it was: it is one transaction. Here the
// rows it put back collide with a row written behind the history's back, after it had already
// set aside and deleted the rows the import wrote.
func TestFailedUndoChangesNothing(t *testing.T) {
	f := monitoringFile(t)
	d := importDay
	if _, err := f.UpsertTickets([]domain.Ticket{tk("A-1", d, "P1"), tk("A-2", d, "P2")}, nil, nil); err != nil {
		t.Fatal(err)
	}
	imp, err := f.UpsertTickets([]domain.Ticket{tk("A-1", d, "P3"), tk("A-9", d, "P3")}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"UPDATE tickets SET external_id = 'A-1x' WHERE external_id = 'A-1'",
		"INSERT INTO tickets (external_id, created, priority) VALUES ('A-1', 0, 'P4')",
	} {
		if err := f.db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	before := mustLoad(t, f)
	kept := count(t, f, "SELECT count(*) FROM kept_tickets")
	if err := f.UndoImport(imp.ID); err == nil {
		t.Fatal("undo with a colliding row succeeded")
	}
	if p := mustLoad(t, f); sprint(p.Tickets) != sprint(before.Tickets) || len(p.Tickets) != 4 {
		t.Errorf("after the failed undo:\n%s\nwant\n%s", sprint(p.Tickets), sprint(before.Tickets))
	}
	if n := count(t, f, "SELECT count(*) FROM kept_tickets"); n != kept || kept != 1 {
		t.Errorf("%d kept rows after the failed undo, want %d (1)", n, kept)
	}
	if n := count(t, f, "SELECT count(*) FROM imports WHERE undone = ?", true); n != 0 {
		t.Errorf("%d imports marked undone", n)
	}
}

// The kept rows belong to the session's history: opening the file again for editing drops
// them; a share without the monitoring data or anonymised carries none.
func TestKeptRowsEndWithTheSession(t *testing.T) {
	f := monitoringFile(t)
	d := importDay
	if _, err := f.UpsertTickets([]domain.Ticket{tk("A-1", d, "P1")}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.UpsertTickets([]domain.Ticket{tk("A-1", d, "P2")}, nil, nil); err != nil {
		t.Fatal(err)
	}
	for i, opt := range []ShareOptions{{WithoutMonitoring: true}, {Anonymize: true}} {
		share := filepath.Join(t.TempDir(), fmt.Sprintf("share%d.lotse", i))
		if _, err := f.WriteShareCopy(share, opt); err != nil {
			t.Fatal(err)
		}
		db, err := sql.Open("sqlite", fileURI(share, modeRO, nil))
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.QueryRow("SELECT count(*) FROM kept_tickets").Scan(&n); err != nil || n != 0 {
			t.Errorf("share %+v: %d kept tickets (%v)", opt, n, err)
		}
		db.Close()
	}

	path := f.path
	if n := count(t, f, "SELECT count(*) FROM kept_tickets"); n != 1 {
		t.Fatalf("%d kept tickets, want 1", n)
	}
	f.Close()
	g := openFile(t, path)
	if n := count(t, g, "SELECT count(*) FROM kept_tickets"); n != 0 {
		t.Errorf("%d kept tickets after reopening, want 0", n)
	}
	if p := mustLoad(t, g); len(p.Tickets) != 1 || p.Tickets[0].Priority != "P2" {
		t.Errorf("tickets after reopening: %s", sprint(p.Tickets))
	}
}

// Migration 8 on the full fixture of version 7: every monitoring row keeps its values with no
// import id, there is no import yet, the old file is kept as NAME.lotse.bak-v7, and an import
// into the migrated file is undone by its id.
func TestMigration8AddsImportIDs(t *testing.T) {
	path, _ := placeCopy(t, filepath.Join(versionsDir, "v7", "full.lotse"))
	old := openAndLoad(t, path)
	if _, err := os.Stat(BackupPath(path, 7)); err != nil {
		t.Errorf("no backup of the version-7 file: %v", err)
	}
	f := openFile(t, path)
	if v := count(t, f, "PRAGMA user_version"); v != 8 {
		t.Fatalf("version %d after opening", v)
	}
	for _, table := range []string{"tickets", "calls", "survey_answers"} {
		if n := count(t, f, "SELECT count(*) FROM "+table+" WHERE import_id IS NOT NULL"); n != 0 {
			t.Errorf("%s: %d rows with an import id", table, n)
		}
	}
	if n := count(t, f, "SELECT count(*) FROM imports"); n != 0 {
		t.Errorf("%d imports", n)
	}
	if len(old.Tickets) == 0 {
		t.Fatal("the fixture has no tickets")
	}
	changed := old.Tickets[0]
	changed.Status = "geändert"
	imp, err := f.UpsertTickets([]domain.Ticket{changed}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := loadAfter(t, f, f.UndoImport(imp.ID)); sprint(p.Tickets) != sprint(old.Tickets) {
		t.Errorf("undo on the migrated file:\n%s\nwant\n%s", sprint(p.Tickets), sprint(old.Tickets))
	}
}

// Speichern unter continues the session on the copy: an import made before can still be undone
// there and gives the tickets it updated their old values back (the copy keeps what the import
// replaced; opened afresh, a file drops it).
func TestUndoAfterSaveAsRestoresWhatTheImportReplaced(t *testing.T) {
	f := monitoringFile(t)
	d := importDay
	first := hourlyTickets(4) // A-1 … A-4
	if _, err := f.UpsertTickets(first, nil, nil); err != nil {
		t.Fatal(err)
	}
	before := mustLoad(t, f).Tickets
	// A-1 … A-3 updated, B-1 new: 5 tickets.
	next := []domain.Ticket{tk("A-1", d, "P1"), tk("A-2", d, "P1"), tk("A-3", d, "P1"), tk("B-1", d, "P2")}
	imp, err := f.UpsertTickets(next, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	nf, err := f.SaveAs(filepath.Join(t.TempDir(), "Kopie.lotse"))
	if err != nil {
		t.Fatal(err)
	}
	defer nf.Close()
	if got := loadAfter(t, nf, nf.UndoImport(imp.ID)).Tickets; !reflect.DeepEqual(got, before) {
		t.Fatalf("undo on the copy gave %d tickets\n%+v\nwant the 4 before the import\n%+v", len(got), got, before)
	}
}

// A read of a file that was closed meanwhile (a page of tickets still loading when the project
// is closed or saved under another name) gets ErrClosed, not a crash.
func TestReadsOfAClosedFileSayItIsClosed(t *testing.T) {
	f := monitoringFile(t)
	if _, err := f.UpsertTickets([]domain.Ticket{tk("A-1", time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC), "P3")}, nil, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := f.TicketPage(TicketQuery{}, 0, 10); !errors.Is(err, ErrClosed) {
		t.Errorf("TicketPage after Close: %v, want ErrClosed", err)
	}
	if _, err := f.TicketHorizon(); !errors.Is(err, ErrClosed) {
		t.Errorf("TicketHorizon after Close: %v, want ErrClosed", err)
	}
	if err := f.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}
