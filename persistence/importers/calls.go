package importers

import (
	"strings"
	"time"

	"schulit-lotse/domain"
)

// Fields of a call list.
const (
	CallAt        = "at"
	CallDate      = "date"
	CallTime      = "time"
	CallAnswered  = "answered"
	CallWait      = "wait"
	CallTalk      = "talk"
	CallDirection = "direction"
)

// CallFields are the call fields in the order the mapping dialog shows them.
var CallFields = []string{CallAt, CallDate, CallTime, CallAnswered, CallWait, CallTalk, CallDirection}

var callAliases = map[string][]string{
	CallAt: {"zeitpunkt", "zeitstempel", "timestamp", "datum/uhrzeit", "datum uhrzeit", "datum und uhrzeit", "call time", "anrufzeit",
		"beginn", "startzeit", "start", "start time", "date/time", "datetime", "eingang"},
	CallDate:      {"datum", "date", "tag"},
	CallTime:      {"uhrzeit", "time", "zeit"},
	CallAnswered:  {"angenommen", "beantwortet", "answered", "status", "ergebnis", "result", "disposition", "anrufstatus"},
	CallWait:      {"wartezeit", "wartezeit (s)", "wartezeit in sekunden", "wait", "wait time", "waiting time", "wait (s)", "klingeldauer", "ringing", "ring time", "ringing time"},
	CallTalk:      {"gesprächsdauer", "gesprächszeit", "gesprächsdauer (s)", "sprechzeit", "talk", "talk time", "talking", "duration", "dauer", "talk (s)"},
	CallDirection: {"richtung", "direction", "anrufrichtung", "typ", "type"},
}

// CallOptions choose how a call list is read.
type CallOptions struct {
	Columns  map[string]string // user-made mapping (field → header, or column number for a headerless file)
	Location *time.Location
	// Format is auto, generic or asterisk (Master.csv without a header row).
	Format string
}

// CallFile is a call list read and checked. Re-importing replaces the calls between First and
// Last: a phone system's list has no ids, so the span it covers is what it updates.
type CallFile struct {
	Table       *Table
	HeaderRow   int
	Headers     []string
	Columns     map[string]int
	Calls       []domain.Call
	First, Last time.Time
	// Outbound counts calls made by the hotline itself; they are left out.
	Outbound int
	// Headerless: the file has no header row (Asterisk's records, or columns mapped by number).
	Headerless bool
	// Asterisk: the file is Asterisk's Master.csv, read in its documented order.
	Asterisk bool
}

// Unused are the headers of the columns the import does not read, in file order; none for
// Asterisk's records, whose order is fixed.
func (f *CallFile) Unused() []string {
	if f.Asterisk {
		return nil
	}
	return unusedHeaders(f.Headers, f.Columns)
}

var (
	yesWords = []string{"ja", "yes", "y", "j", "1", "true", "wahr", "x", "angenommen", "beantwortet", "answered", "connected", "verbunden",
		"completed", "erfolgreich", "angenommen (intern)", "zugestellt"}
	noWords = []string{"nein", "no", "n", "0", "false", "falsch", "verpasst", "missed", "nicht angenommen", "unanswered", "not answered",
		"abandoned", "aufgelegt", "abgebrochen", "no answer", "busy", "besetzt", "failed", "congestion", "nicht beantwortet", "verloren", "lost"}
	outWords = []string{"ausgehend", "abgehend", "outbound", "outgoing", "out", "raus"}
)

func wordIn(v string, list []string) bool {
	for _, w := range list {
		if v == w {
			return true
		}
	}
	return false
}

// ReadCalls reads a call list: a time stamp (or a date and a time column), whether the call was
// answered, the wait and the talk time. Outbound calls are skipped.
func ReadCalls(t *Table, opt CallOptions) (*CallFile, error) {
	loc := opt.Location
	if loc == nil {
		loc = domain.Berlin
	}
	f := &CallFile{Table: t}
	cols := opt.Columns
	if err := f.findHeader(cols); err != nil {
		// Without a header row: Asterisk's documented order, or the user's column numbers.
		asterisk := opt.Format == FormatAsterisk || (len(cols) == 0 && looksLikeAsterisk(t))
		switch {
		case asterisk:
			t, cols = asteriskTable(t), asteriskMapping
		case byNumber(cols):
			t = numberedTable(t)
		default:
			return nil, err
		}
		f = &CallFile{Table: t, Headerless: true, Asterisk: asterisk}
		if err := f.findHeader(cols); err != nil {
			return nil, err
		}
	}
	_, hasAt := f.Columns[CallAt]
	_, hasDate := f.Columns[CallDate]
	_, hasAnswered := f.Columns[CallAnswered]
	_, hasTalk := f.Columns[CallTalk]
	switch {
	case !hasAt && !hasDate:
		return nil, &Error{File: t.File, Line: t.Lines[f.HeaderRow], Key: ErrMissingColumn, Value: CallAt}
	case !hasAnswered && !hasTalk:
		return nil, &Error{File: t.File, Line: t.Lines[f.HeaderRow], Key: ErrMissingColumn, Value: CallAnswered}
	}
	p := &timeParser{loc: loc, xlsx: t.Kind == KindXLSX, date1904: t.Date1904}
	for i := f.HeaderRow + 1; i < len(t.Rows); i++ {
		if emptyRow(t.Rows[i]) {
			continue
		}
		if dir, c := f.cell(i, CallDirection); c >= 0 && wordIn(domain.NormalizeSourceValue(dir), outWords) {
			f.Outbound++
			continue
		}
		at, err := f.at(p, i, loc)
		if err != nil {
			return nil, err
		}
		call := domain.Call{At: at}
		var ok bool
		if v, c := f.cell(i, CallWait); c >= 0 {
			if call.WaitSeconds, ok = parseSeconds(v); !ok {
				return nil, t.cellErr(i, c, f.header(c), ErrNumber, v)
			}
		}
		if v, c := f.cell(i, CallTalk); c >= 0 {
			if call.TalkSeconds, ok = parseSeconds(v); !ok {
				return nil, t.cellErr(i, c, f.header(c), ErrNumber, v)
			}
		}
		if v, c := f.cell(i, CallAnswered); c >= 0 {
			n := domain.NormalizeSourceValue(v)
			switch {
			case wordIn(n, yesWords):
				call.Answered = true
			case n == "" || wordIn(n, noWords):
			default:
				return nil, t.cellErr(i, c, f.header(c), ErrAnswered, v)
			}
		} else {
			call.Answered = call.TalkSeconds > 0
		}
		if len(f.Calls) == 0 || at.Before(f.First) {
			f.First = at
		}
		if at.After(f.Last) {
			f.Last = at
		}
		f.Calls = append(f.Calls, call)
	}
	if len(f.Calls) == 0 {
		return nil, &Error{File: t.File, Line: t.Lines[f.HeaderRow], Key: ErrNoRows}
	}
	return f, nil
}

func (f *CallFile) findHeader(cols map[string]string) error {
	t := f.Table
	for i := 0; i < min(len(t.Rows), headerScan); i++ {
		found := format{aliases: callAliases}.columnsOf(t.Rows[i])
		if _, ok := found[CallAt]; ok {
			delete(found, CallDate) // a time stamp makes a separate date column unneeded
			delete(found, CallTime)
		}
		found, ok := overlay(t.Rows[i], found, cols)
		if !ok {
			continue
		}
		// The user's time stamp replaces a detected date and time, and the user's date a
		// detected time stamp.
		if userChose(cols, CallAt) && !userChose(cols, CallDate) {
			delete(found, CallDate)
			delete(found, CallTime)
		}
		if userChose(cols, CallDate) && !userChose(cols, CallAt) {
			delete(found, CallAt)
		}
		_, at := found[CallAt]
		_, date := found[CallDate]
		_, ans := found[CallAnswered]
		_, talk := found[CallTalk]
		if (at || date) && (ans || talk) {
			f.HeaderRow, f.Headers, f.Columns = i, t.Rows[i], found
			return nil
		}
	}
	if len(overrideColumns(cols)) > 0 {
		return &Error{File: t.File, Key: ErrUnknownColumn, Value: shorten(strings.Join(sortedValues(overrideColumns(cols)), ", "))}
	}
	return &Error{File: t.File, Key: ErrNoHeader, Value: "calls"}
}

// overlay puts the user's choices (field → header, column number from 1, or "-" for none)
// over the columns detected in a header row. ok is false when a chosen column is not in the
// row, or when nothing in the row is a heading (neither detected nor named by the user): a
// mapping only by numbers does not make a data row a header.
func overlay(row []string, detected map[string]int, user map[string]string) (map[string]int, bool) {
	out := map[string]int{}
	for k, v := range detected {
		out[k] = v
	}
	named := len(detected) > 0
	fields := make([]string, 0, len(user))
	for k := range user {
		fields = append(fields, k)
	}
	sortStrings(fields)
	for _, field := range fields {
		v := strings.TrimSpace(user[field])
		if v == "" {
			continue
		}
		if v == Unmapped {
			delete(out, field)
			continue
		}
		c, ok := headingIndex(row, v)
		named = named || ok
		if !ok {
			if c, ok = columnIndex(row, v); !ok {
				return nil, false
			}
		}
		for other, oc := range out {
			if oc == c {
				delete(out, other)
			}
		}
		out[field] = c
	}
	return out, named && len(out) > 0
}

// headingIndex finds a column by its heading, or by the code of a "code. text" heading
// (LimeSurvey: "ORT" for "ORT. An welcher Schule …").
func headingIndex(row []string, v string) (int, bool) {
	want := normHeader(v)
	if want == "" {
		return 0, false
	}
	for _, key := range []func(string) string{normHeader, limeKey} {
		for i, h := range row {
			if key(h) == want {
				return i, true
			}
		}
	}
	return 0, false
}

// userChose reports whether the user chose a column for field.
func userChose(user map[string]string, field string) bool {
	v := strings.TrimSpace(user[field])
	return v != "" && v != Unmapped
}

func (f *CallFile) cell(i int, field string) (string, int) {
	c, ok := f.Columns[field]
	if !ok {
		return "", -1
	}
	if row := f.Table.Rows[i]; c < len(row) {
		return row[c], c
	}
	return "", c
}

func (f *CallFile) header(c int) string {
	if c >= 0 && c < len(f.Headers) {
		return strings.TrimSpace(strings.TrimPrefix(f.Headers[c], "\ufeff"))
	}
	return ""
}

// at reads the time stamp of row i, from one column or from a date and a time column.
func (f *CallFile) at(p *timeParser, i int, loc *time.Location) (time.Time, error) {
	t := f.Table
	v, c := f.cell(i, CallAt)
	if c < 0 {
		d, dc := f.cell(i, CallDate)
		tm, tc := f.cell(i, CallTime)
		v, c = strings.TrimSpace(d), dc
		if tc >= 0 && strings.TrimSpace(tm) != "" {
			if p.xlsx { // a date cell and a time cell: two serial numbers to add
				if at, ok := p.serialSum(d, tm); ok {
					return at, nil
				}
			}
			v += " " + strings.TrimSpace(tm)
		}
	}
	at, ok := p.parse(v)
	if !ok {
		return time.Time{}, t.cellErr(i, max(c, 0), f.header(c), ErrDate, strings.TrimSpace(v))
	}
	if y := at.In(loc).Year(); y < minYear || y > maxYear {
		return time.Time{}, t.cellErr(i, c, f.header(c), ErrYear, v)
	}
	return at, nil
}

func sortedValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sortStrings(out)
	return out
}
