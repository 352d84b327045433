package persistence

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/domain/demo"
)

// samplePeople collects every person's name that the sample's person fields hold, by a rule of
// this test's own: entries split at , ; ( ) "und", leading lowercase words and titles dropped,
// two or more capitalised words left that are no word of a role, an organisation, the provider or
// a task (groups such as "Teammitglied Schul-IT" are named after the work).
func samplePeople(p *domain.Project) []string {
	notPerson := map[string]bool{}
	addWords := func(s string) {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			notPerson[w] = true
		}
	}
	for _, r := range p.Roles {
		addWords(r.Name)
	}
	for _, pt := range p.Kickoff.Participants {
		addWords(pt.Organisation)
	}
	addWords(p.Contract.Provider)
	for _, t := range p.Tasks {
		addWords(t.Name + " " + t.Note)
	}
	for _, pk := range p.Packages {
		addWords(pk.Name)
	}
	addWords(domain.ExternalProvider)
	fields := []string{p.Contract.ProviderContact}
	for _, t := range p.Tasks {
		fields = append(fields, t.Responsible, t.NewResponsible)
	}
	for _, pt := range p.Kickoff.Participants {
		fields = append(fields, pt.Name)
	}
	for _, m := range p.Milestones {
		fields = append(fields, m.Owner)
	}
	for _, l := range p.AttendeeLists() {
		fields = append(fields, p.AttendeeNames(l.Attendees))
	}
	for _, x := range p.Persons {
		fields = append(fields, x.Name, x.Contact)
	}
	for _, k := range p.KnowledgeChecks {
		fields = append(fields, k.ReviewedBy)
	}
	for _, d := range p.Decisions {
		fields = append(fields, d.DecidedBy)
	}
	for _, r := range p.Roles {
		fields = append(fields, r.Persons, r.Deputy, r.Contact)
	}
	for _, c := range p.Contract.Contacts {
		fields = append(fields, c.Name)
	}
	split := regexp.MustCompile(`[,;()]| und `)
	seen := map[string]bool{}
	var out []string
	for _, f := range fields {
		for _, entry := range split.Split(f, -1) {
			// The name is what follows the last lowercase word or title: "bei Bedarf Dr. Thomas Hahn".
			words := strings.Fields(entry)
			for i := len(words) - 1; i >= 0; i-- {
				if unicode.IsLower([]rune(words[i])[0]) || strings.HasSuffix(words[i], ".") {
					words = words[i+1:]
					break
				}
			}
			if len(words) < 2 {
				continue
			}
			person := true
			for _, w := range words {
				group := strings.Contains(w, "-IT") || strings.Contains(w, "gruppe") || strings.Contains(w, "mitglied")
				if !unicode.IsUpper([]rune(w)[0]) || notPerson[w] || group {
					person = false
				}
			}
			if n := strings.Join(words, " "); person && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestAnonymizedSampleHoldsNoPersonName(t *testing.T) {
	p, err := ParseJSON(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	people := samplePeople(p)
	// The rule must find the sample's people, or the test proves nothing.
	for _, must := range []string{"Anna Berger", "Jens Wübbena", "Thomas Hahn", "Petra Kaya", "Maren Ohlsen", "Mehmet Yıldız", "Tim Eilers"} {
		if !contains(people, must) {
			t.Fatalf("the sample's people %q miss %s", people, must)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "Musterstadt.lotse")
	f, err := Create(path, p, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.Chtimes(path, fixedMtime, fixedMtime); err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(path)
	for _, opt := range []ShareOptions{{Anonymize: true}, {Anonymize: true, WithoutMonitoring: true}} {
		target := filepath.Join(dir, "Versand", "Kopie.lotse")
		os.MkdirAll(filepath.Dir(target), 0o755)
		res, err := f.WriteShareCopy(target, opt)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range people {
			words := strings.Fields(name)
			for _, s := range []string{name, words[len(words)-1]} {
				if bytes.Contains(b, []byte(s)) {
					t.Errorf("%+v: %q is still in the copy", opt, s)
				}
			}
		}
		if res.Replaced == 0 {
			t.Error("no name replaced")
		}
		// The copy is a valid project.
		if _, err := Validate(target); err != nil {
			t.Fatal(err)
		}
		loadFile(t, target)
		noTemps(t, filepath.Dir(target))
		os.RemoveAll(filepath.Dir(target))
	}
	assertUntouchedOpen(t, f, path, orig)
	t.Logf("%d people in the sample: %q", len(people), people)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The generated Landkreis-style project keys workload limits and pay groups by people's names.
func TestAnonymizedDemoHoldsNoPersonName(t *testing.T) {
	proj := demo.GenerateSizes(demo.Sizes{Schools: 12, Tasks: 60, Packages: 8, Roles: 10, Activities: 20,
		Tickets: 60, Calls: 80, Answers: 60, Months: 3}, demo.Options{Seed: 9})
	var people []string
	for _, pt := range proj.Kickoff.Participants {
		people = append(people, pt.Name)
	}
	if len(people) == 0 || len(proj.Resource.PayGroupOf) == 0 {
		t.Fatal("the project needs people and pay groups for this test")
	}
	f := newTestFile(t, "Landkreis.lotse", proj)
	target := filepath.Join(filepath.Dir(f.Path()), "Kopie.lotse")
	if _, err := f.WriteShareCopy(target, ShareOptions{Anonymize: true}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(target)
	for _, name := range people {
		if bytes.Contains(b, []byte(name)) {
			t.Errorf("%q is still in the copy", name)
		}
	}
	got := loadFile(t, target)
	if len(got.Resource.PayGroupOf) == 0 {
		t.Error("the pay groups were lost instead of renamed")
	}
}
