package domain

import (
	"slices"
	"sort"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/de"
)

// PublicHoliday is a statutory public holiday of a Bundesland.
type PublicHoliday struct {
	Date Date   `json:"date"`
	Name string `json:"name"`
}

// stateHoliday is a holiday definition of rickar/cal with the years it applies in one state.
// rickar/cal's own state lists ignore when holidays were introduced, so the states are listed
// here with their years (0 = no limit).
type stateHoliday struct {
	h        *cal.Holiday
	from, to int
}

var nationwide = []stateHoliday{
	{h: de.Neujahr}, {h: de.Karfreitag}, {h: de.Ostermontag}, {h: de.TagderArbeit}, {h: de.ChristiHimmelfahrt},
	{h: de.Pfingstmontag}, {h: de.DeutschenEinheit}, {h: de.Weihnachtstag}, {h: de.ZweiterWeihnachtsfeiertag},
}

// reformationAlways: the eastern states have kept Reformationstag since 1990.
var reformationAlways = stateHoliday{h: de.Reformationstag}

// reformationSince2018: Bremen, Hamburg, Niedersachsen and Schleswig-Holstein made it a holiday from 2018.
var reformationSince2018 = stateHoliday{h: de.Reformationstag, from: 2018}

var regional = map[Bundesland][]stateHoliday{
	"BW": {{h: de.HeiligeDreiKoenige}, {h: de.Fronleichnam}, {h: de.Allerheiligen}},
	"BY": {{h: de.HeiligeDreiKoenige}, {h: de.Fronleichnam}, {h: de.Allerheiligen}},
	"BE": {{h: de.Frauentag, from: 2019}},
	"BB": {reformationAlways},
	"HB": {reformationSince2018},
	"HH": {reformationSince2018},
	"HE": {{h: de.Fronleichnam}},
	"MV": {reformationAlways, {h: de.Frauentag, from: 2023}},
	"NI": {reformationSince2018},
	"NW": {{h: de.Fronleichnam}, {h: de.Allerheiligen}},
	"RP": {{h: de.Fronleichnam}, {h: de.Allerheiligen}},
	"SL": {{h: de.Fronleichnam}, {h: de.MariaHimmelfahrt}, {h: de.Allerheiligen}},
	"SN": {reformationAlways, {h: de.BussUndBettag}},
	"ST": {{h: de.HeiligeDreiKoenige}, reformationAlways},
	"SH": {reformationSince2018},
	"TH": {reformationAlways, {h: de.Weltkindertag, from: 2019}},
}

// oneOff are holidays that applied in a single year only.
var oneOff = []struct {
	states []Bundesland // nil = every state
	date   Date
	name   string
}{
	{nil, NewDate(2017, time.October, 31), "Reformationstag (500. Jahrestag)"},
	{[]Bundesland{"BE"}, NewDate(2020, time.May, 8), "Tag der Befreiung"},
	{[]Bundesland{"BE"}, NewDate(2025, time.May, 8), "Tag der Befreiung"},
}

// PublicHolidays lists the statutory public holidays of the state in the year, by date. Holidays
// that only some municipalities keep (Mariä Himmelfahrt in parts of Bavaria, Fronleichnam in parts
// of Saxony and Thuringia, the Augsburger Friedensfest) are not included.
func PublicHolidays(state Bundesland, year int) []PublicHoliday {
	seen := map[Date]bool{}
	var out []PublicHoliday
	add := func(d Date, name string) {
		if !seen[d] {
			seen[d] = true
			out = append(out, PublicHoliday{Date: d, Name: name})
		}
	}
	for _, list := range [][]stateHoliday{nationwide, regional[state]} {
		for _, sh := range list {
			if (sh.from != 0 && year < sh.from) || (sh.to != 0 && year > sh.to) {
				continue
			}
			actual, _ := sh.h.Calc(year)
			if actual.IsZero() {
				continue
			}
			add(NewDate(actual.Year(), actual.Month(), actual.Day()), sh.h.Name)
		}
	}
	for _, o := range oneOff {
		if o.date.Year() != year {
			continue
		}
		if o.states == nil || slices.Contains(o.states, state) {
			add(o.date, o.name)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Date.Before(out[b].Date.Time) })
	return out
}

// WeekdayHolidays counts the public holidays that fall on Monday to Friday.
func WeekdayHolidays(state Bundesland, year int) int {
	n := 0
	for _, h := range PublicHolidays(state, year) {
		if wd := h.Date.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// WeekdaysInYear counts Monday to Friday in the year.
func WeekdaysInYear(year int) int {
	n := 0
	for d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == year; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}
