package persistence

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"schulit-lotse/domain"
)

// oldPeopleTexts reads the free text of people a version-6 file holds, keyed like "meeting 1".
func oldPeopleTexts(t *testing.T, path string) map[string]string {
	t.Helper()
	db := readOnlyDB(t, path)
	defer db.Close()
	out := map[string]string{}
	for _, c := range legacyPeopleText {
		rows, err := db.Query("SELECT id, " + c.column + " FROM " + c.table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var text string
			if err := rows.Scan(&id, &text); err != nil {
				t.Fatal(err)
			}
			out[string(c.of)+" "+strconv.FormatInt(id, 10)] = text
		}
		rows.Close()
	}
	return out
}

// words are the words of a text without the punctuation around them and without the words that
// only separated the names of a list ("und").
func words(s string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' && r != '-' && r != ':' })
		if w != "" && w != "und" {
			out[strings.ToLower(w)]++
		}
	}
	return out
}

func TestMigration7KeepsEveryName(t *testing.T) {
	orig := filepath.Join(versionsDir, "v6", "people.lotse")
	old := oldPeopleTexts(t, orig)
	cp, _ := placeCopy(t, orig)
	p := openAndLoad(t, cp)
	if _, err := os.Stat(cp + ".bak-v6"); err != nil {
		t.Errorf("no backup before migrating: %v", err)
	}

	// The roles list Anna Berger (role 2), Dr. Thomas Hahn (its deputy), Maren Ohlsen and Lars
	// Claassen (role 1, sharing its contact, so neither gets it). Roles are read in their order:
	// role 2 (sort order 1) first.
	if want := v6People(); !reflect.DeepEqual(p.Persons, want) {
		t.Fatalf("persons\n got %+v\nwant %+v", p.Persons, want)
	}
	checkPeopleOfV6(t, p, old)
}

// v6People are the persons the roles of v6/people.lotse name.
func v6People() []domain.Person {
	return []domain.Person{
		{ID: 1, Name: "Anna Berger", Party: domain.PartyCarrier, Contact: "0511 123", RoleIDs: []int64{2}, SortOrder: 1},
		{ID: 2, Name: "Dr. Thomas Hahn", Party: domain.PartyCarrier, RoleIDs: []int64{2}, SortOrder: 2},
		{ID: 3, Name: "Maren Ohlsen", Party: domain.PartyProvider, RoleIDs: []int64{1}, SortOrder: 3},
		{ID: 4, Name: "Lars Claassen", Party: domain.PartyProvider, RoleIDs: []int64{1}, SortOrder: 4},
	}
}

// An older JSON document is converted as the file is: the same persons, references and guests.
func TestOlderJSONImportsPeopleAlike(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(versionsDir, "v6", "people.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := v6People(); !reflect.DeepEqual(p.Persons, want) {
		t.Fatalf("persons\n got %+v\nwant %+v", p.Persons, want)
	}
	checkPeopleOfV6(t, p, oldPeopleTexts(t, filepath.Join(versionsDir, "v6", "people.lotse")))
}

// checkPeopleOfV6 compares the lists of v6/people.lotse, converted, with the old free text.
func checkPeopleOfV6(t *testing.T, p *domain.Project, old map[string]string) {
	t.Helper()
	// Every list written out: references where a person is named, the rest as guests.
	wantNames := map[string]string{
		"meeting 1":  "Anna Berger, Maren Ohlsen, Dr. Thomas Hahn (bei Bedarf)",
		"meeting 2":  "IT-Koordination, Serviceverantwortliche:r",
		"jourfixe 1": "Anna Berger (IT-Koordination), Maren Ohlsen (Schulträger), Jens Wübbena (Nordlicht), Petra Kaya (Service Desk Nordlicht)",
		"jourfixe 2": "Lars Claassen, Frau Schulz",
		"measure 1":  "Jens Wübbena (Nordlicht)",
		"measure 2":  "Maren Ohlsen",
	}
	refs := map[string]int{"meeting 1": 3, "meeting 2": 0, "jourfixe 1": 2, "jourfixe 2": 1, "measure 1": 0, "measure 2": 1}
	if len(old) != len(wantNames) {
		t.Fatalf("old texts %v", old)
	}
	for _, l := range p.AttendeeLists() {
		key := string(l.Of) + " " + strconv.FormatInt(l.ID, 10)
		got := p.AttendeeNames(l.Attendees)
		if got != wantNames[key] {
			t.Errorf("%s: %q, want %q", key, got, wantNames[key])
		}
		n := 0
		for _, a := range l.Attendees {
			if a.PersonID != nil {
				n++
			}
		}
		if n != refs[key] {
			t.Errorf("%s: %d references, want %d", key, n, refs[key])
		}
		// No name is lost: every word of the old text is still written.
		have := words(got)
		for w, c := range words(old[key]) {
			if have[w] < c {
				t.Errorf("%s: %q of %q is lost (%q)", key, w, old[key], got)
			}
		}
		delete(old, key)
	}
	if len(old) != 0 {
		t.Errorf("lists gone: %v", old)
	}
}
