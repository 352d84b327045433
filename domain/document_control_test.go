package domain

import (
	"strings"
	"testing"
)

func TestDocumentControlDefaultsAndRoundTrip(t *testing.T) {
	p := &Project{}
	if got := p.DocumentControlConfig(); got.Version != DefaultDocumentVersion || got.Status != DocumentDraft {
		t.Errorf("nothing stored: %+v, want version %q, draft", got, DefaultDocumentVersion)
	}
	on := NewDate(2027, 2, 1)
	want := DocumentControl{Version: "2.0", Status: DocumentFinal, Author: "A. Beispiel", ApprovedOn: &on, Proposal: "Zustimmung"}
	p.Config = map[string]string{ConfigDocumentControl: ConfigJSON(want)}
	got := p.DocumentControlConfig()
	if got.Version != "2.0" || got.Status != DocumentFinal || got.Author != "A. Beispiel" || got.Proposal != "Zustimmung" ||
		got.ApprovedOn == nil || !got.ApprovedOn.Equal(on.Time) {
		t.Errorf("read back %+v, want %+v", got, want)
	}
	// An unknown status read from a file is shown as a draft, not as a raw code.
	p.Config[ConfigDocumentControl] = `{"status":"secret"}`
	if got := p.DocumentControlConfig(); got.Status != DocumentDraft {
		t.Errorf("unknown status read as %q", got.Status)
	}
}

func TestDocumentControlValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		d    DocumentControl
		want error
	}{
		{"empty", DocumentControl{}, nil},
		{"decision", DocumentControl{Status: DocumentForDecision}, nil},
		{"unknown status", DocumentControl{Status: "secret"}, ErrDocumentStatus},
		{"long author", DocumentControl{Author: strings.Repeat("x", DocumentMaxText+1)}, ErrDocumentLength},
		{"author at the limit", DocumentControl{Author: strings.Repeat("ä", DocumentMaxText)}, nil},
		{"long proposal", DocumentControl{Proposal: strings.Repeat("x", DocumentMaxProposal+1)}, ErrDocumentLength},
	} {
		if got := c.d.Validate(); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
