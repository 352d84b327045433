//go:build !windows

package persistence

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/demo"
)

// The crash harness for the editor writes of steps 3–12. For each kind of write a child process
// opens the project, plans an edit on its copy of the project, reports the digest the file must
// have once the edit is committed ("try"), commits it, checks that the file now holds exactly
// that ("ok") and goes on; the parent kills it with SIGKILL at a random moment and then opens
// the file as the next user would: it must hold the last reported state, or the one in flight.

const (
	stepsCrashEnv = "LOTSE_CRASH_STEPS_CHILD"
	stepsOpEnv    = "LOTSE_CRASH_STEPS_OP"
	stepsSeedEnv  = "LOTSE_CRASH_STEPS_SEED"
)

func init() { childModes[stepsCrashEnv] = stepsCrashChild }

// stepState is what a child remembers between two edits (an undo it still owes).
type stepState struct {
	removal *PackageRemoval
	deleted []domain.Task
	seed    uint64
	n       int
	undo    *importUndo
}

// importUndo is an import the child will undo and redo: the project before and after it.
type importUndo struct {
	id            int64
	before, after *domain.Project
	undone        bool
}

// stepOp plans one edit of its kind on m: the project as the file must hold it afterwards and
// the write that makes it so (nil when there is nothing to do this time).
type stepOp func(r *rand.Rand, m *domain.Project, f *File, st *stepState) (*domain.Project, func() error)

var stepOps = []struct {
	name string
	op   stepOp
}{
	{"board", opBoard},
	{"package", opPackage},
	{"resources", opResources},
	{"award", opAward},
	{"raci", opRaci},
	{"structure", opStructure},
	{"tickets", opTickets},
	{"calls", opCalls},
	{"survey", opSurvey},
	{"undo", opUndo},
	{"minutes", opMinutes},
	{"config", opConfig},
	{"tasks", opTasks},
}

// projectDigest is a digest of everything the project holds, independent of the order of its
// lists and of the ids the file assigns to tickets, calls and answers.
func projectDigest(p *domain.Project) string {
	parts := projectParts(p)
	names := make([]string, 0, len(parts))
	for k := range parts {
		names = append(names, k)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, k := range names {
		h.Write([]byte(k + "=" + parts[k] + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}

// projectParts is the canonical text of each field of the project.
func projectParts(p *domain.Project) map[string]string {
	out := map[string]string{}
	v := reflect.ValueOf(p).Elem()
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.Slice:
			items := make([]string, f.Len())
			for j := 0; j < f.Len(); j++ {
				var x any
				switch e := f.Index(j).Interface().(type) {
				case domain.Ticket:
					e.ID = 0
					x = e
				case domain.Call:
					e.ID = 0
					x = e
				case domain.SurveyAnswer:
					e.ID = 0
					x = e
				default:
					x = e
				}
				b, _ := json.Marshal(x)
				items[j] = string(b)
			}
			slices.Sort(items)
			out[name] = strings.Join(items, "\n")
		case f.Kind() == reflect.Map && f.Len() == 0:
			out[name] = "{}"
		default:
			b, _ := json.Marshal(f.Interface())
			out[name] = string(b)
		}
	}
	return out
}

// firstDifference names the first field in which two projects differ, for the message.
func firstDifference(a, b *domain.Project) string {
	pa, pb := projectParts(a), projectParts(b)
	names := make([]string, 0, len(pa))
	for k := range pa {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if pa[k] != pb[k] {
			x, y := strings.Split(pa[k], "\n"), strings.Split(pb[k], "\n")
			for i := 0; i < len(x) || i < len(y); i++ {
				var s, t string
				if i < len(x) {
					s = x[i]
				}
				if i < len(y) {
					t = y[i]
				}
				if s != t {
					return fmt.Sprintf("%s: %.400s <> %.400s", k, s, t)
				}
			}
		}
	}
	return ""
}

func cloneProject(p *domain.Project) *domain.Project {
	b, err := json.Marshal(p)
	if err != nil {
		panic(err)
	}
	var c domain.Project
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	return &c
}

func stepsCrashChild(path string) int {
	kind := os.Getenv(stepsOpEnv)
	seed, _ := strconv.ParseUint(os.Getenv(stepsSeedEnv), 10, 64)
	r := rand.New(rand.NewPCG(seed, 7))
	var op stepOp
	for _, o := range stepOps {
		if o.name == kind {
			op = o.op
		}
	}
	if op == nil {
		fmt.Println("error unknown op", kind)
		return 3
	}
	f, m, ok := childOpen(path)
	if !ok {
		return 3
	}
	out := bufio.NewWriter(os.Stdout)
	report := func(kind, digest string) {
		out.WriteString(kind + " " + digest + "\n")
		out.Flush()
	}
	report("ready", projectDigest(m))
	st := &stepState{seed: seed}
	for {
		next, write := op(r, m, f, st)
		if write == nil {
			continue
		}
		want := projectDigest(next)
		report("try", want)
		if err := write(); err != nil {
			fmt.Println("error", kind, err)
			return 4
		}
		got, err := f.Load()
		if err != nil {
			fmt.Println("error", kind, err)
			return 4
		}
		if projectDigest(got) != want {
			fmt.Println("error", kind, "the file does not hold the planned edit:", firstDifference(got, next))
			return 5
		}
		report("ok", want)
		m = got
	}
}

func byID[T any](list []T, id int64, idOf func(T) int64) int {
	for i, x := range list {
		if idOf(x) == id {
			return i
		}
	}
	return -1
}

func taskID(t domain.Task) int64       { return t.ID }
func packageID(p domain.Package) int64 { return p.ID }

// applyBoard puts the changed tasks and packages into p.
func applyBoard(p *domain.Project, ch domain.BoardChange) {
	for _, t := range ch.Tasks {
		p.Tasks[byID(p.Tasks, t.ID, taskID)] = t
	}
	for _, pk := range ch.Packages {
		p.Packages[byID(p.Packages, pk.ID, packageID)] = pk
	}
}

// opBoard: a card moved into a package or onto the pile, or a package moved with its cards.
func opBoard(r *rand.Rand, m *domain.Project, f *File, _ *stepState) (*domain.Project, func() error) {
	if len(m.Tasks) == 0 || len(m.Packages) == 0 {
		return nil, nil
	}
	t := m.Tasks[r.IntN(len(m.Tasks))]
	pk := m.Packages[r.IntN(len(m.Packages))]
	var ch domain.BoardChange
	var err error
	switch r.IntN(4) {
	case 0:
		ch, err = domain.MoveToPile(m, []int64{t.ID})
	case 1:
		ch, err = domain.MovePackage(m, pk.ID, float64(r.IntN(81)-40), float64(r.IntN(81)-40))
	default:
		ch, err = domain.MoveToPackage(m, pk.ID, []int64{t.ID})
	}
	if err != nil || ch.Empty() {
		return nil, nil
	}
	next := cloneProject(m)
	applyBoard(next, ch)
	return next, func() error { return f.SaveBoard(ch.Tasks, ch.Packages) }
}

// opPackage: a package deleted (its cards to the pile, its decision gone, SLAs and tickets
// without it) and restored again, or a new package made from cards.
func opPackage(r *rand.Rand, m *domain.Project, f *File, st *stepState) (*domain.Project, func() error) {
	next := cloneProject(m)
	if rm := st.removal; rm != nil {
		st.removal = nil
		next.Packages = append(next.Packages, rm.Package)
		set := func(ids []int64, apply func(id int64)) {
			for _, id := range ids {
				apply(id)
			}
		}
		set(rm.Tasks, func(id int64) { next.Tasks[byID(next.Tasks, id, taskID)].PackageID = int64Ref(rm.Package.ID) })
		set(rm.SLAs, func(id int64) {
			next.SLAs[byID(next.SLAs, id, func(s domain.SLA) int64 { return s.ID })].PackageID = int64Ref(rm.Package.ID)
		})
		set(rm.Tickets, func(id int64) {
			next.Tickets[byID(next.Tickets, id, func(t domain.Ticket) int64 { return t.ID })].PackageID = int64Ref(rm.Package.ID)
		})
		next.Decisions = append(next.Decisions, rm.Decisions...)
		return next, func() error { return f.RestorePackage(*rm) }
	}
	if len(m.Packages) <= 3 {
		id := int64(1)
		for _, pk := range m.Packages {
			id = max(id, pk.ID+1)
		}
		pk := domain.Package{ID: id, Name: fmt.Sprintf("Neues Paket %d", id), Color: "#2e7d32",
			Width: domain.DefaultPackageWidth, Height: domain.DefaultPackageHeight, SortOrder: int(id)}
		var cards []domain.Task
		for k := 0; k < 3 && len(m.Tasks) > 0; k++ {
			t := m.Tasks[r.IntN(len(m.Tasks))]
			if byID(cards, t.ID, taskID) < 0 {
				cards = append(cards, t)
			}
		}
		next.Packages = append(next.Packages, pk)
		for _, t := range cards {
			next.Tasks[byID(next.Tasks, t.ID, taskID)].PackageID = int64Ref(id)
		}
		return next, func() error { return f.SavePackage(&pk, cards) }
	}
	pk := m.Packages[r.IntN(len(m.Packages))]
	rm := &PackageRemoval{Package: pk}
	for i, t := range m.Tasks {
		if t.PackageID != nil && *t.PackageID == pk.ID {
			rm.Tasks = append(rm.Tasks, t.ID)
			next.Tasks[i].PackageID = nil
		}
	}
	for i, s := range m.SLAs {
		if s.PackageID != nil && *s.PackageID == pk.ID {
			rm.SLAs = append(rm.SLAs, s.ID)
			next.SLAs[i].PackageID = nil
		}
	}
	for i, t := range m.Tickets {
		if t.PackageID != nil && *t.PackageID == pk.ID {
			rm.Tickets = append(rm.Tickets, t.ID)
			next.Tickets[i].PackageID = nil
		}
	}
	next.Decisions = next.Decisions[:0]
	for _, d := range m.Decisions {
		if d.PackageID == pk.ID {
			rm.Decisions = append(rm.Decisions, d)
		} else {
			next.Decisions = append(next.Decisions, d)
		}
	}
	next.Packages = slices.DeleteFunc(next.Packages, func(x domain.Package) bool { return x.ID == pk.ID })
	st.removal = rm
	return next, func() error { return f.DeletePackage(pk.ID, nil) }
}

func int64Ref(v int64) *int64 { return &v }

// opResources: the resource plan, a sourcing decision and a package's price in one edit.
func opResources(r *rand.Rand, m *domain.Project, f *File, _ *stepState) (*domain.Project, func() error) {
	next := cloneProject(m)
	plan := next.Resource
	plan.SickDays = float64(5 + r.IntN(15))
	plan.TravelPercent = float64(r.IntN(10))
	next.Resource = plan
	c := ResourceChange{Plan: &plan, State: m.Meta.Bundesland}
	if len(next.Decisions) > 0 {
		i := r.IntN(len(next.Decisions))
		d := next.Decisions[i]
		d.Rationale = fmt.Sprintf("Begründung %d nach der Sitzung", r.IntN(1_000_000))
		d.Outcome = []domain.SourcingOutcome{domain.OutcomeInternal, domain.OutcomeExternal, domain.OutcomeMixed}[r.IntN(3)]
		next.Decisions[i] = d
		c.PutDecisions = []domain.SourcingDecision{d}
	}
	if len(next.Packages) > 0 {
		i := r.IntN(len(next.Packages))
		pr := PackagePrice{PackageID: next.Packages[i].ID, HourlyRate: float64(60 + r.IntN(60))}
		next.Packages[i].ExternalHourlyRate, next.Packages[i].ExternalMonthlyFee = pr.HourlyRate, 0
		c.Prices = []PackagePrice{pr}
	}
	return next, func() error { return f.WriteResources(c) }
}

// opAward: an SLA edited, Ferien added or removed, the tender's range and a bid's price.
func opAward(r *rand.Rand, m *domain.Project, f *File, st *stepState) (*domain.Project, func() error) {
	next := cloneProject(m)
	c := &AwardChange{Criteria: next.Criteria}
	for i, s := range next.SLAs {
		if !s.FrozenForContract && r.IntN(2) == 0 {
			s.HotlineAnsweredPct = float64(80 + r.IntN(20))
			if len(s.Classes) > 0 {
				s.Classes[0].RestoreMinutes = (2 + r.IntN(6)) * 60
			}
			next.SLAs[i] = s
			c.PutSLAs = append(c.PutSLAs, s)
			break
		}
	}
	if r.IntN(2) == 0 || len(next.SchoolHolidays) == 0 {
		id := int64(1)
		for _, h := range next.SchoolHolidays {
			id = max(id, h.ID+1)
		}
		day := domain.NewDate(2024, time.Month(1+r.IntN(12)), 1+r.IntN(28))
		h := domain.SchoolHoliday{ID: id, Name: fmt.Sprintf("Beweglicher Ferientag %d", id), First: day, Last: day, Source: "Schule"}
		next.SchoolHolidays = append(next.SchoolHolidays, h)
		c.PutHolidays = []domain.SchoolHoliday{h}
	} else {
		i := r.IntN(len(next.SchoolHolidays))
		c.DeleteHolidays = []int64{next.SchoolHolidays[i].ID}
		next.SchoolHolidays = slices.Delete(next.SchoolHolidays, i, i+1)
	}
	t := next.Tender
	t.FluctuationPct = float64(r.IntN(11))
	next.Tender = t
	c.Tender = &t
	if len(next.Bids) > 0 {
		i := r.IntN(len(next.Bids))
		next.Bids[i].Price = float64(100_000 + r.IntN(200_000))
		c.PutBids = []domain.Bid{next.Bids[i]}
	}
	return next, func() error { return f.SaveAward(c) }
}

// opRaci: one click on a RACI cell (R → A → C → I → empty → R).
func opRaci(r *rand.Rand, m *domain.Project, f *File, _ *stepState) (*domain.Project, func() error) {
	if len(m.RaciActivities) == 0 || len(m.Roles) == 0 {
		return nil, nil
	}
	cell := domain.RaciCell{ActivityID: m.RaciActivities[r.IntN(len(m.RaciActivities))].ID, RoleID: m.Roles[r.IntN(len(m.Roles))].ID}
	letter := domain.NextRaciLetter(domain.IndexRaci(m.RaciAssignments)[cell])
	next := cloneProject(m)
	next.RaciAssignments = slices.DeleteFunc(next.RaciAssignments, func(a domain.RaciAssignment) bool {
		return a.ActivityID == cell.ActivityID && a.RoleID == cell.RoleID
	})
	var c StructureChange
	if letter == "" {
		c.DeleteAssignments = []domain.RaciCell{cell}
	} else {
		a := domain.RaciAssignment{ActivityID: cell.ActivityID, RoleID: cell.RoleID, Letter: letter}
		next.RaciAssignments = append(next.RaciAssignments, a)
		c.PutAssignments = []domain.RaciAssignment{a}
	}
	return next, func() error { return f.ApplyStructure(c) }
}

// opStructure: the kickoff's notes, a role's people, a milestone's state and a meeting rule.
func opStructure(r *rand.Rand, m *domain.Project, f *File, _ *stepState) (*domain.Project, func() error) {
	next := cloneProject(m)
	k := next.Kickoff
	k.Notes = fmt.Sprintf("Notiz %d: Übergabe der Zugänge verschoben.", r.IntN(1_000_000))
	next.Kickoff = k
	c := StructureChange{Kickoff: &k}
	if len(next.Roles) > 0 {
		i := r.IntN(len(next.Roles))
		next.Roles[i].Persons = fmt.Sprintf("Person %d", r.IntN(1000))
		c.PutRoles = []domain.Role{next.Roles[i]}
	}
	if len(next.Milestones) > 0 {
		i := r.IntN(len(next.Milestones))
		next.Milestones[i].Status = domain.MilestoneStatuses[r.IntN(len(domain.MilestoneStatuses))]
		c.PutMilestones = []domain.Milestone{next.Milestones[i]}
	}
	if r.IntN(2) == 0 {
		v := fmt.Sprintf(`{"crash":%d}`, r.IntN(1000))
		next.Config["step11.crash"] = v
		c.Config = &ConfigEntry{Key: "step11.crash", Value: v}
	}
	return next, func() error { return f.ApplyStructure(c) }
}

// opTickets: a ticket import: some tickets known by their external id change, some are new.
func opTickets(r *rand.Rand, m *domain.Project, f *File, st *stepState) (*domain.Project, func() error) {
	next := cloneProject(m)
	var ts []domain.Ticket
	seen := map[string]bool{}
	for k := 0; k < 1+r.IntN(30); k++ {
		if len(next.Tickets) > 0 && r.IntN(2) == 0 {
			i := r.IntN(len(next.Tickets))
			t := next.Tickets[i]
			if seen[t.ExternalID] {
				continue
			}
			t.Status = []string{"Geschlossen", "Gelöst", "In Bearbeitung", "Neu"}[r.IntN(4)]
			t.School = fmt.Sprintf("Schule %d", r.IntN(20))
			next.Tickets[i] = t
			ts = append(ts, t)
			seen[t.ExternalID] = true
			continue
		}
		st.n++
		created := time.Date(2023, 1, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(180*24*3600)) * time.Second)
		resp := created.Add(time.Duration(r.IntN(7200)) * time.Second)
		t := domain.Ticket{ExternalID: fmt.Sprintf("neu-%d-%d", st.seed, st.n), Created: created, FirstResponse: &resp,
			Priority: "P3", Category: "Netzwerk > WLAN", School: "Grundschule Nord", Status: "In Bearbeitung"}
		next.Tickets = append(next.Tickets, t)
		ts = append(ts, t)
		seen[t.ExternalID] = true
	}
	mapping := domain.TicketMapping{Format: []string{"glpi", "zammad", "otrs"}[r.IntN(3)], Priorities: map[string]string{"hoch": "P2"}}
	cfg := map[string]string{domain.ConfigTicketMapping: domain.ConfigJSON(mapping)}
	next.Config[domain.ConfigTicketMapping] = cfg[domain.ConfigTicketMapping]
	return next, func() error { _, err := f.UpsertTickets(ts, cfg, nil); return err }
}

// opUndo: an import of tickets or calls, then its undo, then its redo, in turn.
func opUndo(r *rand.Rand, m *domain.Project, f *File, st *stepState) (*domain.Project, func() error) {
	u := st.undo
	switch {
	case u == nil:
		op := opTickets
		if r.IntN(2) == 0 {
			op = opCalls
		}
		next, write := op(r, m, f, st)
		before := cloneProject(m)
		return next, func() error {
			if err := write(); err != nil {
				return err
			}
			var id int64
			if err := f.db.Raw("SELECT max(id) FROM imports").Row().Scan(&id); err != nil {
				return err
			}
			st.undo = &importUndo{id: id, before: before, after: cloneProject(next)}
			return nil
		}
	case !u.undone:
		return cloneProject(u.before), func() error {
			if err := f.UndoImport(u.id); err != nil {
				return err
			}
			u.undone = true
			return nil
		}
	}
	return cloneProject(u.after), func() error {
		if err := f.RedoImport(u.id); err != nil {
			return err
		}
		st.undo = nil
		return nil
	}
}

// opCalls: a call list re-imported for one day replaces that day's calls.
func opCalls(r *rand.Rand, m *domain.Project, f *File, _ *stepState) (*domain.Project, func() error) {
	day := time.Date(2023, time.Month(1+r.IntN(3)), 1+r.IntN(28), 0, 0, 0, 0, domain.Berlin)
	first, last := day, day.Add(24*time.Hour-time.Second)
	next := cloneProject(m)
	next.Calls = slices.DeleteFunc(next.Calls, func(c domain.Call) bool {
		return c.At.Unix() >= first.Unix() && c.At.Unix() <= last.Unix()
	})
	var cs []domain.Call
	for k := 0; k < r.IntN(15); k++ {
		c := domain.Call{At: day.Add(time.Duration(7*3600+r.IntN(9*3600)) * time.Second).UTC(), Answered: r.IntN(5) > 0,
			WaitSeconds: r.IntN(200), TalkSeconds: r.IntN(600)}
		cs = append(cs, c)
		next.Calls = append(next.Calls, c)
	}
	return next, func() error { _, err := f.ReplaceCallsBetween(first, last, cs, nil, nil); return err }
}

// opSurvey: a survey export re-imported for a span replaces the answers to its questions.
func opSurvey(r *rand.Rand, m *domain.Project, f *File, _ *stepState) (*domain.Project, func() error) {
	from := time.Date(2023, time.Month(1+r.IntN(4)), 1, 0, 0, 0, 0, domain.Berlin)
	first, last := from, from.AddDate(0, 1, 0).Add(-time.Second)
	questions := []string{"Q1"}
	next := cloneProject(m)
	next.SurveyAnswers = slices.DeleteFunc(next.SurveyAnswers, func(a domain.SurveyAnswer) bool {
		return a.At.Unix() >= first.Unix() && a.At.Unix() <= last.Unix() && a.Question == "Q1"
	})
	var as []domain.SurveyAnswer
	for k := 0; k < r.IntN(20); k++ {
		a := domain.SurveyAnswer{At: from.Add(time.Duration(r.IntN(20*24*3600)) * time.Second).UTC(), Question: "Q1",
			Score: 1 + r.IntN(5), School: "IGS Nord"}
		as = append(as, a)
		next.SurveyAnswers = append(next.SurveyAnswers, a)
	}
	cfg := map[string]string{domain.ConfigSurveyMapping: domain.ConfigJSON(domain.SurveyMapping{Questions: questions, Reverse: r.IntN(2) == 0})}
	next.Config[domain.ConfigSurveyMapping] = cfg[domain.ConfigSurveyMapping]
	return next, func() error { _, err := f.ReplaceAnswersBetween(first, last, questions, as, cfg, nil); return err }
}

// opMinutes: a Jour fixe with a measure, a measure's state, or a measure deleted.
func opMinutes(r *rand.Rand, m *domain.Project, f *File, _ *stepState) (*domain.Project, func() error) {
	next := cloneProject(m)
	var c MonitoringChange
	switch k := r.IntN(10); {
	case k < 5 || len(next.Measures) == 0:
		jid, mid := int64(1), int64(1)
		for _, j := range next.JourFixes {
			jid = max(jid, j.ID+1)
		}
		for _, x := range next.Measures {
			mid = max(mid, x.ID+1)
		}
		j := domain.JourFixe{ID: jid, Date: domain.NewDate(2024, time.Month(1+r.IntN(12)), 1+r.IntN(28)), Participants: []domain.Attendee{{Guest: "IT-Koordination"}},
			Notes: "Kennzahlen besprochen."}
		due := domain.Date{Time: j.Date.AddDate(0, 0, 14)}
		ms := domain.Measure{ID: mid, JourFixeID: int64Ref(jid), Text: "Rückmeldung an die Schulen", Owners: []domain.Attendee{{Guest: "Service Desk"}}, Due: &due,
			Status: domain.MeasureOpen}
		next.JourFixes = append(next.JourFixes, j)
		next.Measures = append(next.Measures, ms)
		c.PutJourFixes, c.PutMeasures = []domain.JourFixe{j}, []domain.Measure{ms}
	case k < 8:
		i := r.IntN(len(next.Measures))
		next.Measures[i].Status = domain.MeasureStatuses[r.IntN(len(domain.MeasureStatuses))]
		c.PutMeasures = []domain.Measure{next.Measures[i]}
	default:
		i := r.IntN(len(next.Measures))
		c.DeleteMeasures = []int64{next.Measures[i].ID}
		next.Measures = slices.Delete(next.Measures, i, i+1)
	}
	return next, func() error { return f.ApplyMonitoring(c) }
}

// opConfig: a configuration entry saved or removed.
func opConfig(r *rand.Rand, m *domain.Project, f *File, _ *stepState) (*domain.Project, func() error) {
	next := cloneProject(m)
	key := fmt.Sprintf("crash.view%d", r.IntN(4))
	if _, ok := next.Config[key]; ok && r.IntN(2) == 0 {
		delete(next.Config, key)
		return next, func() error { return f.DeleteConfig(key) }
	}
	v := fmt.Sprintf(`{"zoom":%d,"x":%d}`, r.IntN(400), r.IntN(10000))
	next.Config[key] = v
	return next, func() error { return f.SaveConfig(key, v) }
}

// opTasks: several tasks deleted in one commit (undo of an import) and put back again.
func opTasks(r *rand.Rand, m *domain.Project, f *File, st *stepState) (*domain.Project, func() error) {
	next := cloneProject(m)
	if st.deleted != nil {
		ts := st.deleted
		st.deleted = nil
		next.Tasks = append(next.Tasks, ts...)
		return next, func() error { return f.SaveTasks(ts) }
	}
	if len(m.Tasks) == 0 {
		return nil, nil
	}
	var ids []int64
	for k := 0; k < 1+r.IntN(3); k++ {
		t := m.Tasks[r.IntN(len(m.Tasks))]
		if !slices.Contains(ids, t.ID) {
			ids = append(ids, t.ID)
			st.deleted = append(st.deleted, t)
		}
	}
	next.Tasks = slices.DeleteFunc(next.Tasks, func(t domain.Task) bool { return slices.Contains(ids, t.ID) })
	return next, func() error { return f.DeleteTasks(ids) }
}

// killChild kills the child with SIGKILL and reaps it.
func killChild(t *testing.T, c *childRun) {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	<-c.done
	c.cmd.Wait()
}

// recoverFile opens the file after a crash as the next editor does (taking over the dead
// child's lock), checks it and returns its digest.
func recoverFile(t *testing.T, path string) (*domain.Project, string) {
	t.Helper()
	if _, err := Validate(path); err != nil {
		t.Fatalf("Validate after the crash: %v", err)
	}
	p := loadWith(t, path, OpenOptions{TakeOverLock: true})
	integrityCheck(t, path)
	return p, projectDigest(p)
}

// crashProject is a small demonstration project with every step filled in.
func crashProject(tickets, calls int) *domain.Project {
	return demo.GenerateSizes(demo.Sizes{Schools: 12, Tasks: 60, Packages: 8, Roles: 10, Activities: 20,
		Tickets: tickets, Calls: calls, Answers: 60, Months: 3}, demo.Options{Seed: 9})
}

func TestCrashHarnessSteps(t *testing.T) {
	const runsPerOp = 4
	seed := testSeed(t, 20261127)
	r := rand.New(rand.NewPCG(seed, 1))
	path := t.TempDir() + "/Absturz Schritte ä.lotse"
	current := projectDigest(createClosed(t, path, crashProject(120, 150)))
	for _, o := range stepOps {
		var committed, inFlight, landed int
		for run := 0; run < runsPerOp; run++ {
			c := startChild(t, stepsCrashEnv+"="+path, stepsOpEnv+"="+o.name, stepsSeedEnv+"="+strconv.FormatUint(r.Uint64(), 10))
			<-c.ready
			if run == runsPerOp-1 && committed == 0 {
				// On a loaded machine the random moments may all fall before the first commit;
				// the last run then waits for one, so every kind of write is really tested.
				select {
				case <-c.firstOK:
				case <-time.After(30 * time.Second):
				}
			}
			time.Sleep(time.Duration(r.IntN(100_000)) * time.Microsecond)
			killChild(t, c)
			if c.errLine != "" {
				t.Fatalf("%s run %d: child: %s", o.name, run, c.errLine)
			}
			okState, pending := "", ""
			for _, line := range c.lines {
				kind, digest, _ := strings.Cut(line, " ")
				if len(digest) != 24 {
					continue // cut by the kill
				}
				switch kind {
				case "ready":
					if digest != current {
						t.Fatalf("%s run %d: the child found %s, the last state was %s", o.name, run, digest, current)
					}
					okState = digest
				case "try":
					pending = digest
				case "ok":
					okState, pending = digest, ""
					committed++
				}
			}
			if okState == "" {
				t.Fatalf("%s run %d: the child never got ready: %q", o.name, run, c.lines)
			}
			_, got := recoverFile(t, path)
			switch {
			case got == okState:
				if pending != "" {
					inFlight++
				}
			case pending != "" && got == pending:
				inFlight++
				landed++
			default:
				t.Fatalf("%s run %d: the file (%s) holds neither the last committed edit (%s) nor the one in flight (%q)", o.name, run, got, okState, pending)
			}
			current = got
		}
		t.Logf("%-10s %3d edits committed, %d in flight at the kill (%d of them landed)", o.name, committed, inFlight, landed)
		if committed == 0 {
			t.Errorf("%s: the child never committed an edit: the harness tests nothing", o.name)
		}
	}
}
