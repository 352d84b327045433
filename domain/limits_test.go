package domain

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestTooLongAndCut(t *testing.T) {
	// "äöü" is 3 characters in 6 bytes: over 2, not over 3.
	if !TooLong("äöü", 2) || TooLong("äöü", 3) {
		t.Error("TooLong counts bytes instead of characters")
	}
	// 6 characters cut to 4: three kept and the ellipsis.
	if got := CutForDisplay("abcdef", 4); got != "abc…" {
		t.Errorf("cut %q", got)
	}
	if got := CutForDisplay("abcd", 4); got != "abcd" {
		t.Errorf("a text within the limit changed: %q", got)
	}
}

func TestTaskTextLimits(t *testing.T) {
	ok := Task{Name: strings.Repeat("n", MaxNameChars), Note: strings.Repeat("ü", MaxNoteChars)}
	if err := ok.Validate(); err != nil {
		t.Fatalf("texts at the limits refused: %v", err)
	}
	for _, bad := range []Task{
		{Name: strings.Repeat("n", MaxNameChars+1)},
		{Name: "x", Responsible: strings.Repeat("r", MaxNameChars+1)},
		{Name: "x", Note: strings.Repeat("ü", MaxNoteChars+1)},
	} {
		if err := bad.Validate(); err != ErrTextTooLong {
			t.Errorf("%d/%d characters: got %v, want %v", utf8.RuneCountInString(bad.Name+bad.Responsible), utf8.RuneCountInString(bad.Note), err, ErrTextTooLong)
		}
	}
	if err := (Meeting{Name: "Jour fixe", Agenda: strings.Repeat("a", MaxNoteChars+1)}).Validate(); err != ErrTextTooLong {
		t.Errorf("meeting agenda: %v", err)
	}
	if err := ValidateMeasure(Measure{Text: "x", Owners: []Attendee{{Guest: strings.Repeat("o", MaxNameChars+1)}}}); err != ErrTextTooLong {
		t.Errorf("measure owner: %v", err)
	}
}

// A file with an over-long name opens: the name is held shortened, the finding stays on
// step 1, and the task can be saved again.
func TestCutLongTextsKeepsAFinding(t *testing.T) {
	p := NewProject("P", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	long := strings.Repeat("A", 5<<20) // 5 MB, as in the issue
	p.Tasks = []Task{{ID: 1, Name: long}, {ID: 2, Name: "kurz"}}
	if ref, ok := FirstLongText(p); !ok || ref.ID != 1 {
		t.Fatalf("first long text: %+v %v", ref, ok)
	}
	if n := p.CutLongTexts(); n != 1 {
		t.Fatalf("%d objects cut, want 1", n)
	}
	name := p.Tasks[0].Name
	if utf8.RuneCountInString(name) != MaxNameChars || !strings.HasSuffix(name, "…") || p.Tasks[1].Name != "kurz" {
		t.Fatalf("cut name of %d characters", utf8.RuneCountInString(name))
	}
	if err := p.Tasks[0].Validate(); err != nil {
		t.Fatalf("the shortened task cannot be saved: %v", err)
	}
	var found []Finding
	for _, s := range Summarize(p, NewDate(2027, 1, 1)) {
		for _, f := range s.Findings {
			if f.Code == FindTextTooLong {
				found = append(found, f)
			}
		}
	}
	if len(found) != 1 || found[0].Step != StepInventory || found[0].EntityID != 1 || utf8.RuneCountInString(found[0].Subject) != 60 {
		t.Fatalf("findings %+v", found)
	}
}
