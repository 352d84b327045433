package domain

import "unicode/utf8"

// Limits by design: every text a project holds and every file the program reads has a bound,
// so that a wrong or hostile input is refused with a message instead of taking the machine
// down. docs/limits.md lists them with their reasons; this file is the one place they are set.
const (
	// MaxNameChars bounds one-line texts: names of tasks, packages, schools, people, roles,
	// titles and labels.
	MaxNameChars = 300
	// MaxNoteChars bounds free texts: notes, descriptions, proposals, minutes.
	MaxNoteChars = 20_000
	// MaxDisplayChars is where a text longer than its limit (from a file written before the
	// limits or by another program) is cut for display and reports, with "…".
	MaxDisplayChars = MaxNoteChars

	// MaxImportFileBytes is the largest table (CSV/XLSX) or JSON file read at all; a larger
	// one is refused before a byte is read.
	MaxImportFileBytes = 256 << 20
	// MaxImportXLSXBytes is the largest workbook (compressed) read.
	MaxImportXLSXBytes = 64 << 20
	// MaxImportUnzippedBytes bounds a workbook's parts unpacked, as the archive declares
	// them (the reading stops at the declared size): a zip bomb is refused before unpacking.
	MaxImportUnzippedBytes = 256 << 20
	// MaxImportSharedStrings bounds a workbook's shared-strings part unpacked (it is held in
	// memory whole).
	MaxImportSharedStrings = 32 << 20
	// MaxImportRows is the most rows a table may have.
	MaxImportRows = 3_000_000
	// MaxImportColumns is the most columns read; further columns are ignored.
	MaxImportColumns = 2000
	// MaxImportRecordBytes is the longest CSV record (a line, or several lines inside quotes);
	// it is refused while reading, before the parser holds it.
	MaxImportRecordBytes = 1 << 20
	// MaxImportCellChars is the longest cell kept (Excel's own limit); longer cells are cut.
	MaxImportCellChars = 32_767
	// MaxImportTableBytes bounds the estimated memory of the rows kept while reading a
	// table; a larger table is refused (split the export by period).
	MaxImportTableBytes = 192 << 20

	// MaxCalendarBytes is the largest holiday calendar (ICS) read; it is read whole.
	MaxCalendarBytes = 4 << 20
	// MaxCalendarEvents is the most events (after expanding repetitions) a calendar may give.
	MaxCalendarEvents = 5000
)

// TooLong reports whether s has more than max characters (bytes are counted first, so a
// short text costs nothing).
func TooLong(s string, max int) bool {
	return len(s) > max && utf8.RuneCountInString(s) > max
}

// CutForDisplay shortens s to max characters and an ellipsis when it is longer; a text within
// the limit comes back as it is.
func CutForDisplay(s string, max int) string {
	if !TooLong(s, max) {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// ErrTextTooLong is a name longer than MaxNameChars or a free text longer than MaxNoteChars.
const ErrTextTooLong Error = "err.text.too_long"

// FindTextTooLong names an object with a text over its limit (a file written before the limits
// or by another program): it opens, the text is cut for display and reports, and the finding
// asks to shorten it.
const FindTextTooLong = "find.text.too_long"

// texts are an object's one-line texts and free texts, the fields the limits apply to.
type texts struct{ names, notes []*string }

func (t texts) check() error {
	for _, s := range t.names {
		if TooLong(*s, MaxNameChars) {
			return ErrTextTooLong
		}
	}
	for _, s := range t.notes {
		if TooLong(*s, MaxNoteChars) {
			return ErrTextTooLong
		}
	}
	return nil
}

// cut shortens every text over its limit to the limit (ending in "…").
func (t texts) cut() {
	for _, s := range t.names {
		*s = CutForDisplay(*s, MaxNameChars)
	}
	for _, s := range t.notes {
		*s = CutForDisplay(*s, MaxNoteChars)
	}
}

func (t *Task) texts() texts {
	return texts{names: []*string{&t.Name, &t.Responsible, &t.NewResponsible}, notes: []*string{&t.Note}}
}

func (pk *Package) texts() texts {
	return texts{names: []*string{&pk.Name}, notes: []*string{&pk.TargetState, &pk.Criteria}}
}

func (m *Milestone) texts() texts {
	return texts{names: []*string{&m.Name, &m.Owner}, notes: []*string{&m.Note}}
}

func (k *Kickoff) texts() texts {
	t := texts{names: []*string{&k.Place}, notes: []*string{&k.Agenda, &k.Notes, &k.NextSteps}}
	for i := range k.Participants {
		p := &k.Participants[i]
		t.names = append(t.names, &p.Name, &p.Organisation, &p.Role)
	}
	return t
}

func (r *Role) texts() texts {
	return texts{names: []*string{&r.Name, &r.Persons, &r.Deputy, &r.Contact}}
}

func (a *RaciActivity) texts() texts { return texts{names: []*string{&a.Process, &a.Name}} }

func (c *CommunicationRow) texts() texts {
	return texts{names: []*string{&c.Occasion, &c.Channel, &c.Hours}}
}

func (e *EscalationLevel) texts() texts { return texts{notes: []*string{&e.Trigger}} }

func (m *Meeting) texts() texts {
	return texts{names: append([]*string{&m.Name}, attendeeTexts(m.Participants)...), notes: []*string{&m.Agenda}}
}

func (j *JourFixe) texts() texts {
	return texts{names: attendeeTexts(j.Participants), notes: []*string{&j.Notes}}
}

func (m *Measure) texts() texts {
	return texts{names: attendeeTexts(m.Owners), notes: []*string{&m.Text}}
}

// attendeeTexts are the guests' names and the notes of a list of attendees.
func attendeeTexts(as []Attendee) []*string {
	var out []*string
	for i := range as {
		out = append(out, &as[i].Guest, &as[i].Note)
	}
	return out
}

func (x *Person) texts() texts {
	return texts{names: []*string{&x.Name, &x.Organisation, &x.Contact}}
}

func (m *Meta) texts() texts { return texts{names: []*string{&m.Name, &m.Schultraeger}} }

// eachText calls fn with every object of the project that has texts, the step that edits it
// and how the finding names it.
func (p *Project) eachText(fn func(step StepID, ref Ref, t texts)) {
	fn(StepInventory, Ref{Kind: "project", Name: p.Meta.Name}, p.Meta.texts())
	eachTextOf(p.Tasks, StepInventory, "task", func(t *Task) (int64, string) { return t.ID, t.Name }, fn)
	eachTextOf(p.Packages, StepRequirements, "package", func(pk *Package) (int64, string) { return pk.ID, pk.Name }, fn)
	fn(StepKickoff, Ref{Kind: "kickoff", Name: "Kick-off"}, p.Kickoff.texts())
	eachTextOf(p.Milestones, StepKickoff, "milestone", func(m *Milestone) (int64, string) { return m.ID, m.Name }, fn)
	eachTextOf(p.Roles, StepStructure, "role", func(r *Role) (int64, string) { return r.ID, r.Name }, fn)
	eachTextOf(p.Persons, StepStructure, "person", func(x *Person) (int64, string) { return x.ID, x.Name }, fn)
	eachTextOf(p.RaciActivities, StepStructure, "activity", func(a *RaciActivity) (int64, string) { return a.ID, a.Name }, fn)
	eachTextOf(p.CommunicationRows, StepStructure, "communication", func(c *CommunicationRow) (int64, string) { return c.ID, c.Occasion }, fn)
	eachTextOf(p.EscalationLevels, StepStructure, "escalation", func(e *EscalationLevel) (int64, string) { return e.ID, e.Trigger }, fn)
	eachTextOf(p.Meetings, StepStructure, "meeting", func(m *Meeting) (int64, string) { return m.ID, m.Name }, fn)
	eachTextOf(p.JourFixes, StepMonitoring, "jourfixe", func(j *JourFixe) (int64, string) { return j.ID, j.Date.String() }, fn)
	eachTextOf(p.Measures, StepMonitoring, "measure", func(m *Measure) (int64, string) { return m.ID, m.Text }, fn)
}

// eachTextOf calls fn with every item of one list: its step, a reference of the given kind
// with the item's id and name (from ref), and its texts.
func eachTextOf[T any, P interface {
	*T
	texts() texts
}](items []T, step StepID, kind string, ref func(P) (int64, string), fn func(StepID, Ref, texts)) {
	for i := range items {
		x := P(&items[i])
		id, name := ref(x)
		fn(step, Ref{Kind: kind, ID: id, Name: name}, x.texts())
	}
}

// textFinding is the finding about an object whose texts pass their limits.
func textFinding(step StepID, ref Ref) Finding {
	ref.Name = CutForDisplay(ref.Name, 60)
	return Finding{Step: step, Severity: SeverityWarning, Code: FindTextTooLong, EntityID: ref.ID, Subject: ref.Name, Objects: []Ref{ref}}
}

// TextFindings names every object whose texts pass their limits, under the step that edits
// it, and the ones CutLongTexts shortened.
func TextFindings(p *Project) []Finding {
	out := append([]Finding(nil), p.ShortenedTexts...)
	p.eachText(func(step StepID, ref Ref, t texts) {
		if t.check() != nil {
			out = append(out, textFinding(step, ref))
		}
	})
	return out
}

// CutLongTexts shortens, in memory, every text over its limit (a file written before the
// limits or by another program) and keeps a finding for each object in ShortenedTexts: the
// program shows and edits the shortened text, so a 5 MB name costs no more than a short one;
// the file keeps the long text until the object is saved. It returns how many objects it cut.
func (p *Project) CutLongTexts() int {
	n := 0
	p.eachText(func(step StepID, ref Ref, t texts) {
		if t.check() != nil {
			p.ShortenedTexts = append(p.ShortenedTexts, textFinding(step, ref))
			t.cut()
			n++
		}
	})
	return n
}

// FirstLongText is the first object whose texts pass their limits, for a refusal message.
func FirstLongText(p *Project) (Ref, bool) {
	var first *Ref
	p.eachText(func(_ StepID, ref Ref, t texts) {
		if first == nil && t.check() != nil {
			first = &ref
		}
	})
	if first == nil {
		return Ref{}, false
	}
	return *first, true
}

// WithShortTexts is p itself when no text passes its limit, else a deep copy whose over-long
// texts are cut (CutLongTexts) – for readers such as the reports, which must not change p.
func (p *Project) WithShortTexts() *Project {
	if p == nil {
		return nil
	}
	if _, ok := FirstLongText(p); !ok {
		return p
	}
	c := p.Clone()
	c.CutLongTexts()
	return c
}
