package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
)

// formatNumber writes a figure for reading with at most two decimals, thousands grouped from
// 1000 up, in the notation of the UI language (German: 1.684,8; English: 1,684.8), as the
// reports write it (numfmt.Display). Entry fields take numfmt.Format, which they read back.
func formatNumber(v float64, language string) string { return numfmt.Display(v, language) }

// parseNumber reads a number typed in either notation ("7,5" or "7.5").
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if strings.Contains(s, ",") && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// translated returns the translation of key, or ok=false when there is none.
func translated(key string, data ...any) (string, bool) {
	s := lang.L(key, data...)
	return s, s != key
}

// figureParts splits a key figure into its name and its formatted value with unit.
func figureParts(f domain.Figure, language string) (name, value string) {
	label := f.Label
	if f.Key == "fig.hours_of" && label == "" {
		label = lang.L("fig.no_responsible")
	}
	name = lang.L(f.Key, map[string]any{"Label": label})
	value = f.Text
	if value == "" {
		value = formatNumber(f.Value, language)
		if f.Unit != "" {
			unit, ok := translated("ui.unit." + f.Unit)
			if !ok {
				unit = f.Unit
			}
			value += " " + unit
		}
	}
	return name, value
}

// bundeslandName is the state's name for a code such as "NI".
func bundeslandName(code domain.Bundesland) string {
	if code == "" {
		return "–"
	}
	if name, ok := translated("ui.land." + string(code)); ok {
		return name
	}
	return string(code)
}

// formatDateTime is a moment in the local time zone, as users read it.
func formatDateTime(t time.Time, language string) string {
	if language == "en" {
		return t.Local().Format("2006-01-02 15:04")
	}
	return t.Local().Format("02.01.2006, 15:04")
}

// formatClock is the time of day of a commit, hours and minutes ("gespeichert 14:05").
func formatClock(t time.Time) string { return t.Local().Format("15:04") }
