// Package ics reads school holidays (Ferien) from iCalendar files as holiday services and
// ministries publish them, one file per Bundesland. It returns domain values and never writes.
//
// All-day events are the hard part: RFC 5545 makes DTEND the day after the last day, but many
// published files write the last holiday day itself. Parse reports what it read, which reading
// the file's pattern supports and why, and Holidays converts under either reading, so the user
// can see and switch it.
package ics

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"schulit-lotse/domain"
)

// Interpretation of an all-day DTEND.
type Interpretation string

const (
	// Exclusive is RFC 5545: DTEND is the first day after the holidays.
	Exclusive Interpretation = "exclusive"
	// Inclusive: DTEND is the last holiday day.
	Inclusive Interpretation = "inclusive"
)

// Limits that keep a hostile or mistaken file from taking the app down.
const (
	MaxBytes   = domain.MaxCalendarBytes
	MaxEvents  = domain.MaxCalendarEvents
	maxDays    = 366 // a Ferien period longer than a year is a mistake
	minYear    = 1900
	maxYear    = 2200
	maxNesting = 8
)

// ParseError names the line of the file that could not be read. Key is a translation key whose
// sentence takes {{.Line}} and {{.Detail}}.
type ParseError struct {
	Line   int
	Key    string
	Detail string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: %s: %s", e.Line, e.Key, e.Detail)
}

// Keys of ParseError.
const (
	ErrTooLarge      = "ics.err.too_large"
	ErrEmpty         = "ics.err.empty"
	ErrNoCalendar    = "ics.err.no_calendar"
	ErrContinuation  = "ics.err.continuation"
	ErrNoColon       = "ics.err.no_colon"
	ErrBadName       = "ics.err.bad_name"
	ErrBadParam      = "ics.err.bad_param"
	ErrEndMismatch   = "ics.err.end_mismatch"
	ErrUnclosed      = "ics.err.unclosed"
	ErrOutside       = "ics.err.outside"
	ErrNesting       = "ics.err.nesting"
	ErrDate          = "ics.err.date"
	ErrNoStart       = "ics.err.no_start"
	ErrEndBefore     = "ics.err.end_before_start"
	ErrMixedTypes    = "ics.err.mixed_types"
	ErrDuration      = "ics.err.duration"
	ErrTooLong       = "ics.err.too_long"
	ErrTooManyEvents = "ics.err.too_many_events"
	ErrNoEvents      = "ics.err.no_events"
	ErrTimeZone      = "ics.err.time_zone"
)

// Event is one VEVENT as read.
type Event struct {
	Line    int    // line of BEGIN:VEVENT
	Summary string // unescaped
	Start   domain.Date
	// End is DTEND as written for all-day events; for timed events and DURATION it is the last
	// day already (no reading to choose).
	End domain.Date
	// Ambiguous marks an all-day event with DTEND: its last day depends on the reading.
	Ambiguous bool
}

// LastDay is the event's last holiday day under the reading.
func (e Event) LastDay(i Interpretation) domain.Date {
	if !e.Ambiguous {
		return e.End
	}
	if i == Inclusive || !e.End.After(e.Start.Time) {
		return e.End
	}
	return domain.AddDays(e.End, -1)
}

// Evidence counts the patterns that tell the readings apart. Published Ferien lists mostly end
// on a Saturday or a Friday and almost never on a Sunday; so a DTEND on a Sunday fits RFC 5545
// (last day Saturday), a DTEND on a Friday fits the inclusive reading (last day Friday rather
// than Thursday), and DTEND = DTSTART only makes sense when DTEND is the last day.
type Evidence struct {
	Ambiguous   int `json:"ambiguous"`   // all-day events with DTEND
	SameDay     int `json:"sameDay"`     // DTEND = DTSTART
	EndsSunday  int `json:"endsSunday"`  // DTEND on a Sunday
	EndsFriday  int `json:"endsFriday"`  // DTEND on a Friday
	EndsMonday  int `json:"endsMonday"`  // DTEND on a Monday
	EndsOther   int `json:"endsOther"`   // Saturday or Tuesday–Thursday: fits both
	Exclusive   int `json:"exclusive"`   // votes for RFC 5545
	Inclusive   int `json:"inclusive"`   // votes for the inclusive reading
	Unambiguous int `json:"unambiguous"` // timed, one-day or DURATION events
}

// Reasons for the detected reading (translation keys).
const (
	ReasonSameDay      = "ics.reason.same_day"
	ReasonPatternRFC   = "ics.reason.pattern_rfc"
	ReasonPatternIncl  = "ics.reason.pattern_inclusive"
	ReasonNoEvidence   = "ics.reason.no_evidence"
	ReasonNotAmbiguous = "ics.reason.not_ambiguous"
)

// Result is what a file holds.
type Result struct {
	Calendar string // X-WR-CALNAME, if any
	Events   []Event
	// Expanded counts the events that a recurrence rule made; Unsupported names the rules that
	// were not expanded (their first occurrence is kept).
	Expanded    int
	Unsupported []Unsupported
	Skipped     int // cancelled events
	Detected    Interpretation
	Reason      string
	Evidence    Evidence
}

// Holidays converts the events under the reading into Ferien periods, in date order and without
// duplicates. fallback names events without SUMMARY; source is stored with each period.
func (r *Result) Holidays(i Interpretation, fallback, source string) []domain.SchoolHoliday {
	var out []domain.SchoolHoliday
	for _, e := range r.Events {
		name := strings.TrimSpace(e.Summary)
		if name == "" {
			name = fallback
		}
		h := domain.SchoolHoliday{Name: name, First: e.Start, Last: e.LastDay(i), Source: source}
		if !slices.ContainsFunc(out, func(o domain.SchoolHoliday) bool { return domain.SameHoliday(o, h) }) {
			out = append(out, h)
		}
	}
	domain.SortHolidays(out)
	return out
}

// contentLine is one unfolded line.
type contentLine struct {
	num    int
	name   string // upper case
	params map[string]string
	value  string
}

// Parse reads an iCalendar file. Any line it cannot read fails the whole file with the line
// named, so nothing half-read is ever stored.
func Parse(data []byte) (*Result, error) { return ParseWith(data, Options{}) }

// ParseWith is Parse with options (how far endless recurrences run).
func ParseWith(data []byte, opt Options) (*Result, error) {
	if len(data) > MaxBytes {
		return nil, &ParseError{Line: 0, Key: ErrTooLarge, Detail: strconv.Itoa(MaxBytes >> 20)}
	}
	if n, first := firstLine(data); first == "" {
		return nil, &ParseError{Line: 1, Key: ErrEmpty}
	} else if !strings.EqualFold(strings.TrimSpace(first), "BEGIN:VCALENDAR") {
		return nil, &ParseError{Line: n, Key: ErrNoCalendar, Detail: excerpt(first)}
	}
	lines, err := unfold(data)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	type open struct {
		name string
		line int
	}
	var stack []open
	var ev *eventBuilder
	sawCalendar := false
	for _, l := range lines {
		switch l.name {
		case "BEGIN":
			comp := strings.ToUpper(strings.TrimSpace(l.value))
			if comp == "" {
				return nil, &ParseError{Line: l.num, Key: ErrBadName, Detail: "BEGIN:"}
			}
			if len(stack) == 0 && comp != "VCALENDAR" {
				return nil, &ParseError{Line: l.num, Key: ErrNoCalendar, Detail: "BEGIN:" + comp}
			}
			if len(stack) >= maxNesting {
				return nil, &ParseError{Line: l.num, Key: ErrNesting, Detail: "BEGIN:" + comp}
			}
			if comp == "VCALENDAR" {
				sawCalendar = true
			}
			if comp == "VEVENT" && len(stack) == 1 && stack[0].name == "VCALENDAR" {
				ev = &eventBuilder{line: l.num}
			}
			stack = append(stack, open{comp, l.num})
		case "END":
			comp := strings.ToUpper(strings.TrimSpace(l.value))
			if len(stack) == 0 {
				return nil, &ParseError{Line: l.num, Key: ErrOutside, Detail: "END:" + comp}
			}
			top := stack[len(stack)-1]
			if top.name != comp {
				return nil, &ParseError{Line: l.num, Key: ErrEndMismatch, Detail: "END:" + top.name}
			}
			stack = stack[:len(stack)-1]
			if comp == "VEVENT" && ev != nil && len(stack) == 1 {
				e, skip, err := ev.build()
				if err != nil {
					return nil, err
				}
				if skip {
					res.Skipped++
				} else {
					events := ev.expand(e, opt, res)
					if len(res.Events)+len(events) > MaxEvents {
						return nil, &ParseError{Line: l.num, Key: ErrTooManyEvents, Detail: strconv.Itoa(MaxEvents)}
					}
					res.Events = append(res.Events, events...)
				}
				ev = nil
			}
		default:
			if len(stack) == 0 {
				return nil, &ParseError{Line: l.num, Key: ErrOutside, Detail: l.name}
			}
			top := stack[len(stack)-1].name
			switch {
			case top == "VEVENT" && ev != nil:
				if err := ev.add(l); err != nil {
					return nil, err
				}
			case top == "VCALENDAR" && l.name == "X-WR-CALNAME":
				res.Calendar = unescapeText(l.value)
			}
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return nil, &ParseError{Line: top.line, Key: ErrUnclosed, Detail: "BEGIN:" + top.name}
	}
	if !sawCalendar {
		return nil, &ParseError{Line: 1, Key: ErrNoCalendar}
	}
	if len(res.Events) == 0 {
		return nil, &ParseError{Line: lines[len(lines)-1].num, Key: ErrNoEvents}
	}
	res.detect()
	return res, nil
}

// detect weighs the evidence. A DTEND equal to DTSTART decides at once; otherwise a Sunday
// DTEND counts two for RFC 5545, a Friday DTEND two and a Monday DTEND one for the inclusive
// reading (lists ending on a Sunday are rarer than those ending on a Monday). Without a clear
// majority the RFC rule stands, and the reason says that nothing decided it.
func (r *Result) detect() {
	ev := Evidence{}
	for _, e := range r.Events {
		if !e.Ambiguous {
			ev.Unambiguous++
			continue
		}
		ev.Ambiguous++
		if e.End.Equal(e.Start.Time) {
			ev.SameDay++
			continue
		}
		switch e.End.Weekday() {
		case time.Sunday:
			ev.EndsSunday++
			ev.Exclusive += 2
		case time.Friday:
			ev.EndsFriday++
			ev.Inclusive += 2
		case time.Monday:
			ev.EndsMonday++
			ev.Inclusive++
		default:
			ev.EndsOther++
		}
	}
	r.Evidence = ev
	switch {
	case ev.Ambiguous == 0:
		r.Detected, r.Reason = Exclusive, ReasonNotAmbiguous
	case ev.SameDay > 0:
		r.Detected, r.Reason = Inclusive, ReasonSameDay
	case ev.Exclusive > ev.Inclusive:
		r.Detected, r.Reason = Exclusive, ReasonPatternRFC
	case ev.Inclusive > ev.Exclusive:
		r.Detected, r.Reason = Inclusive, ReasonPatternIncl
	default:
		r.Detected, r.Reason = Exclusive, ReasonNoEvidence
	}
}

// firstLine is the first line that is not empty, with its number: every iCalendar file starts
// with BEGIN:VCALENDAR, so anything else (a CSV, a web page) is refused at once.
func firstLine(data []byte) (int, string) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	n := 0
	for len(data) > 0 {
		n++
		i := bytes.IndexAny(data, "\r\n")
		var l []byte
		if i < 0 {
			l, data = data, nil
		} else {
			l = data[:i]
			if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			data = data[i+1:]
		}
		if len(bytes.TrimSpace(l)) > 0 {
			if len(l) > 200 {
				l = l[:200]
			}
			return n, string(l)
		}
	}
	return 1, ""
}

// unfold splits the file into logical lines: CRLF, LF or CR line ends, a UTF-8 BOM dropped,
// continuation lines (starting with a space or tab) joined, empty lines skipped. Lines are
// joined as bytes before they are decoded, since simple writers fold inside a UTF-8 sequence; a
// line that is not UTF-8 is read as Latin-1, as old exports from Windows tools are.
func unfold(data []byte) ([]contentLine, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	raw := bytes.Split(data, []byte("\n"))
	var out []contentLine
	var cur []byte
	start := 0
	flush := func() error {
		if start == 0 {
			return nil
		}
		l, err := parseLine(start, decode(cur))
		if err != nil {
			return err
		}
		out = append(out, l)
		cur = cur[:0]
		start = 0
		return nil
	}
	for i, r := range raw {
		num := i + 1
		if len(r) > 0 && (r[0] == ' ' || r[0] == '\t') {
			if start == 0 {
				if len(bytes.TrimSpace(r)) == 0 {
					continue // whitespace-only line between properties
				}
				return nil, &ParseError{Line: num, Key: ErrContinuation, Detail: excerpt(decode(r))}
			}
			cur = append(cur, r[1:]...)
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(r)) == 0 {
			continue
		}
		start = num
		cur = append(cur, r...)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// decode reads a line as UTF-8, or as Latin-1 when it is not valid UTF-8.
func decode(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

// parseLine splits "NAME;PARAM=value;PARAM="quoted:value":value".
func parseLine(num int, s string) (contentLine, error) {
	l := contentLine{num: num, params: map[string]string{}}
	i := strings.IndexAny(s, ";:")
	if i < 0 {
		return l, &ParseError{Line: num, Key: ErrNoColon, Detail: excerpt(s)}
	}
	l.name = strings.ToUpper(s[:i])
	if !validName(l.name) {
		return l, &ParseError{Line: num, Key: ErrBadName, Detail: excerpt(s)}
	}
	rest := s[i:]
	for strings.HasPrefix(rest, ";") {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return l, &ParseError{Line: num, Key: ErrBadParam, Detail: excerpt(s)}
		}
		key := strings.ToUpper(rest[:eq])
		if !validName(key) {
			return l, &ParseError{Line: num, Key: ErrBadParam, Detail: excerpt(s)}
		}
		rest = rest[eq+1:]
		var val string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return l, &ParseError{Line: num, Key: ErrBadParam, Detail: excerpt(s)}
			}
			val = rest[1 : end+1]
			rest = rest[end+2:]
		} else {
			j := strings.IndexAny(rest, ";:")
			if j < 0 {
				return l, &ParseError{Line: num, Key: ErrNoColon, Detail: excerpt(s)}
			}
			val = rest[:j]
			rest = rest[j:]
		}
		l.params[key] = val
	}
	if !strings.HasPrefix(rest, ":") {
		return l, &ParseError{Line: num, Key: ErrNoColon, Detail: excerpt(s)}
	}
	l.value = rest[1:]
	return l, nil
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// excerpt shortens a line for a message.
func excerpt(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:57]) + "…"
	}
	return s
}

// unescapeText undoes the escapes of a TEXT value: \, \; \\ \n.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte(' ')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String())
}

// moment is a DTSTART or DTEND value.
type moment struct {
	line   int
	allDay bool
	date   domain.Date // the day (all-day) or the local day in Berlin (timed)
	t      time.Time   // timed values only
}

type eventBuilder struct {
	line       int
	summary    string
	start, end *moment
	duration   *int // days
	durLine    int
	cancelled  bool
	recurrence int    // line of the first RRULE/RDATE, 0 = none
	rrule      string // the RRULE's value
	rdates     []domain.Date
	unread     string // a recurrence the reader does not expand, as written ("" = none)
	exdates    map[string]bool
}

// expand turns an event with a recurrence rule into its occurrences; an unsupported rule keeps
// the first one and is named in the result.
func (b *eventBuilder) expand(e Event, opt Options, res *Result) []Event {
	if b.recurrence == 0 {
		return []Event{e}
	}
	unsupported := func(rule string) []Event {
		res.Unsupported = append(res.Unsupported, Unsupported{Line: b.recurrence, Rule: excerpt(rule)})
		return []Event{e}
	}
	if b.unread != "" {
		return unsupported(b.unread)
	}
	limit := opt.Until
	if limit.IsZero() {
		limit = domain.AddDays(e.Start, 3653) // ten years
	}
	days := []domain.Date{e.Start}
	if b.exdates[e.Start.String()] {
		days = nil
	}
	if b.rrule != "" {
		r, ok := parseRule(b.rrule, e.Start)
		if !ok {
			return unsupported("RRULE:" + b.rrule)
		}
		days = r.occurrences(e.Start, limit, b.exdates, MaxEvents+1)
	}
	// RDATE adds its days (RFC 5545: the set is RRULE ∪ RDATE − EXDATE, DTSTART included).
	for _, d := range b.rdates {
		if !b.exdates[d.String()] && !slices.ContainsFunc(days, func(x domain.Date) bool { return x.Equal(d.Time) }) && len(days) <= MaxEvents {
			days = append(days, d)
		}
	}
	slices.SortFunc(days, func(a, b domain.Date) int { return a.Compare(b.Time) })
	span := domain.DaysBetween(e.Start, e.End)
	var out []Event
	for _, d := range days {
		o := e
		o.Start, o.End = d, domain.AddDays(d, span)
		out = append(out, o)
	}
	res.Expanded += max(len(out)-1, 0)
	return out
}

func (b *eventBuilder) add(l contentLine) error {
	switch l.name {
	case "SUMMARY":
		b.summary = unescapeText(l.value)
	case "DTSTART":
		m, err := parseMoment(l)
		if err != nil {
			return err
		}
		b.start = &m
	case "DTEND":
		m, err := parseMoment(l)
		if err != nil {
			return err
		}
		b.end = &m
	case "DURATION":
		d, ok := parseDays(l.value)
		if !ok {
			return &ParseError{Line: l.num, Key: ErrDuration, Detail: excerpt(l.value)}
		}
		b.duration, b.durLine = &d, l.num
	case "STATUS":
		b.cancelled = strings.EqualFold(strings.TrimSpace(l.value), "CANCELLED")
	case "RRULE", "RDATE":
		if b.recurrence == 0 {
			b.recurrence = l.num
		}
		written := l.name + ":" + strings.TrimSpace(l.value)
		switch {
		case l.name == "RRULE" && b.rrule != "":
			b.unread = "RRULE+RRULE" // two rules: not expanded
		case l.name == "RRULE":
			b.rrule = strings.TrimSpace(l.value)
		case strings.EqualFold(l.params["VALUE"], "PERIOD") || strings.Contains(l.value, "/"):
			b.unread = written // periods of their own length: not expanded
		default:
			for _, v := range strings.Split(l.value, ",") {
				d, ok := ruleDay(v)
				if !ok {
					return &ParseError{Line: l.num, Key: ErrDate, Detail: excerpt(written)}
				}
				b.rdates = append(b.rdates, d)
			}
		}
	case "EXDATE":
		for _, v := range strings.Split(l.value, ",") {
			d, ok := ruleDay(v)
			if !ok {
				return &ParseError{Line: l.num, Key: ErrDate, Detail: excerpt(l.name + ":" + l.value)}
			}
			if b.exdates == nil {
				b.exdates = map[string]bool{}
			}
			b.exdates[d.String()] = true
		}
	}
	return nil
}

func (b *eventBuilder) build() (Event, bool, error) {
	if b.start == nil {
		return Event{}, false, &ParseError{Line: b.line, Key: ErrNoStart, Detail: b.summary}
	}
	if b.cancelled {
		return Event{}, true, nil
	}
	s := *b.start
	e := Event{Line: b.line, Summary: b.summary, Start: s.date}
	switch {
	case b.end != nil:
		end := *b.end
		if end.allDay != s.allDay {
			return Event{}, false, &ParseError{Line: end.line, Key: ErrMixedTypes, Detail: b.summary}
		}
		if s.allDay {
			if end.date.Before(s.date.Time) {
				return Event{}, false, &ParseError{Line: end.line, Key: ErrEndBefore, Detail: b.summary}
			}
			e.End, e.Ambiguous = end.date, true
		} else {
			if end.t.Before(s.t) {
				return Event{}, false, &ParseError{Line: end.line, Key: ErrEndBefore, Detail: b.summary}
			}
			// DTEND is the first moment after the event: the last day holds the moment before it.
			last := end.t
			if end.t.After(s.t) {
				last = end.t.Add(-time.Nanosecond)
			}
			e.End = dayIn(last)
		}
	case b.duration != nil:
		days := *b.duration
		if days < 1 {
			days = 1
		}
		e.End = domain.AddDays(s.date, days-1)
	default:
		e.End = s.date // one day (RFC 5545: a date without end lasts that day)
	}
	if domain.DaysBetween(e.Start, e.End) > maxDays {
		line := b.line
		if b.end != nil {
			line = b.end.line
		}
		return Event{}, false, &ParseError{Line: line, Key: ErrTooLong, Detail: b.summary}
	}
	return e, false, nil
}

func dayIn(t time.Time) domain.Date {
	y, m, d := t.In(domain.Berlin).Date()
	return domain.NewDate(y, m, d)
}

// windowsZones maps the zone names Outlook writes to IANA names.
var windowsZones = map[string]string{
	"W. EUROPE STANDARD TIME":        "Europe/Berlin",
	"CENTRAL EUROPE STANDARD TIME":   "Europe/Berlin",
	"ROMANCE STANDARD TIME":          "Europe/Paris",
	"CENTRAL EUROPEAN STANDARD TIME": "Europe/Warsaw",
	"GMT STANDARD TIME":              "Europe/London",
	"UTC":                            "UTC",
}

func parseMoment(l contentLine) (moment, error) {
	v := strings.TrimSpace(l.value)
	m := moment{line: l.num}
	bad := func() (moment, error) {
		return m, &ParseError{Line: l.num, Key: ErrDate, Detail: excerpt(l.name + ":" + l.value)}
	}
	if strings.EqualFold(l.params["VALUE"], "DATE") || len(v) == 8 {
		t, err := time.Parse("20060102", v)
		if err != nil || t.Year() < minYear || t.Year() > maxYear {
			return bad()
		}
		m.allDay, m.date = true, domain.NewDate(t.Year(), t.Month(), t.Day())
		return m, nil
	}
	loc := domain.Berlin // a floating time is read as local time of the schools
	if strings.HasSuffix(v, "Z") {
		loc = time.UTC
		v = strings.TrimSuffix(v, "Z")
	} else if tz := strings.Trim(l.params["TZID"], "/ "); tz != "" {
		name := tz
		if w, ok := windowsZones[strings.ToUpper(tz)]; ok {
			name = w
		}
		z, err := loadZone(name)
		if err != nil {
			return m, &ParseError{Line: l.num, Key: ErrTimeZone, Detail: excerpt(tz)}
		}
		loc = z
	}
	t, err := time.ParseInLocation("20060102T150405", v, loc)
	if err != nil || t.Year() < minYear || t.Year() > maxYear {
		return bad()
	}
	m.t, m.date = t, dayIn(t)
	return m, nil
}

// durationRE matches a DURATION of whole days or weeks ("P14D", "P2W", "P1DT0H"); other
// durations are not Ferien.
var durationRE = regexp.MustCompile(`^\+?P(?:(\d{1,4})W|(\d{1,4})D)(?:T(?:0+H)?(?:0+M)?(?:0+S)?)?$`)

func parseDays(s string) (int, bool) {
	m := durationRE.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return 0, false
	}
	if m[1] != "" {
		n, _ := strconv.Atoi(m[1])
		return n * 7, true
	}
	n, _ := strconv.Atoi(m[2])
	return n, true
}

// zones caches loaded time zones: files name the same TZID on every line.
var zones sync.Map

func loadZone(name string) (*time.Location, error) {
	if z, ok := zones.Load(name); ok {
		return z.(*time.Location), nil
	}
	z, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, z)
	return z, nil
}
