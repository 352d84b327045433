package importers

import (
	"strconv"
	"strings"

	"schulit-lotse/domain"
)

// Phone systems often log calls without a header row. Asterisk's cdr_csv module writes
// Master.csv in a fixed, documented column order; other logs are read with a mapping by
// column number (`--map at=10`).

// FormatAsterisk names Asterisk's call detail records (Master.csv).
const FormatAsterisk = "asterisk"

// asteriskColumns is the documented order of cdr_csv's Master.csv; uniqueid and userfield
// come only with the module's options.
var asteriskColumns = []string{"accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
	"start", "answer", "end", "duration", "billsec", "disposition", "amaflags", "uniqueid", "userfield"}

// asteriskWait and asteriskDirection are the headers of the columns added to Asterisk's
// records: the ringing time, duration (start → end) minus billsec (answer → end), and the
// direction read from the destination context.
const (
	asteriskWait      = "wait (duration − billsec)"
	asteriskDirection = "direction (dcontext)"
)

// asteriskMapping maps the call fields onto Asterisk's columns.
var asteriskMapping = map[string]string{CallAt: "start", CallAnswered: "disposition", CallTalk: "billsec", CallWait: asteriskWait,
	CallDirection: asteriskDirection}

// internalContexts are words of dialplan contexts that phones of the PBX dial from: a record
// whose destination context (dcontext) holds one of them was dialled by an extension, the
// hotline calling out (FreePBX's from-internal, outbound-allroutes, macro-dialout-trunk; the
// "internal"/"phones"/"users" contexts of Asterisk's sample dialplans). Calls from outside
// arrive in the trunk's context (from-trunk, from-pstn, from-external, ext-did, incoming).
var internalContexts = []string{"internal", "outbound", "outgoing", "dialout", "phones", "users", "intern", "ausgehend"}

// asteriskDirectionOf is "outbound" for a record dialled from an internal context, else "inbound".
func asteriskDirectionOf(dcontext string) string {
	c := strings.ToLower(strings.TrimSpace(dcontext))
	for _, w := range internalContexts {
		if strings.Contains(c, w) {
			return "outbound"
		}
	}
	return "inbound"
}

var asteriskDispositions = map[string]bool{"answered": true, "no answer": true, "busy": true, "failed": true, "congestion": true}

// looksLikeAsterisk reports whether the first rows are Asterisk CDRs: 16 to 18 columns, a
// start time in column 10 and a disposition in column 15.
func looksLikeAsterisk(t *Table) bool {
	p := &timeParser{loc: domain.Berlin}
	n := 0
	for i := 0; i < len(t.Rows) && n < 5; i++ {
		r := t.Rows[i]
		if emptyRow(r) {
			continue
		}
		if len(r) < 16 || len(r) > 18 {
			return false
		}
		if _, ok := p.parse(strings.TrimSpace(r[9])); !ok || !asteriskDispositions[domain.NormalizeSourceValue(r[14])] {
			return false
		}
		n++
	}
	return n > 0
}

// asteriskTable is the records with Asterisk's header in front and the ringing time added.
func asteriskTable(t *Table) *Table {
	header := append(append([]string{}, asteriskColumns...), asteriskWait, asteriskDirection)
	out := withHeader(t, header)
	wait, dir := len(asteriskColumns), len(asteriskColumns)+1
	for i := 1; i < len(out.Rows); i++ {
		src := out.Rows[i]
		row := make([]string, len(header))
		copy(row, src)
		d, okD := strconv.Atoi(strings.TrimSpace(cellAt(src, 12)))
		b, okB := strconv.Atoi(strings.TrimSpace(cellAt(src, 13)))
		if okD == nil && okB == nil && d >= b {
			row[wait] = strconv.Itoa(d - b)
		}
		row[dir] = asteriskDirectionOf(cellAt(src, 3))
		out.Rows[i] = row
	}
	return out
}

// numberedTable is a headerless table with the column numbers (from 1) as its header, so that
// a mapping by column number finds its columns.
func numberedTable(t *Table) *Table {
	n := 0
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	header := make([]string, n)
	for i := range header {
		header[i] = strconv.Itoa(i + 1)
	}
	return withHeader(t, header)
}

// withHeader is a copy of t with a header row in front. Its line is 0; the rows keep their
// lines, and messages name those (not a position found by reading the text again).
func withHeader(t *Table, header []string) *Table {
	out := *t
	out.src = nil
	out.Rows = append([][]string{header}, t.Rows...)
	out.Lines = append([]int{0}, t.Lines...)
	return &out
}

// byNumber reports whether every column of a mapping is a column number.
func byNumber(cols map[string]string) bool {
	if len(cols) == 0 {
		return false
	}
	for _, v := range cols {
		if _, err := strconv.Atoi(strings.TrimSpace(v)); err != nil {
			return false
		}
	}
	return true
}
