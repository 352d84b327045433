package kit

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
)

// InputError is a message about what the user typed, already in the user's language.
type InputError string

func (e InputError) Error() string { return string(e) }

// UserMessage is the sentence to show as it is (no translation key to look up).
func (e InputError) UserMessage() string { return string(e) }

// DecimalSeparator is "," in German and "." in English.
func DecimalSeparator() string {
	if s := lang.L("steps.decimal"); s == "," || s == "." {
		return s
	}
	return ","
}

// UiLanguage is the notation of numbers the user reads: "en" or "de".
func UiLanguage() string {
	if DecimalSeparator() == "." {
		return "en"
	}
	return "de"
}

// FormatNumber writes a figure for reading: at most two decimals, no trailing zeros, thousands
// grouped from 1000 up (1.684,8), as the reports write it (numfmt.Display). Entry fields take
// formatValue, which they read back.
func FormatNumber(v float64) string { return numfmt.Display(v, UiLanguage()) }

// FormatValue writes an entered value as precisely as it was typed.
func FormatValue(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", DecimalSeparator(), 1)
}

// ParseNumber reads "2,5", "2.5", "1.500,5" or "1,500.5". Empty input is not a number.
func ParseNumber(s string) (float64, error) {
	in := strings.TrimSpace(s)
	t := strings.ReplaceAll(in, " ", "")
	if c, d := strings.LastIndex(t, ","), strings.LastIndex(t, "."); c >= 0 && d >= 0 {
		// Both separators: the later one is the decimal separator, the other groups thousands.
		if c > d {
			t = strings.ReplaceAll(t, ".", "")
		} else {
			t = strings.ReplaceAll(t, ",", "")
		}
	}
	t = strings.Replace(t, ",", ".", 1)
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || t == "" || strings.ContainsAny(t, "xXpPeEiInN_") {
		// ParseFloat also accepts hex, exponents, "Inf" and "NaN": none is a sensible effort.
		return 0, InputError(lang.L("err.number", map[string]any{"Value": in}))
	}
	return v, nil
}

// ParseEffort turns the effort entry's text and unit into an effort; empty text means "not
// estimated" (nil). Domain rules (negative, not finite) are checked by the caller's Validate.
func ParseEffort(text string, unit domain.EffortUnit) (*domain.Effort, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	v, err := ParseNumber(text)
	if err != nil {
		return nil, err
	}
	e := domain.Effort{Value: v, Unit: unit}
	if err := e.Valid(); err != nil {
		return nil, err
	}
	return &e, nil
}

// ParseDate reads YYYY-MM-DD; empty text means no date (nil).
func ParseDate(text string) (*domain.Date, error) {
	in := strings.TrimSpace(text)
	if in == "" {
		return nil, nil
	}
	d, err := domain.ParseDate(in)
	if err != nil {
		return nil, InputError(lang.L("err.date", map[string]any{"Value": in}))
	}
	return &d, nil
}

// UnitLabel is the translated name of an effort unit.
func UnitLabel(u domain.EffortUnit) string { return lang.L("unit." + string(u)) }

// Fold makes text comparable for filtering and sorting: lower case, umlauts as their base
// letters (as German dictionaries sort them), single spaces.
func Fold(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "äöüß\n\t") {
		s = folder.Replace(s)
	}
	return s
}

var folder = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "\n", " ", "\t", " ")

// OneLine shows multi-line text in a single table line.
func OneLine(s string) string {
	if strings.ContainsAny(s, "\r\n\t") {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// PriorityText is a priority as the project's mode shows it.
func PriorityText(p domain.Priority, mode domain.PriorityMode) string {
	if !p.IsSet() {
		return lang.L("priority.class.none")
	}
	if mode == domain.PriorityMustNice {
		return lang.L("priority.class." + string(p.Class()))
	}
	return lang.L("priority.rank." + strconv.Itoa(p.Rank))
}

// PriorityOptions are the choices of the priority select in the given mode; index 0 is
// "nicht priorisiert".
func PriorityOptions(mode domain.PriorityMode) []string {
	out := []string{lang.L("priority.class.none")}
	if mode == domain.PriorityMustNice {
		return append(out, lang.L("priority.class.must"), lang.L("priority.class.nice"))
	}
	for r := 1; r <= 5; r++ {
		out = append(out, lang.L("priority.rank."+strconv.Itoa(r)))
	}
	return out
}

// PriorityIndex is the option index that shows p in the given mode.
func PriorityIndex(p domain.Priority, mode domain.PriorityMode) int {
	if !p.IsSet() {
		return 0
	}
	if mode == domain.PriorityMustNice {
		if p.Class() == domain.ClassMust {
			return 1
		}
		return 2
	}
	return p.Rank
}

// PriorityFromIndex applies the chosen option to the current priority. In vorrangig/nachrangig
// mode a rank that already lies in the chosen class is kept.
func PriorityFromIndex(cur domain.Priority, i int, mode domain.PriorityMode) domain.Priority {
	if i <= 0 {
		return domain.Priority{}
	}
	if mode == domain.PriorityMustNice {
		if i == 1 {
			return cur.WithClass(domain.ClassMust)
		}
		return cur.WithClass(domain.ClassNice)
	}
	return domain.Priority{Rank: i}
}

// ParseAmount reads an amount of money. Unlike a plain number, "150.000" in German (and
// "150,000" in English) is a thousands grouping: nobody writes a price to a thousandth of a euro.
func ParseAmount(text string) (float64, error) {
	in := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "€"))
	group := "."
	if DecimalSeparator() == "." {
		group = ","
	}
	if parts := strings.Split(in, group); len(parts) > 1 && !strings.Contains(in, DecimalSeparator()) {
		grouped := len(parts[0]) >= 1 && len(parts[0]) <= 3
		for _, p := range parts[1:] {
			grouped = grouped && len(p) == 3
		}
		if grouped {
			in = strings.Join(parts, "")
		}
	}
	return ParseNumber(in)
}

func SameDate(a, b *domain.Date) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(b.Time)
}
