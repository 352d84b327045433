package award

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
	"schulit-lotse/ui/kit"
)

// Reading and writing the values of steps 7–9 as the user types them.

// clockText is minutes after midnight as "07:30".
func clockText(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// windowsText is a weekday's service windows as "07:30–12:00, 13:00–16:30".
func windowsText(ws []domain.ServiceWindow) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = clockText(w.StartMinute) + "–" + clockText(w.EndMinute)
	}
	return strings.Join(parts, ", ")
}

// parseClock reads "7", "07:30", "7.30" or "24:00" as minutes after midnight.
func parseClock(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.ToLower(s)), "uhr"))
	h, m := s, "0"
	if i := strings.IndexAny(s, ":."); i >= 0 {
		h, m = s[:i], s[i+1:]
	}
	hh, err1 := strconv.Atoi(strings.TrimSpace(h))
	mm, err2 := strconv.Atoi(strings.TrimSpace(m))
	if err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || hh > 24 || hh == 24 && mm != 0 || len(m) > 2 {
		return 0, false
	}
	return hh*60 + mm, true
}

// parseWindows reads a weekday's service hours: spans like "07:30–12:00" separated by commas or
// semicolons; "-", "–" and "bis" separate start and end. Empty text means no service that day.
// Overlaps are left to the domain's check, which names them.
func parseWindows(text string, weekday int) ([]domain.ServiceWindow, error) {
	in := strings.TrimSpace(text)
	if in == "" || in == "-" || in == "–" {
		return nil, nil
	}
	var out []domain.ServiceWindow
	for _, part := range strings.FieldsFunc(in, func(r rune) bool { return r == ',' || r == ';' }) {
		p := strings.TrimSpace(part)
		p = strings.ReplaceAll(p, "bis", "–")
		p = strings.ReplaceAll(p, "—", "–")
		p = strings.ReplaceAll(p, "-", "–")
		from, to, ok := strings.Cut(p, "–")
		a, okA := parseClock(from)
		b, okB := parseClock(to)
		if !ok || !okA || !okB {
			return nil, kit.InputError(lang.L("award.err.window_text", map[string]any{"Value": strings.TrimSpace(part)}))
		}
		if b <= a {
			return nil, kit.InputError(lang.L("award.err.window_order", map[string]any{"Value": strings.TrimSpace(part)}))
		}
		out = append(out, domain.ServiceWindow{Weekday: weekday, StartMinute: a, EndMinute: b})
	}
	return out, nil
}

// minutesText writes a target for an entry: "30 min", "4 h", "1,5 h".
func minutesText(m int) string {
	if m > 0 && m < 60 {
		return strconv.Itoa(m) + " min"
	}
	return kit.FormatValue(float64(m)/60) + " h"
}

// parseMinutes reads a target: a number with "min", "h"/"Std." or nothing (hours).
func parseMinutes(text string) (int, error) {
	in := strings.TrimSpace(text)
	s := strings.ToLower(in)
	unit := 60.0
	for _, suf := range []struct {
		s string
		f float64
	}{{"minuten", 1}, {"min", 1}, {"stunden", 60}, {"std.", 60}, {"std", 60}, {"h", 60}} {
		if strings.HasSuffix(s, suf.s) {
			s, unit = strings.TrimSpace(strings.TrimSuffix(s, suf.s)), suf.f
			break
		}
	}
	v, err := kit.ParseNumber(s)
	if err != nil || v < 0 || v > 1e6 {
		return 0, kit.InputError(lang.L("award.err.target_text", map[string]any{"Value": in}))
	}
	return int(v*unit + 0.5), nil
}

// newDateEntry is an entry for one date of a step's record: stored is the date kept now, save
// keeps a typed one. A bad date is reported and the stored one shown again; nothing is saved
// while the editor loads (*loading) or when the text is the stored date.
func newDateEntry(loading *bool, stored func() *domain.Date, save func(d *domain.Date), report func(error)) *kit.CommitEntry {
	e := kit.NewCommitEntry()
	e.SetPlaceHolder(lang.L("steps.date.placeholder"))
	return e.CommitOn(func() {
		if *loading || strings.TrimSpace(e.Text) == kit.DateText(stored()) {
			return
		}
		d, err := kit.ParseDate(e.Text)
		if err != nil {
			kit.ShowValue(e, kit.DateText(stored()))
			report(err)
			return
		}
		save(d)
	})
}

// euroText is an amount in euros as the user reads it: "10.800 €", "14.830,56 €".
func euroText(v float64) string { return numfmt.Euro(v, kit.UiLanguage(), true) }

// day is "Mo 12.10.2026".
func day(d domain.Date) string {
	return lang.L("award.weekday.short."+strconv.Itoa(int(d.Weekday()))) + " " + d.Format(lang.L("award.date.layout"))
}

// dateDE is a date in the user's notation.
func dateDE(d domain.Date) string { return d.Format(lang.L("award.date.layout")) }
