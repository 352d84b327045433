package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
)

// anyNow is a clock reading for tests whose day does not matter: the sample is judged on its own
// Stand der Daten.
var anyNow = time.Date(2026, 11, 2, 10, 30, 0, 0, time.UTC)

// The committed document is exactly what the builder gives, and it is what the program embeds.
func TestJSONUpToDate(t *testing.T) {
	built, err := JSON(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := os.ReadFile(filepath.Join("..", "..", "assets", "sample", "musterstadt.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, built) {
		t.Fatal("assets/sample/musterstadt.json is out of date; run: make sample (or go generate ./internal/sample)")
	}
	if !bytes.Equal(assets.SampleJSON, onDisk) {
		t.Fatal("the embedded sample differs from the file on disk")
	}
	p, err := Project()
	if err != nil {
		t.Fatalf("the sample does not parse: %v", err)
	}
	if p.Meta.Name != "Musterstadt" || p.Meta.Schultraeger != "Stadt Musterstadt" || p.Meta.Bundesland != "NI" {
		t.Errorf("meta = %+v", p.Meta)
	}
	if p.Settings.PriorityMode != domain.PriorityMustNice {
		t.Errorf("priority mode = %q, want must-nice", p.Settings.PriorityMode)
	}
}
