package persistence

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
)

// A version-2 file is kept as NAME.lotse.bak-v2, byte for byte, before migration 3 runs; the
// milestones named like the plan template's "contract signed" and "kickoff" mirror their facts.
func TestMigration3KeepsBackupAndLinksTemplateMilestones(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join(versionsDir, "v2", "full.lotse"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "Alt.lotse")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	// Rename the fixture's milestones to the template's German and English names (plain SQL on
	// the version-2 file, as an older release would have written them).
	db, err := sql.Open("sqlite", fileURI(path, modeRW, nil))
	if err != nil {
		t.Fatal(err)
	}
	for id, name := range map[int]string{1: "Vertrag unterzeichnet", 2: "Kickoff meeting"} {
		if _, err := db.Exec("UPDATE milestones SET name = ? WHERE id = ?", name, id); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	p := openAndLoad(t, path)
	bak, err := os.ReadFile(BackupPath(path, 2))
	if err != nil || !bytes.Equal(bak, before) {
		t.Fatalf("backup missing or different (err %v, %d vs %d bytes)", err, len(bak), len(before))
	}
	facts := map[int64]string{}
	for _, m := range p.Milestones {
		facts[m.ID] = m.Fact
	}
	if facts[1] != domain.FactContractSigned || facts[2] != domain.FactKickoffHeld {
		t.Errorf("facts after migration: %v", facts)
	}
	if p.Meta.DataAsOf != nil {
		t.Errorf("an old file has no Stand der Daten: %v", p.Meta.DataAsOf)
	}
	// Opening again neither migrates nor touches the backup.
	openAndLoad(t, path)
	if bak2, _ := os.ReadFile(BackupPath(path, 2)); !bytes.Equal(bak2, before) {
		t.Error("backup changed on the second open")
	}
}

// The names migration 3 recognises are the template's names in the translation files.
func TestMigration3NamesAreTheTemplateNames(t *testing.T) {
	keys := map[string]string{domain.FactContractSigned: "tpl.milestone.contract", domain.FactKickoffHeld: "tpl.milestone.kickoff"}
	for i, language := range []string{"de", "en"} {
		b, err := assets.TranslationsFS().ReadFile("translations/structure." + language + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]string
		if err := json.Unmarshal(b, &tr); err != nil {
			t.Fatal(err)
		}
		for fact, key := range keys {
			if got := templateMilestoneNames[fact][i]; got != tr[key] {
				t.Errorf("%s %s: migration knows %q, translation says %q", language, fact, got, tr[key])
			}
		}
	}
}
