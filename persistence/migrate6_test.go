package persistence

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"schulit-lotse/domain"
)

// A version-4 file whose saved ticket mapping says "no first-response column" (the one flag
// per project up to version 5) gives the flag to each of its tickets on migration 6 (after 5);
// a file without that flag leaves every ticket measured.
func TestMigration6MovesTheResponseFlagOntoTheTickets(t *testing.T) {
	for _, flagged := range []bool{true, false} {
		path, _ := placeCopy(t, filepath.Join(versionsDir, "v4", "full.lotse"))
		db, err := sql.Open("sqlite", fileURI(path, modeRW, nil))
		if err != nil {
			t.Fatal(err)
		}
		m := domain.TicketMapping{Format: "glpi", ResponseNotMeasured: flagged}
		if _, err := db.Exec("INSERT OR REPLACE INTO project_config (key, value) VALUES (?, ?)", domain.ConfigTicketMapping, domain.ConfigJSON(m)); err != nil {
			t.Fatal(err)
		}
		db.Close()
		p := openAndLoad(t, path)
		if len(p.Tickets) != 2 {
			t.Fatalf("%d tickets", len(p.Tickets))
		}
		for _, tk := range p.Tickets {
			if tk.ResponseNotMeasured != flagged {
				t.Errorf("flag %v: ticket %s not measured = %v", flagged, tk.ExternalID, tk.ResponseNotMeasured)
			}
		}
		if _, err := os.Stat(BackupPath(path, 4)); err != nil {
			t.Errorf("no backup of the version-4 file: %v", err)
		}
	}
}

// A JSON document of version 4 (or 5) with the project's flag gives it to every ticket, as the
// migration does; one of version 6 keeps each ticket's own flag.
func TestJSONOlderResponseFlag(t *testing.T) {
	doc := editDoc(t, func(d, p map[string]any) {
		d["version"] = 4
		for i := range p["tickets"].([]any) {
			delete(item(p, "tickets", i), "responseNotMeasured")
		}
		p["config"].(map[string]any)[domain.ConfigTicketMapping] = `{"responseNotMeasured":true}`
	})
	p, err := ParseJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Tickets[0].ResponseNotMeasured || !p.Tickets[1].ResponseNotMeasured {
		t.Errorf("version 4: %+v", p.Tickets)
	}
	p, err = ParseJSON(exportJSON(t, fullProject()))
	if err != nil {
		t.Fatal(err)
	}
	if p.Tickets[0].ResponseNotMeasured || !p.Tickets[1].ResponseNotMeasured {
		t.Errorf("version 6: %+v", p.Tickets)
	}
}
