package inventory

import (
	"testing"
)

// Tab leaves every field, also a several-line note: the keyboard never gets stuck in one.
func TestTabLeavesNotes(t *testing.T) {
	fx := newFixture(t, 1)
	note := fx.ed.form.note
	if !note.MultiLine {
		t.Fatal("the task note is a single line")
	}
	if note.AcceptsTab() {
		t.Error("the task note keeps Tab for itself; Tab must move to the next field")
	}
}
