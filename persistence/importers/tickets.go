package importers

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"schulit-lotse/domain"
)

// TicketOptions choose how a ticket export is read.
type TicketOptions struct {
	// Format is one of TicketFormats; "" means auto.
	Format string
	// Columns is a user-made mapping (field → header as in the file); with it the format is generic.
	Columns map[string]string
	// Location of times without an offset; nil means Europe/Berlin (a Zammad footer may say otherwise).
	Location *time.Location
	// Override are the user's choices for single fields (`--map FIELD=COLUMN`), put over the
	// detected columns: a header as in the file or a column number from 1; "-" leaves the
	// field unmapped. When no header is detected they serve as the whole mapping.
	Override map[string]string
}

// RawTicket is one row of an export with the source's own priority and category.
type RawTicket struct {
	Row           int // index in the table
	ExternalID    string
	Created       time.Time
	FirstResponse *time.Time
	Resolved      *time.Time
	Priority      string
	Category      string
	School        string
	Status        string
}

// TicketFile is a ticket export read and checked, before its priorities and categories are
// mapped onto the project.
type TicketFile struct {
	Table     *Table
	Format    string
	HeaderRow int // index of the header in Table.Rows
	Headers   []string
	// Columns maps each field found to its column index.
	Columns  map[string]int
	Location *time.Location
	Rows     []RawTicket
	// Duplicates counts rows whose id came again further down; the last one counts.
	Duplicates int
	// SavedMappingIgnored: the project's saved column mapping did not fit this file, so the
	// columns were detected anew (the summary says so).
	SavedMappingIgnored bool
	// ByValues: no header row named the fields; the columns were recognised by their values
	// (a proposal the summary shows).
	ByValues bool
	// Proposals are date-time columns that may be the first response, the solution or the
	// closing by their values, not taken: the summary names them with the --map that takes them.
	Proposals []Proposal
}

// Fields every ticket export must have.
var requiredTicketFields = []string{FieldExternalID, FieldCreated, FieldPriority}

// maxText bounds the stored texts (category, school, status): they are names, not free text.
const maxText = 120

// headerScan is how many rows at the top may hold titles before the header.
const headerScan = 20

// ReadTickets finds the header, checks every row and returns the tickets of the file, or the
// first error with its line and column.
func ReadTickets(t *Table, opt TicketOptions) (*TicketFile, error) {
	f := &TicketFile{Table: t, Location: opt.Location}
	if f.Location == nil {
		f.Location = domain.Berlin
	}
	end := len(t.Rows)
	if zone, at, ok := zammadFooter(t); ok {
		end = at
		if loc, err := time.LoadLocation(zone); err == nil && opt.Location == nil {
			f.Location = loc
		}
	}
	if err := f.findHeader(opt, end); err != nil {
		var e *Error
		over := overrideColumns(opt.Override)
		if len(over) == 0 || len(opt.Columns) > 0 || !errors.As(err, &e) || e.Key != ErrNoHeader {
			return nil, err
		}
		// Nothing detected: the user's choices are the whole mapping.
		if err := f.findMappedHeader(over, min(end, headerScan)); err != nil {
			return nil, err
		}
	}
	if err := f.applyOverride(opt.Override); err != nil {
		return nil, err
	}
	if len(opt.Columns) == 0 {
		apply, propose := f.dateRoles(end, opt.Override)
		for field, c := range apply {
			f.Columns[field] = c
		}
		f.Proposals = propose
	}
	for _, field := range requiredTicketFields {
		if _, ok := f.Columns[field]; !ok {
			return nil, &Error{File: t.File, Line: t.Lines[f.HeaderRow], Key: ErrMissingColumn, Value: field}
		}
	}
	if err := f.readRows(end); err != nil {
		return nil, err
	}
	return f, nil
}

// overrideColumns are the override entries that name a column (not "-").
func overrideColumns(over map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range over {
		if v = strings.TrimSpace(v); v != "" && v != Unmapped {
			out[k] = v
		}
	}
	return out
}

// Unmapped as the column of an override leaves the field without a column.
const Unmapped = "-"

// applyOverride puts the user's choices over the detected columns; a column chosen for one
// field is taken from any other field that had it.
func (f *TicketFile) applyOverride(over map[string]string) error {
	for _, field := range TicketFields {
		v, ok := over[field]
		if !ok {
			continue
		}
		if v = strings.TrimSpace(v); v == Unmapped || v == "" {
			delete(f.Columns, field)
			continue
		}
		c, ok := columnIndex(f.Headers, v)
		if !ok {
			return &Error{File: f.Table.File, Line: f.Table.Lines[f.HeaderRow], Key: ErrUnknownColumn, Value: shorten(v)}
		}
		for other, oc := range f.Columns {
			if oc == c {
				delete(f.Columns, other)
			}
		}
		f.Columns[field] = c
	}
	return nil
}

// columnIndex finds a column by its header, or by its number counted from 1.
func columnIndex(header []string, v string) (int, bool) {
	k := normHeader(v)
	for c, h := range header {
		if normHeader(h) == k && k != "" {
			return c, true
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 1 && n <= len(header) {
		return n - 1, true
	}
	return 0, false
}

// zammadFooter finds a "Timezone: Europe/Berlin" line below the data (Zammad's reports end so).
func zammadFooter(t *Table) (zone string, row int, ok bool) {
	for i := len(t.Rows) - 1; i >= 0 && i >= len(t.Rows)-5; i-- {
		for _, c := range t.Rows[i] {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			low := strings.ToLower(c)
			for _, p := range []string{"timezone:", "zeitzone:", "time zone:"} {
				if strings.HasPrefix(low, p) {
					return strings.TrimSpace(c[len(p):]), i, true
				}
			}
			break
		}
	}
	return "", 0, false
}

func (f *TicketFile) findHeader(opt TicketOptions, end int) error {
	t := f.Table
	limit := min(end, headerScan)
	if len(opt.Columns) > 0 {
		return f.findMappedHeader(opt.Columns, limit)
	}
	var candidates []format
	switch opt.Format {
	case "", FormatAuto:
		candidates = append(append(candidates, formats...), generic)
	default:
		fm, ok := formatByName(opt.Format)
		if !ok {
			return fileErr(t.File, ErrUnknownFormat, opt.Format)
		}
		candidates = []format{fm}
	}
	best, bestRow, bestScore := format{}, -1, 0
	for i := 0; i < limit; i++ {
		for _, fm := range candidates {
			if s := fm.score(t.Rows[i]); s > bestScore {
				best, bestRow, bestScore = fm, i, s
			}
		}
	}
	if bestRow < 0 {
		// No header names the fields: recognise the columns by their values.
		if row, cols, ok := columnsByValues(t, limit, end, f.Location); ok {
			f.Format, f.HeaderRow, f.Headers, f.Columns, f.ByValues = FormatGeneric, row, t.Rows[row], cols, true
			if len(candidates) == 1 {
				f.Format = candidates[0].name // --format glpi: its rules (entity paths, priority numbers) still hold
			}
			return nil
		}
		want := candidates[0]
		return &Error{File: t.File, Key: ErrNoHeader, Value: want.name}
	}
	f.Format, f.HeaderRow, f.Headers = best.name, bestRow, t.Rows[bestRow]
	f.Columns = best.mapColumns(f.Headers)
	return nil
}

// findMappedHeader finds the row that holds every header of a user-made mapping.
func (f *TicketFile) findMappedHeader(cols map[string]string, limit int) error {
	t := f.Table
	for i := 0; i < limit; i++ {
		idx := map[string]int{}
		for c, h := range t.Rows[i] {
			if k := normHeader(h); k != "" {
				if _, dup := idx[k]; !dup {
					idx[k] = c
				}
			}
		}
		found := map[string]int{}
		for field, h := range cols {
			if c, ok := idx[normHeader(h)]; ok && h != "" {
				found[field] = c
			}
		}
		if len(found) == len(nonEmpty(cols)) && len(found) > 0 {
			f.Format, f.HeaderRow, f.Headers, f.Columns = FormatGeneric, i, t.Rows[i], found
			return nil
		}
	}
	return &Error{File: t.File, Key: ErrUnknownColumn, Value: shorten(strings.Join(sortedValues(nonEmpty(cols)), ", "))}
}

func nonEmpty(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if strings.TrimSpace(v) != "" {
			out[k] = v
		}
	}
	return out
}

// cell returns the text of a field in row i ("" when the row is short or the field absent).
func (f *TicketFile) cell(i int, field string) (string, int) {
	c, ok := f.Columns[field]
	if !ok {
		return "", -1
	}
	return f.cellOf(i, c)
}

// cellOf is the cell of row i in column c (-1: no such column).
func (f *TicketFile) cellOf(i, c int) (string, int) {
	if c < 0 {
		return "", -1
	}
	row := f.Table.Rows[i]
	if c >= len(row) {
		return "", c
	}
	return row[c], c
}

func (f *TicketFile) header(c int) string {
	if c >= 0 && c < len(f.Headers) {
		return strings.TrimSpace(strings.TrimPrefix(f.Headers[c], "\ufeff"))
	}
	return ""
}

// clockSkew is how far a response or resolution may lie before the creation (clocks of the
// systems involved differ a little); more means the columns are probably swapped.
const clockSkew = 5 * time.Minute

func (f *TicketFile) readRows(end int) error {
	t := f.Table
	p := &timeParser{loc: f.Location, xlsx: t.Kind == KindXLSX, date1904: t.Date1904}
	rows := max(end-f.HeaderRow-1, 0)
	seen := make(map[string]int, rows)
	if f.Rows == nil {
		f.Rows = make([]RawTicket, 0, rows)
	}
	intern := map[string]string{}
	in := func(s string) string {
		if v, ok := intern[s]; ok {
			return v
		}
		intern[s] = s
		return s
	}
	col := map[string]int{} // the column of each field, looked up once (-1: none)
	for _, field := range []string{FieldExternalID, FieldCreated, FieldFirstResponse, FieldResolved, FieldClosed,
		FieldPriority, FieldCategory, FieldSchool, FieldStatus} {
		col[field] = -1
		if c, ok := f.Columns[field]; ok {
			col[field] = c
		}
	}
	cExt, cCreated, cResponse, cResolved, cClosed := col[FieldExternalID], col[FieldCreated], col[FieldFirstResponse], col[FieldResolved], col[FieldClosed]
	cPrio, cCat, cSchool, cStatus := col[FieldPriority], col[FieldCategory], col[FieldSchool], col[FieldStatus]
	for i := f.HeaderRow + 1; i < end; i++ {
		if emptyRow(t.Rows[i]) {
			continue
		}
		idRaw, idCol := f.cellOf(i, cExt)
		id := cleanID(idRaw)
		if id == "" {
			return t.cellErr(i, idCol, f.header(idCol), ErrIDEmpty, "")
		}
		r := RawTicket{Row: i, ExternalID: id}
		created, err := f.time(p, i, cCreated, true)
		if err != nil {
			return err
		}
		r.Created = *created
		if r.FirstResponse, err = f.time(p, i, cResponse, false); err != nil {
			return err
		}
		if r.Resolved, err = f.time(p, i, cResolved, false); err != nil {
			return err
		}
		closed, err := f.time(p, i, cClosed, false)
		if err != nil {
			return err
		}
		resolvedField := FieldResolved
		if r.Resolved == nil {
			r.Resolved, resolvedField = closed, FieldClosed
		}
		for _, x := range []struct {
			field string
			t     **time.Time
		}{{FieldFirstResponse, &r.FirstResponse}, {resolvedField, &r.Resolved}} {
			if *x.t == nil || !(*x.t).Before(r.Created) {
				continue
			}
			if r.Created.Sub(**x.t) > clockSkew { // before the ticket existed: columns swapped?
				v, c := f.cell(i, x.field)
				return t.cellErr(i, c, f.header(c), ErrOrder, strings.TrimSpace(v))
			}
			c := r.Created
			*x.t = &c
		}
		prio, _ := f.cellOf(i, cPrio)
		r.Priority = in(clip(firstLine(prio)))
		cat, _ := f.cellOf(i, cCat)
		r.Category = in(clip(firstLine(cat)))
		school, _ := f.cellOf(i, cSchool)
		school = firstLine(school)
		if f.Format == FormatGLPI { // "Root entity > Schulen > GS Am Markt": the school is the last part
			if k := strings.LastIndex(school, " > "); k >= 0 {
				school = school[k+3:]
			}
		}
		r.School = in(clip(school))
		st, _ := f.cellOf(i, cStatus)
		r.Status = in(clip(firstLine(st)))
		if k, dup := seen[id]; dup {
			f.Rows[k] = r
			f.Duplicates++
			continue
		}
		seen[id] = len(f.Rows)
		f.Rows = append(f.Rows, r)
	}
	if len(f.Rows) == 0 {
		return &Error{File: t.File, Line: t.Lines[f.HeaderRow], Key: ErrNoRows}
	}
	return nil
}

// time reads the date in column c of row i (-1: the field has no column); required fields may
// not be empty.
func (f *TicketFile) time(p *timeParser, i int, c int, required bool) (*time.Time, error) {
	v, c := f.cellOf(i, c)
	v = strings.TrimSpace(v)
	if v == "" {
		if required {
			return nil, f.Table.cellErr(i, max(c, 0), f.header(c), ErrDate, "")
		}
		return nil, nil
	}
	tm, ok := p.parse(v)
	if !ok {
		return nil, f.Table.cellErr(i, c, f.header(c), ErrDate, v)
	}
	if !p.inYears(tm) {
		return nil, f.Table.cellErr(i, c, f.header(c), ErrYear, v)
	}
	return &tm, nil
}

// cleanID removes every kind of space from an id: GLPI groups digits with (non-breaking) spaces.
func cleanID(s string) string {
	s = firstLine(s)
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func firstLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			s = s[:i]
			break
		}
	}
	return strings.TrimSpace(s)
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxText {
		return s
	}
	return string([]rune(s)[:maxText])
}

// ValueCount is a source value and how many tickets carry it.
type ValueCount struct {
	Value string
	Count int
}

// Priorities are the distinct priorities of the file, most frequent first.
func (f *TicketFile) Priorities() []ValueCount {
	return f.values(func(r RawTicket) string { return r.Priority })
}

// Categories are the distinct categories of the file, most frequent first.
func (f *TicketFile) Categories() []ValueCount {
	return f.values(func(r RawTicket) string { return r.Category })
}

func (f *TicketFile) values(get func(RawTicket) string) []ValueCount {
	n := map[string]int{}
	shown := map[string]string{}
	for _, r := range f.Rows {
		k := domain.NormalizeSourceValue(get(r))
		if _, ok := shown[k]; !ok {
			shown[k] = get(r)
		}
		n[k]++
	}
	out := make([]ValueCount, 0, len(n))
	for k, c := range n {
		out = append(out, ValueCount{Value: shown[k], Count: c})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		return out[a].Value < out[b].Value
	})
	return out
}

// Tickets maps the rows onto the project: each priority onto an SLA class (classes are the codes
// of the SLAs in force; without any, priorities are kept as they are) and each category onto a
// package. A priority the mapping does not know stops the import with its line and column.
func (f *TicketFile) Tickets(m domain.TicketMapping, classes []string, packages []domain.Package) ([]domain.Ticket, error) {
	codes := map[string]string{}
	for _, c := range classes {
		codes[strings.ToUpper(strings.TrimSpace(c))] = c
	}
	pkgs := map[int64]bool{}
	for _, p := range packages {
		pkgs[p.ID] = true
	}
	prio := map[string]string{}
	for k, v := range m.Priorities {
		if code, ok := codes[strings.ToUpper(strings.TrimSpace(v))]; ok {
			prio[domain.NormalizeSourceValue(k)] = code
		}
	}
	cats := map[string]int64{}
	for k, v := range m.Categories {
		if pkgs[v] {
			cats[domain.NormalizeSourceValue(k)] = v
		}
	}
	noResponse := !f.HasColumn(FieldFirstResponse) // said per import, carried by each ticket
	out := make([]domain.Ticket, len(f.Rows))
	normCache := map[string]string{}
	norm := func(s string) string {
		if v, ok := normCache[s]; ok {
			return v
		}
		v := domain.NormalizeSourceValue(s)
		normCache[s] = v
		return v
	}
	for i, r := range f.Rows {
		t := domain.Ticket{ExternalID: r.ExternalID, Created: r.Created, FirstResponse: r.FirstResponse, Resolved: r.Resolved,
			Priority: r.Priority, Category: r.Category, School: r.School, Status: r.Status, ResponseNotMeasured: noResponse}
		if len(codes) > 0 {
			code, ok := prio[norm(r.Priority)]
			if !ok {
				v, c := f.cell(r.Row, FieldPriority)
				return nil, f.Table.cellErr(r.Row, c, f.header(c), ErrUnknownPriority, strings.TrimSpace(v))
			}
			t.Priority = code
		}
		if id, ok := cats[norm(r.Category)]; ok {
			pid := id
			t.PackageID = &pid
		}
		out[i] = t
	}
	return out, nil
}

// HasColumn reports whether the file has a column for field.
func (f *TicketFile) HasColumn(field string) bool {
	_, ok := f.Columns[field]
	return ok
}

// Unused are the headers of the columns the import does not read, in file order (the summary
// lists them so that a column the mapping missed does not go unnoticed).
func (f *TicketFile) Unused() []string { return unusedHeaders(f.Headers, f.Columns) }

func unusedHeaders(headers []string, cols map[string]int) []string {
	used := map[int]bool{}
	for _, c := range cols {
		used[c] = true
	}
	var out []string
	for i, h := range headers {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if !used[i] && h != "" {
			out = append(out, h)
		}
	}
	return out
}

// String describes the file for logs and tests.
func (f *TicketFile) String() string {
	return fmt.Sprintf("%s: %s, header in line %d, %d tickets", f.Table.File, f.Format, f.Table.Lines[f.HeaderRow], len(f.Rows))
}

func sortStrings(s []string) { sort.Strings(s) }
