package domain

import (
	"encoding/json"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// People's names also hide inside entries that are not a bare name: "Jens Wübbena (Nordlicht)",
// "bei Bedarf Dr. Thomas Hahn", "je Schule eine Lehrkraft (u. a. Petra Kaya, GS am Park)", and
// in the copies of measures that a Jour fixe froze with its KPIs. Anonymize therefore first
// collects every name that any person field holds and at the end replaces each of them wherever
// a person field or a frozen KPI copy still contains it.

// nameSpan finds candidates: an optional title, then two to four capitalised words (or an initial
// and a surname). LooksLikePerson decides whether a candidate is a person.
var nameSpan = regexp.MustCompile(`(?:(?:Herr|Frau|Hr\.|Fr\.|Dr\.|Prof\.)\s+)*(?:\p{Lu}\.\s?)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,3}`)

// namesIn returns the person names inside s.
func namesIn(s string) []string {
	var out []string
	for _, m := range nameSpan.FindAllString(s, -1) {
		words := strings.Fields(m)
		// The longest run of leading words that is a person: "Petra Kaya Service Desk" is not one,
		// "Petra Kaya" is.
		for n := len(words); n >= 2; n-- {
			cand := strings.Join(words[:n], " ")
			if LooksLikePerson(cand) {
				out = append(out, cand)
				break
			}
		}
	}
	return out
}

// personTexts are the fields that name people, as pointers so the scrub can rewrite them.
func personTexts(p *Project) []*string {
	var out []*string
	for i := range p.Tasks {
		out = append(out, &p.Tasks[i].Responsible, &p.Tasks[i].NewResponsible)
	}
	for i := range p.Kickoff.Participants {
		out = append(out, &p.Kickoff.Participants[i].Name)
	}
	for i := range p.Milestones {
		out = append(out, &p.Milestones[i].Owner)
	}
	for _, l := range p.AttendeeLists() {
		as := l.Attendees
		for i := range as {
			out = append(out, &as[i].Guest, &as[i].Note)
		}
	}
	for i := range p.Persons {
		out = append(out, &p.Persons[i].Name, &p.Persons[i].Contact)
	}
	for i := range p.KnowledgeChecks {
		out = append(out, &p.KnowledgeChecks[i].ReviewedBy)
	}
	for i := range p.Decisions {
		out = append(out, &p.Decisions[i].DecidedBy)
	}
	for i := range p.Roles {
		out = append(out, &p.Roles[i].Persons, &p.Roles[i].Deputy, &p.Roles[i].Contact)
	}
	out = append(out, &p.Contract.ProviderContact)
	for i := range p.Contract.Contacts {
		out = append(out, &p.Contract.Contacts[i].Name)
	}
	return out
}

// collectNames lists every person name the person fields (and the names that key step 4's
// workload limits and step 5's pay groups) hold before anything is replaced:
// whole entries of the fields that always name a person, and the names found inside all others.
func (a *anonymizer) collectNames(p *Project) []string {
	var out []string
	for _, pt := range p.Kickoff.Participants {
		out = append(out, strings.TrimSpace(pt.Name))
	}
	for _, c := range p.Contract.Contacts {
		out = append(out, strings.TrimSpace(c.Name))
	}
	for _, x := range p.Persons {
		out = append(out, strings.TrimSpace(x.Name))
	}
	texts := personTexts(p)
	var w WorkloadSettings
	if raw, ok := p.Config[ConfigWorkload]; ok && json.Unmarshal([]byte(raw), &w) == nil {
		for name := range w.Limits {
			name := name
			texts = append(texts, &name)
		}
	}
	for name := range p.Resource.PayGroupOf {
		name := name
		texts = append(texts, &name)
	}
	for _, s := range texts {
		for _, entry := range splitPeople(*s) {
			if _, ok := a.names[NormalizedName(entry)]; ok {
				out = append(out, entry)
			}
		}
		out = append(out, namesIn(*s)...)
	}
	var names []string
	seen := map[string]bool{}
	for _, n := range out {
		key := NormalizedName(n)
		if n == "" || seen[key] || a.keep[key] || !HasResponsible(n) || IsExternalProvider(n) {
			continue
		}
		seen[key] = true
		names = append(names, n)
	}
	return names
}

// nameReplacer replaces every collected name (longest first, ignoring case and spacing) by its
// stand-in; in JSON text the stand-in is escaped. A name gets its stand-in (and counts as
// replaced) only where it is found. After the names come their surnames on their own
// ("Rücksprache mit Hahn"), matched only capitalised as written, each standing for its name.
type nameReplacer struct {
	a     *anonymizer
	names []string // what is searched
	of    []string // the name whose stand-in replaces it
	res   []*regexp.Regexp
}

// minSurname is the shortest surname searched on its own; shorter ones ("Li") match too much.
const minSurname = 3

func (a *anonymizer) replacer(names []string) *nameReplacer {
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	r := &nameReplacer{a: a}
	bound := func(flags, pattern string) *regexp.Regexp {
		return regexp.MustCompile(flags + `(^|[^\p{L}\p{N}])(` + pattern + `)($|[^\p{L}\p{N}])`)
	}
	full := map[string]bool{}
	for _, n := range names {
		parts := strings.Fields(n)
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		r.names, r.of = append(r.names, n), append(r.of, n)
		r.res = append(r.res, bound("(?i)", strings.Join(parts, `\s+`)))
		full[NormalizedName(n)] = true
	}
	surnames := map[string]bool{}
	for _, n := range names {
		words := strings.Fields(n)
		last := words[len(words)-1]
		key := NormalizedName(last)
		if len(words) < 2 || utf8.RuneCountInString(last) < minSurname || strings.HasSuffix(last, ".") ||
			full[key] || a.keep[key] || surnames[key] {
			continue
		}
		surnames[key] = true
		r.names, r.of = append(r.names, last), append(r.of, n)
		r.res = append(r.res, bound("", regexp.QuoteMeta(last)))
	}
	return r
}

func (r *nameReplacer) replace(s string, jsonText bool) string {
	for i, re := range r.res {
		if !re.MatchString(s) {
			continue
		}
		label := r.a.person(r.of[i])
		if label == r.of[i] {
			continue
		}
		if jsonText {
			b, _ := json.Marshal(label)
			label = string(b[1 : len(b)-1])
		}
		repl := "${1}" + strings.ReplaceAll(label, "$", "$$") + "${3}"
		// Twice: a match consumes the character after a name, which may start the next one.
		for k := 0; k < 2 && re.MatchString(s); k++ {
			s = re.ReplaceAllString(s, repl)
		}
	}
	return s
}

// freeTexts are the notes, agendas and minutes, where people are named in passing.
func freeTexts(p *Project) []*string {
	return slices.Concat(
		[]*string{&p.Kickoff.Agenda, &p.Kickoff.Notes, &p.Kickoff.NextSteps},
		fieldOf(p.Tasks, func(t *Task) *string { return &t.Note }),
		fieldOf(p.Milestones, func(m *Milestone) *string { return &m.Note }),
		fieldOf(p.Meetings, func(m *Meeting) *string { return &m.Agenda }),
		fieldOf(p.JourFixes, func(j *JourFixe) *string { return &j.Notes }),
		fieldOf(p.Measures, func(m *Measure) *string { return &m.Text }),
		fieldOf(p.KnowledgeChecks, func(k *KnowledgeCheck) *string { return &k.Findings }),
	)
}

// fieldOf is one text field of every item, in list order.
func fieldOf[T any](items []T, field func(*T) *string) []*string {
	out := make([]*string, len(items))
	for i := range items {
		out[i] = field(&items[i])
	}
	return out
}

// scrub replaces the collected names (and their surnames) wherever a person field, a free
// text, a frozen KPI copy or a workload limit of step 4 (kept per responsible name) still
// holds one.
func (r *nameReplacer) scrub(p *Project) {
	for _, s := range append(personTexts(p), freeTexts(p)...) {
		*s = r.replace(*s, false)
	}
	for i := range p.JourFixes {
		p.JourFixes[i].FrozenKPIs = r.replace(p.JourFixes[i].FrozenKPIs, true)
	}
	r.scrubWorkload(p)
	if len(p.Resource.PayGroupOf) > 0 {
		// Step 5 prices each responsible entry's hours by pay group, keyed by the entry.
		names := make([]string, 0, len(p.Resource.PayGroupOf))
		for name := range p.Resource.PayGroupOf {
			names = append(names, name)
		}
		sort.Strings(names) // names that now share a stand-in keep the first one's group
		groups := make(map[string]int64, len(names))
		for _, name := range names {
			if n := r.replace(r.a.list(name), false); groups[n] == 0 {
				groups[n] = p.Resource.PayGroupOf[name]
			}
		}
		p.Resource.PayGroupOf = groups
	}
}

// scrubWorkload renames the workload limits as the responsible entries were renamed; names that
// now share a stand-in keep the highest limit.
func (r *nameReplacer) scrubWorkload(p *Project) {
	raw, ok := p.Config[ConfigWorkload]
	if !ok {
		return
	}
	var w WorkloadSettings
	if json.Unmarshal([]byte(raw), &w) != nil {
		// Unreadable settings count as none (WorkloadLimits); they may still hold names.
		delete(p.Config, ConfigWorkload)
		return
	}
	limits := make(map[string]float64, len(w.Limits))
	for name, v := range w.Limits {
		n := r.replace(r.a.list(name), false)
		if old, ok := limits[n]; !ok || v > old {
			limits[n] = v
		}
	}
	w.Limits = limits
	b, err := json.Marshal(w)
	if err != nil {
		delete(p.Config, ConfigWorkload)
		return
	}
	p.Config[ConfigWorkload] = string(b)
}
