package importers

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Plausible years of a ticket, call or answer; anything else is a wrong column or a typo.
const (
	minYear = 1990
	maxYear = 2100
)

// timeParser reads the date-time values of exports: ISO (2027-03-01 08:15:00, with T, fraction
// or offset), German (01.03.2027 08:15:00), GLPI's dd-mm-YYYY HH:MM, dd/mm/YYYY, Unix seconds,
// and Excel serial numbers in workbooks. Values without an offset are local time in loc.
type timeParser struct {
	loc      *time.Location
	xlsx     bool
	date1904 bool
	// from and until bound the years minYear…maxYear in loc (Unix seconds, until excluded);
	// set on first use.
	from, until int64
}

// inYears reports whether t lies in a year from minYear to maxYear in the parser's location,
// as t.In(loc).Year() would say, without converting every time.
func (p *timeParser) inYears(t time.Time) bool {
	if p.until == 0 {
		p.from = time.Date(minYear, 1, 1, 0, 0, 0, 0, p.loc).Unix()
		p.until = time.Date(maxYear+1, 1, 1, 0, 0, 0, 0, p.loc).Unix()
	}
	u := t.Unix()
	return u >= p.from && u < p.until
}

// parse returns the moment (UTC, whole seconds) and whether s was a date at all.
func (p *timeParser) parse(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if p.xlsx {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return p.serial(f)
		}
	}
	if t, ok := parseNumeric(s, p.loc); ok {
		return t.UTC(), true
	}
	for _, layout := range []string{time.RFC3339, time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Truncate(time.Second), true
		}
	}
	return time.Time{}, false
}

// serial converts an Excel date number (days since 1899-12-30, the fraction is the time of day)
// into local time in loc, rounded to the second.
func (p *timeParser) serial(f float64) (time.Time, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 1 || f > 2958465 {
		return time.Time{}, false
	}
	w, err := excelize.ExcelDateToTime(f, p.date1904)
	if err != nil {
		return time.Time{}, false
	}
	w = w.Round(time.Second)
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, p.loc).UTC(), true
}

// parseNumeric reads dates made of numbers and separators without time.Parse: a quarter of a
// million tickets bring three dates each.
func parseNumeric(s string, loc *time.Location) (time.Time, bool) {
	var nums [7]int
	var lens [7]int
	var seps [7]byte // seps[i] is the separator before nums[i]
	n, i := 0, 0
	offset, hasOffset := 0, false
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(nums) {
				return time.Time{}, false
			}
			v, l := 0, 0
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				if l < 10 {
					v = v*10 + int(s[i]-'0')
				}
				l++
				i++
			}
			if l > 10 {
				return time.Time{}, false
			}
			nums[n], lens[n] = v, l
			n++
		case (c == '+' || c == '-') && n >= 5:
			o, ok := parseOffset(s[i+1:])
			if !ok {
				return time.Time{}, false
			}
			if c == '-' {
				o = -o
			}
			offset, hasOffset = o, true
			i = len(s)
		case c == 'Z' && n >= 5 && i == len(s)-1:
			hasOffset = true
			i++
		case c == '-' || c == '.' || c == '/' || c == ':' || c == ' ' || c == 'T' || c == ',':
			if n < len(seps) {
				seps[n] = c
			}
			i++
		default:
			return time.Time{}, false
		}
	}
	if n == 1 && (lens[0] == 9 || lens[0] == 10) { // Unix seconds
		return time.Unix(int64(nums[0]), 0), true
	}
	if n < 3 || n == 4 {
		return time.Time{}, false
	}
	var y, m, d int
	switch {
	case lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2 && seps[1] == seps[2] && (seps[1] == '-' || seps[1] == '/' || seps[1] == '.'):
		y, m, d = nums[0], nums[1], nums[2]
	case lens[0] <= 2 && lens[1] <= 2 && (lens[2] == 4 || lens[2] == 2) && seps[1] == seps[2] && (seps[1] == '.' || seps[1] == '-' || seps[1] == '/'):
		d, m, y = nums[0], nums[1], nums[2]
		if lens[2] == 2 {
			y += 2000
		}
	default:
		return time.Time{}, false
	}
	hh, mm, ss := 0, 0, 0
	if n >= 5 {
		if seps[3] != ' ' && seps[3] != 'T' && seps[3] != ',' || seps[4] != ':' || lens[3] > 2 || lens[4] != 2 {
			return time.Time{}, false
		}
		hh, mm = nums[3], nums[4]
		if n >= 6 {
			if seps[5] != ':' || lens[5] != 2 {
				return time.Time{}, false
			}
			ss = nums[5]
		}
		if n == 7 && seps[6] != '.' && seps[6] != ',' { // a fraction of the second is dropped
			return time.Time{}, false
		}
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, false
	}
	zone := loc
	if hasOffset {
		zone = time.FixedZone("", offset)
	}
	t := time.Date(y, time.Month(m), d, hh, mm, ss, 0, zone)
	if t.Day() != d || int(t.Month()) != m { // 31.02. is no date
		return time.Time{}, false
	}
	return t, true
}

// parseOffset reads "01:00", "0100" or "01" as seconds east of UTC.
func parseOffset(s string) (int, bool) {
	s = strings.ReplaceAll(s, ":", "")
	if len(s) != 2 && len(s) != 4 {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return 0, false
	}
	h, m := v, 0
	if len(s) == 4 {
		h, m = v/100, v%100
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return h*3600 + m*60, true
}

// parseSeconds reads a duration: whole seconds ("83"), with a decimal part ("83,5") or a clock
// ("00:01:23", "1:23").
func parseSeconds(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	if strings.Contains(s, ":") {
		parts := strings.Split(s, ":")
		if len(parts) > 3 {
			return 0, false
		}
		total := 0
		for _, p := range parts {
			v, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || v < 0 {
				return 0, false
			}
			total = total*60 + v
		}
		return total, total <= 7*24*3600
	}
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || f < 0 || f > 7*24*3600 || math.IsNaN(f) {
		return 0, false
	}
	return int(math.Round(f)), true
}

// serialSum reads a date cell and a time cell of a workbook (two serial numbers).
func (p *timeParser) serialSum(date, clock string) (time.Time, bool) {
	d, err1 := strconv.ParseFloat(strings.TrimSpace(date), 64)
	c, err2 := strconv.ParseFloat(strings.TrimSpace(clock), 64)
	if err1 != nil || err2 != nil || c < 0 || c >= 1 {
		return time.Time{}, false
	}
	return p.serial(math.Floor(d) + c)
}
