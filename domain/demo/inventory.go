package demo

import (
	"math"
	"math/rand/v2"
	"strings"

	"schulit-lotse/domain"
)

// Steps 1–4: the schools of the district, the inventory of tasks with their needs, the
// packages on the board and the coverage decided for each task.

// Id ranges of the entities with ids of their own (tickets, calls and answers count from 1).
const (
	idPackages   = 1000
	idPayGroups  = 2000
	idDecisions  = 2100
	idSLAs       = 3000
	idHolidays   = 3100
	idCriteria   = 3200
	idBids       = 3300
	idMilestones = 4000
	idRoles      = 4100
	idActivities = 4200
	idComm       = 4400
	idEscalation = 4500
	idMeetings   = 4600
	idJourFixes  = 5000
	idMeasures   = 5100
	idChecks     = 5300
	idPersons    = 5400
)

func (g *gen) inventory() {
	g.makeSchools()
	g.makePeople()
	g.makePackages()
	g.makeTasks()
	g.arrangeBoard()
	g.decideCoverage()
}

// kindPlural is how a task names all schools of a kind ("die Grundschulen").
var kindPlural = map[string]string{
	"gs": "Grundschulen", "obs": "Oberschulen", "gym": "Gymnasien", "igs": "Gesamtschulen",
	"foe": "Förderschulen", "bbs": "Berufsbildenden Schulen", "rs": "Realschulen",
}

// makePlaces returns n town names, the district's seat Hohenmoor first.
func makePlaces(r *rand.Rand, n int) []string {
	out := []string{"Hohenmoor"}
	seen := map[string]bool{"Hohenmoor": true}
	for len(out) < n {
		name := placeRoots[r.IntN(len(placeRoots))] + placeSuffixes[r.IntN(len(placeSuffixes))]
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// kindCounts splits n schools over the kinds by their shares (largest remainder).
func kindCounts(n int) []int {
	counts := make([]int, len(schoolKinds))
	rem := make([]float64, len(schoolKinds))
	sum := 0
	for i, k := range schoolKinds {
		x := k.share * float64(n)
		counts[i] = int(x)
		rem[i] = x - float64(counts[i])
		sum += counts[i]
	}
	for sum < n {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		counts[best]++
		rem[best] = -1
		sum++
	}
	return counts
}

func (g *gen) makeSchools() {
	r := g.rng(partSchools)
	n := g.sizes.Schools
	places := makePlaces(r, max(4, n/3))
	// Secondary schools stand in the larger towns: the first third of the places.
	big := max(1, len(places)/3)
	seen := map[string]bool{}
	nextPlace := 0
	for ki, count := range kindCounts(n) {
		k := &schoolKinds[ki]
		for i := 0; i < count; i++ {
			var place string
			if k.key == "gs" || k.key == "foe" {
				place = places[nextPlace%len(places)]
				nextPlace++
			} else {
				place = places[r.IntN(big)]
			}
			name := k.name + " " + place
			for try := 0; seen[name]; try++ {
				patron := k.patrons[(i+try)%len(k.patrons)]
				switch {
				case k.suffix == "":
					name = patron + " " + place
				case strings.HasPrefix(patron, "Am ") || strings.HasPrefix(patron, "An "):
					name = k.name + " " + patron + " " + place
				case strings.HasSuffix(patron, "schule") || strings.HasSuffix(patron, "gymnasium"):
					name = patron + " " + place
				default:
					name = patron + "-" + k.suffix + " " + place
				}
				if try >= len(k.patrons) {
					name += " " + []string{"II", "III", "IV", "V"}[min(try/len(k.patrons)-1, 3)]
				}
			}
			seen[name] = true
			idx := indexOf(places, place)
			g.schools = append(g.schools, school{name: name, kind: k, place: place, region: regions[idx%4],
				size: k.size * (0.7 + 0.6*r.Float64())})
		}
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// makePeople draws the named people: the Schul-IT team first, then others the project needs.
func (g *gen) makePeople() {
	r := g.rng(partPeople)
	seen := map[string]bool{}
	for len(g.people) < 60 {
		p := person{firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]}
		if !seen[p.String()] {
			seen[p.String()] = true
			g.people = append(g.people, p)
		}
	}
}

// teamMember is the name under which a member of the Schul-IT team appears in the inventory.
func (g *gen) teamMember(i int) string {
	return g.people[i%teamSize].String() + " (Schul-IT)"
}

func (g *gen) makePackages() {
	n := min(g.sizes.Packages, len(areas))
	g.areas = areas[:n]
	for i, a := range g.areas {
		id := int64(idPackages + 1 + i)
		g.pkgByArea[a.key] = id
		g.p.Packages = append(g.p.Packages, domain.Package{ID: id, Name: a.name, Color: domain.PackageColors[i%len(domain.PackageColors)],
			TargetState: a.target, Criteria: a.criteria, Width: domain.DefaultPackageWidth, Height: domain.DefaultPackageHeight,
			ExternalHourlyRate: a.hourly, ExternalMonthlyFee: a.monthly, SortOrder: i + 1})
	}
}

// occurrence is one task as the area's templates produce it.
type occurrence struct {
	area   int
	tpl    taskTemplate
	name   string
	school *school
}

// occurrences lists an area's tasks in the order they are taken: district-wide first, then per
// kind of school and region, then per school (the schools in an order of the area's own).
func (g *gen) occurrences(ai int) []occurrence {
	a := g.areas[ai]
	var out []occurrence
	var perSchool []taskTemplate
	kinds := map[string]bool{}
	for _, s := range g.schools {
		kinds[s.kind.key] = true
	}
	for _, t := range a.tasks {
		switch t.scope {
		case scopeAll:
			out = append(out, occurrence{area: ai, tpl: t, name: t.name})
		case scopeKind:
			for _, k := range schoolKinds {
				if kinds[k.key] {
					out = append(out, occurrence{area: ai, tpl: t, name: strings.ReplaceAll(t.name, "{X}", kindPlural[k.key])})
				}
			}
		case scopeRegion:
			for _, reg := range regions[:4] {
				out = append(out, occurrence{area: ai, tpl: t, name: strings.ReplaceAll(t.name, "{X}", "Schulen der Region "+reg)})
			}
		case scopeSchool:
			perSchool = append(perSchool, t)
		}
	}
	region := ""
	if strings.HasPrefix(a.key, "onsite_") {
		region = strings.TrimPrefix(a.name, "Vor-Ort-Support Region ")
	}
	// (k*7 + c) mod n visits every school once when n is not a multiple of 7.
	n := len(g.schools)
	for k := 0; k < n; k++ {
		s := &g.schools[(k*7+ai*13)%n]
		if region != "" && s.region != region {
			continue
		}
		for _, t := range perSchool {
			out = append(out, occurrence{area: ai, tpl: t, name: strings.ReplaceAll(t.name, "{X}", s.name), school: s})
		}
	}
	return out
}

func (g *gen) makeTasks() {
	r := g.rng(partTasks)
	lists := make([][]occurrence, len(g.areas))
	for i := range g.areas {
		lists[i] = g.occurrences(i)
	}
	// Round robin over the areas, so the packages fill evenly until their templates run out.
	var picked []occurrence
	seen := map[string]bool{}
	for next := make([]int, len(lists)); len(picked) < g.sizes.Tasks; {
		progress := false
		for i := range lists {
			for next[i] < len(lists[i]) && len(picked) < g.sizes.Tasks {
				o := lists[i][next[i]]
				next[i]++
				if seen[o.name] {
					continue // a school visited twice (n a multiple of 7)
				}
				seen[o.name] = true
				picked = append(picked, o)
				progress = true
				break
			}
		}
		if !progress {
			break
		}
	}
	unitWeights := []float64{0.6, 0.2, 0.1, 0.1}
	rankWeights := []float64{0.1, 0.2, 0.35, 0.25, 0.1}
	for i, o := range picked {
		a := g.areas[o.area]
		t := domain.Task{ID: int64(i + 1), Name: o.name, SortOrder: i + 1}
		// Who does it today.
		switch who := a.resp[r.IntN(len(a.resp))]; who {
		case "team":
			t.Responsible = g.teamMember(o.area + r.IntN(2)*5)
		default:
			t.Responsible = who
		}
		// Effort: the template's hours, larger schools need more, with a spread.
		h := o.tpl.hours * math.Exp(0.35*r.NormFloat64())
		if o.school != nil {
			h *= math.Sqrt(o.school.size)
		}
		unit := domain.EffortUnits[weighted(r, unitWeights)]
		e := domain.FromHoursPerMonth(h, unit, g.p.Settings.HoursPerPersonDay)
		step := 0.5
		if unit == domain.PersonDaysPerMonth || unit == domain.HoursPerWeek {
			step = 0.25
		}
		e.Value = math.Max(step, math.Round(e.Value/step)*step)
		t.Effort = &e
		t.Priority = domain.Priority{Rank: 1 + weighted(r, rankWeights)}
		t.Critical = a.critical && o.tpl.scope == scopeAll || r.Float64() < 0.03
		if r.Float64() < 0.25 {
			t.Note = taskNotes[r.IntN(len(taskNotes))]
		}
		// Some future tasks (neu), and the gaps an inventory always has.
		switch x := r.Float64(); {
		case x < 0.06:
			t.IsNew = true
			t.Name = "Neu: " + t.Name
			vf := domain.NewDate(2023, 8, 1)
			if r.IntN(2) == 0 {
				vf = domain.NewDate(2024, 2, 1)
			}
			t.ValidFrom = &vf
			if r.IntN(2) == 0 {
				t.Responsible = respOpen
			}
		case x < 0.08:
			t.Responsible = respOpen
		case x < 0.095:
			t.Effort = nil
		case x < 0.12:
			t.Priority = domain.Priority{}
		}
		if r.Float64() >= 0.02 { // a few cards still lie on the pile
			id := g.pkgByArea[a.key]
			t.PackageID = &id
		}
		g.p.Tasks = append(g.p.Tasks, t)
	}
}

// arrangeBoard widens each package for its cards and tidies the board as "Aufräumen" does.
func (g *gen) arrangeBoard() {
	members := map[int64]int{}
	for _, t := range g.p.Tasks {
		if t.PackageID != nil {
			members[*t.PackageID]++
		}
	}
	for i := range g.p.Packages {
		pk := &g.p.Packages[i]
		cols := 2
		switch n := members[pk.ID]; {
		case n > 18:
			cols = 4
		case n > 8:
			cols = 3
		}
		pk.Width = float64(cols)*domain.CardWidth + float64(cols-1)*domain.CardGap + 2*domain.PackagePadding
	}
	c := domain.ArrangeBoard(g.p, 1.6)
	for _, t := range c.Tasks {
		g.p.Tasks[g.p.TaskIndex(t.ID)] = t
	}
	for _, pk := range c.Packages {
		*g.p.PackageByID(pk.ID) = pk
	}
}

// decideCoverage applies step 4: what the provider takes follows the package's decision.
func (g *gen) decideCoverage() {
	r := g.rng(partTasks + 100)
	areaOf := map[int64]area{}
	for _, a := range g.areas {
		areaOf[g.pkgByArea[a.key]] = a
	}
	for i := range g.p.Tasks {
		t := g.p.Tasks[i]
		outcome := domain.OutcomeOpen
		if t.PackageID != nil {
			outcome = areaOf[*t.PackageID].outcome
		}
		has := domain.HasResponsible(t.Responsible)
		var c domain.Coverage
		to := ""
		switch outcome {
		case domain.OutcomeExternal:
			c, to = domain.CoverageChange, domain.ExternalProvider
		case domain.OutcomeInternal:
			c = domain.CoverageKeep
			if !has || r.Float64() < 0.1 {
				c, to = domain.CoverageChange, g.teamMember(i)
			}
		case domain.OutcomeMixed:
			c = domain.CoverageKeep
			if r.IntN(2) == 0 {
				c, to = domain.CoverageChange, domain.ExternalProvider
			}
		default:
			if r.Float64() < 0.7 {
				c = domain.CoverageKeep
			}
		}
		if !has && c != domain.CoverageUnset {
			c = domain.CoverageAssign
			if to == "" {
				to = g.teamMember(i)
			}
		}
		if c == domain.CoverageChange && domain.NormalizedName(to) == domain.NormalizedName(t.Responsible) {
			c, to = domain.CoverageKeep, ""
		}
		nt, err := domain.SetCoverage(t, c, to)
		if err != nil {
			panic("demo: coverage of " + t.Name + ": " + err.Error()) // a bug of this file
		}
		g.p.Tasks[i] = nt
	}
	w := domain.WorkloadSettings{}
	for i := 0; i < teamSize; i++ {
		w = w.WithLimit(g.teamMember(i), 120)
	}
	w = w.WithLimit(respTeacher, 160)
	g.p.Config[domain.ConfigWorkload] = w.JSON()
}
