package domain

import (
	"regexp"
	"strings"
	"unicode"
)

// A copy of a project that leaves the office ("Kopie zum Versenden") may leave out the raw
// monitoring data and may replace people's names by the roles they hold. The rules live here;
// persistence applies them to the copy, never to the original.

// ShareLabels are the words that stand in for names; the caller translates them.
type ShareLabels struct {
	// Person names the n-th person (0-based) whom no role of step 11 lists, e.g. "Person A".
	Person func(n int) string
	// Deputy names the deputy of a role, e.g. "Vertretung: IT-Koordination".
	Deputy func(role string) string
}

// Letters counts like spreadsheet columns: 0 = "A", 25 = "Z", 26 = "AA".
func Letters(n int) string {
	s := ""
	for n >= 0 {
		s = string(rune('A'+n%26)) + s
		n = n/26 - 1
	}
	return s
}

// DropMonitoringData removes the imported raw data of step 12: tickets, calls and survey
// answers. The Jour-fixe minutes keep their frozen KPI snapshots.
func DropMonitoringData(p *Project) {
	p.Tickets, p.Calls, p.SurveyAnswers = nil, nil, nil
}

// Anonymize replaces people's names in p by roles: a name that a role of step 11 lists becomes
// that role's name (a deputy "Vertretung: role"), any other name a neutral label ("Person A"),
// the same name always the same label. Fields that always hold a person (kickoff participants,
// the provider's contacts) are replaced whatever they say; in fields that hold a person or a
// group (responsible, owner, decided by) an entry is replaced when a role lists it or when it
// looks like a person's name (LooksLikePerson), so "Schulsekretariat" stays. Role names, the
// external provider and the placeholder "noch nicht definiert" stay. A role's persons, deputy
// and contact are cleared. Names inside longer entries ("Jens Wübbena (Nordlicht)") and in the
// frozen KPI copies of Jour fixes are replaced as well, in person fields and in free texts
// (notes, agendas, minutes), and so are their surnames on their own (share_names.go). It
// returns how many distinct names were replaced.
func Anonymize(p *Project, l ShareLabels) int {
	a := newAnonymizer(p, l)
	names := a.collectNames(p)
	for i := range p.Tasks {
		t := &p.Tasks[i]
		t.Responsible = a.list(t.Responsible)
		t.NewResponsible = a.list(t.NewResponsible)
	}
	for i := range p.Kickoff.Participants {
		pt := &p.Kickoff.Participants[i]
		if strings.TrimSpace(pt.Role) != "" && HasResponsible(pt.Name) {
			key := NormalizedName(pt.Name)
			a.names[key], a.replaced[key] = pt.Role, true
			pt.Name = pt.Role
		} else {
			pt.Name = a.person(pt.Name)
		}
	}
	for i := range p.Milestones {
		p.Milestones[i].Owner = a.list(p.Milestones[i].Owner)
	}
	for _, l := range p.AttendeeLists() {
		as := l.Attendees
		for i := range as {
			as[i].Guest = a.one(as[i].Guest)
		}
	}
	for i := range p.Persons {
		x := &p.Persons[i]
		x.Name, x.Contact = a.person(x.Name), ""
	}
	for i := range p.KnowledgeChecks {
		p.KnowledgeChecks[i].ReviewedBy = a.list(p.KnowledgeChecks[i].ReviewedBy)
	}
	for i := range p.Decisions {
		p.Decisions[i].DecidedBy = a.list(p.Decisions[i].DecidedBy)
	}
	for i := range p.Roles {
		p.Roles[i].Persons, p.Roles[i].Deputy, p.Roles[i].Contact = "", "", ""
	}
	p.Contract.ProviderContact = ""
	for i := range p.Contract.Contacts {
		c := &p.Contract.Contacts[i]
		if strings.TrimSpace(c.Role) != "" {
			c.Name = c.Role
		} else {
			c.Name = a.person(c.Name)
		}
		c.Phone, c.Email = "", ""
	}
	a.replacer(names).scrub(p)
	return len(a.replaced)
}

type anonymizer struct {
	labels   ShareLabels
	keep     map[string]bool   // role names: not a person
	names    map[string]string // normalized person name → what stands in for it
	next     int
	replaced map[string]bool // normalized names that were replaced
}

func newAnonymizer(p *Project, l ShareLabels) *anonymizer {
	if l.Person == nil {
		l.Person = func(n int) string { return "Person " + Letters(n) }
	}
	if l.Deputy == nil {
		l.Deputy = func(role string) string { return "Vertretung: " + role }
	}
	a := &anonymizer{labels: l, keep: map[string]bool{}, names: map[string]string{}, replaced: map[string]bool{}}
	for _, r := range p.Roles {
		if strings.TrimSpace(r.Name) != "" {
			a.keep[NormalizedName(r.Name)] = true
		}
	}
	for _, r := range p.Roles {
		if strings.TrimSpace(r.Name) == "" {
			continue
		}
		for _, person := range splitPeople(r.Persons) {
			a.names[NormalizedName(person)] = r.Name
		}
		for _, person := range splitPeople(r.Deputy) {
			if _, ok := a.names[NormalizedName(person)]; !ok {
				a.names[NormalizedName(person)] = l.Deputy(r.Name)
			}
		}
	}
	// A person of step 11 stands in as the first role they hold; the others get a label. Two
	// persons of one role are numbered, so the copy's persons keep distinct names.
	used := map[string]int{}
	for _, x := range p.Persons {
		key := NormalizedName(x.Name)
		if _, ok := a.names[key]; !ok && len(x.RoleIDs) > 0 {
			if r := p.RoleByID(x.RoleIDs[0]); r != nil && strings.TrimSpace(r.Name) != "" {
				a.names[key] = r.Name
			}
		}
		if stand, ok := a.names[key]; ok {
			used[personKey(stand)]++
			if n := used[personKey(stand)]; n > 1 {
				a.names[key] = stand + " (" + itoa(n) + ")"
			}
		}
	}
	return a
}

// splitPeople splits "Frau Schulz, Herr Meier und Frau Yilmaz" into its names.
func splitPeople(s string) []string {
	s = strings.NewReplacer(";", ",", "\n", ",", " und ", ",", " & ", ",").Replace(s)
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// list replaces every name of a list and keeps the list's order; a single entry keeps its form.
func (a *anonymizer) list(s string) string {
	people := splitPeople(s)
	if len(people) <= 1 {
		return a.one(s)
	}
	out := make([]string, 0, len(people))
	seen := map[string]bool{}
	for _, person := range people {
		r := a.one(person)
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return strings.Join(out, ", ")
}

// one replaces an entry that may name a person or a group.
func (a *anonymizer) one(s string) string {
	name := strings.TrimSpace(s)
	key := NormalizedName(name)
	if _, known := a.names[key]; !known && !LooksLikePerson(name) {
		return s
	}
	return a.person(s)
}

// person replaces an entry that names a person.
func (a *anonymizer) person(s string) string {
	name := strings.TrimSpace(s)
	key := NormalizedName(name)
	if !HasResponsible(name) || IsExternalProvider(name) || a.keep[key] {
		return s
	}
	r, ok := a.names[key]
	if !ok {
		r = a.labels.Person(a.next)
		a.next++
		a.names[key] = r
	}
	a.replaced[key] = true
	return r
}

var (
	titled   = regexp.MustCompile(`^(?i)(herr|frau|hr\.|fr\.|dr\.|prof\.)\s`)
	initials = regexp.MustCompile(`^\p{Lu}\.\s?\p{Lu}`)
)

// groupWords mark an entry as a group, an office or an organisation rather than a person.
var groupWords = []string{"schul", "team", "leitung", "sekretariat", "verwaltung", "fachbereich", "amt", "lehr",
	"koordin", "dienst", "support", "abteilung", "stelle", "mitglied", "gruppe", "referat", "rektor", "hausmeist",
	"admin", "beauftrag", "kraft", "träger", "stadt", "kreis", "gemeinde", "service", "hotline", "firma", "gmbh",
	"zentrale", "büro", "kollegium", "personal", "rat", "ausschuss", "projekt", "extern", "intern", "medien", "technik"}

// LooksLikePerson tells a person's name ("Erika Muster", "Frau Schulz", "J. Weiß") from a group
// or an office ("Schulsekretariat", "Teammitglied Schul-IT", "Lehrkraft mit Entlastungsstunden"):
// a title or an initial makes a name; otherwise two to four capitalised words of letters, none of
// them a word that marks a group.
func LooksLikePerson(s string) bool {
	s = strings.TrimSpace(s)
	if titled.MatchString(s) || initials.MatchString(s) {
		return true
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' {
				return false
			}
		}
		lw := strings.ToLower(w)
		for _, g := range groupWords {
			if strings.Contains(lw, g) {
				return false
			}
		}
		if len(r) <= 3 && strings.ToUpper(w) == w { // IT, EDV, AG
			return false
		}
	}
	return true
}
