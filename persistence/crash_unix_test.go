//go:build !windows

package persistence

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"schulit-lotse/domain"
)

// The crash harness: a child process commits edits in a loop and reports each one on stdout only
// after the call returned nil; the parent kills it with SIGKILL at a random moment, then opens
// the file as a user would after a crash and checks that every reported edit is there.

const crashEnv = "LOTSE_CRASH_CHILD"

func init() { childModes[crashEnv] = crashChild }

// edit is one change the child makes, as it reports it: "try" before the call, "ok" after it
// returned nil.
type edit struct {
	Op       string           `json:"op"` // ins | upd | del | set | bulk
	Tasks    []domain.Task    `json:"tasks,omitempty"`
	DeleteID int64            `json:"deleteId,omitempty"`
	Settings *domain.Settings `json:"settings,omitempty"`
}

// childOpen opens and loads path in a child process; a failure is printed for the parent.
func childOpen(path string) (*File, *domain.Project, bool) {
	f, err := Open(path, OpenOptions{})
	if err == nil {
		var p *domain.Project
		if p, err = f.Load(); err == nil {
			return f, p, true
		}
	}
	fmt.Println("error", err)
	return nil, nil, false
}

func crashChild(path string) int {
	seed, _ := strconv.ParseInt(os.Getenv("LOTSE_CRASH_SEED"), 10, 64)
	r := rand.New(rand.NewSource(seed))
	f, p, ok := childOpen(path)
	if !ok {
		return 3
	}
	ids := make([]int64, 0, len(p.Tasks))
	byID := map[int64]domain.Task{}
	for _, t := range p.Tasks {
		ids = append(ids, t.ID)
		byID[t.ID] = t
	}
	settings := p.Settings
	out := bufio.NewWriter(os.Stdout)
	report := func(kind string, e edit) {
		b, _ := json.Marshal(e)
		out.WriteString(kind + " " + string(b) + "\n")
		out.Flush() // one write per line, straight into the pipe
	}
	report("ready", edit{})
	units := domain.EffortUnits
	for i := 0; ; i++ {
		var e edit
		var err error
		switch k := r.Intn(100); {
		case k < 40 || len(ids) == 0:
			t := domain.Task{Name: fmt.Sprintf("%s-%d", os.Getenv("LOTSE_CRASH_RUN"), i),
				Effort:   &domain.Effort{Value: float64(r.Intn(4000)) / 8, Unit: units[r.Intn(len(units))]},
				Priority: domain.Priority{Rank: r.Intn(6)}, Critical: r.Intn(2) == 0,
				Note: strings.Repeat("Notiz äöü ", r.Intn(400)), SortOrder: r.Intn(1000)}
			e = edit{Op: "ins", Tasks: []domain.Task{t}}
			report("try", e)
			err = f.SaveTask(&t)
			e.Tasks[0] = t
		case k < 70:
			t := byID[ids[r.Intn(len(ids))]]
			t.Effort = &domain.Effort{Value: float64(r.Intn(4000)) / 8, Unit: units[r.Intn(len(units))]}
			t.Critical = !t.Critical
			t.Priority.Rank = r.Intn(6)
			t.Note = strings.Repeat("geändert ", r.Intn(400))
			e = edit{Op: "upd", Tasks: []domain.Task{t}}
			report("try", e)
			err = f.SaveTask(&t)
		case k < 80:
			id := ids[r.Intn(len(ids))]
			e = edit{Op: "del", DeleteID: id}
			report("try", e)
			err = f.DeleteTask(id)
		case k < 90:
			settings.HoursPerPersonDay = float64(1+r.Intn(96)) / 4
			if r.Intn(2) == 0 {
				settings.PriorityMode = domain.PriorityRanking
			} else {
				settings.PriorityMode = domain.PriorityMustNice
			}
			p.Settings = settings
			e = edit{Op: "set", Settings: &settings}
			report("try", e)
			err = f.SaveProjectSettings(p)
		default:
			var ts []domain.Task
			for _, id := range ids {
				t := byID[id]
				t.SortOrder = r.Intn(1000)
				ts = append(ts, t)
			}
			e = edit{Op: "bulk", Tasks: ts}
			report("try", e)
			err = f.SaveTasks(ts)
		}
		if err != nil {
			fmt.Println("error", err)
			return 4
		}
		report("ok", e)
		for _, t := range e.Tasks {
			if _, ok := byID[t.ID]; !ok {
				ids = append(ids, t.ID)
			}
			byID[t.ID] = t
		}
		if e.Op == "del" {
			delete(byID, e.DeleteID)
			for j, id := range ids {
				if id == e.DeleteID {
					ids = append(ids[:j], ids[j+1:]...)
					break
				}
			}
		}
	}
}

// crashModel is what the parent knows is in the file.
type crashModel struct {
	tasks    map[int64]domain.Task
	settings domain.Settings
}

func (m crashModel) clone() crashModel {
	c := crashModel{tasks: make(map[int64]domain.Task, len(m.tasks)), settings: m.settings}
	for k, v := range m.tasks {
		c.tasks[k] = v
	}
	return c
}

func (m crashModel) apply(e edit) {
	for _, t := range e.Tasks {
		m.tasks[t.ID] = t
	}
	if e.Op == "del" {
		delete(m.tasks, e.DeleteID)
	}
}

func (m *crashModel) applySettings(e edit) {
	if e.Settings != nil {
		m.settings = *e.Settings
	}
}

// matches compares the model with the loaded project and names the first difference.
func (m crashModel) matches(p *domain.Project) string {
	if p.Settings != m.settings {
		return fmt.Sprintf("settings %+v, want %+v", p.Settings, m.settings)
	}
	if len(p.Tasks) != len(m.tasks) {
		return fmt.Sprintf("%d tasks, want %d", len(p.Tasks), len(m.tasks))
	}
	for _, t := range p.Tasks {
		w, ok := m.tasks[t.ID]
		if !ok {
			return fmt.Sprintf("task %d %q not expected", t.ID, t.Name)
		}
		if !reflect.DeepEqual(t, w) {
			return fmt.Sprintf("task %d is %.300s, want %.300s", t.ID, sprint(t), sprint(w))
		}
	}
	return ""
}

type childRun struct {
	cmd     *exec.Cmd
	ready   chan struct{}
	done    chan struct{}
	firstOK chan struct{} // closed at the first committed edit
	lines   []string
	errLine string
}

// startChild runs the test binary again in a child role.
func startChild(t *testing.T, env ...string) *childRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &childRun{cmd: cmd, ready: make(chan struct{}), done: make(chan struct{}), firstOK: make(chan struct{})}
	go func() {
		defer close(c.done)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		readySent, okSent := false, false
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "error") {
				c.errLine = line
			}
			c.lines = append(c.lines, line)
			if !readySent && strings.HasPrefix(line, "ready") {
				close(c.ready)
				readySent = true
			}
			if !okSent && strings.HasPrefix(line, "ok ") {
				close(c.firstOK)
				okSent = true
			}
		}
		if !readySent {
			close(c.ready)
		}
		if !okSent {
			close(c.firstOK)
		}
	}()
	return c
}

// fileState is a file's size, modification time and content hash ("absent" if it does not exist).
func fileState(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "absent"
	}
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d bytes, %s, sha256 %x", len(b), st.ModTime().Format(time.RFC3339Nano), sha256.Sum256(b))
}

func integrityCheck(t *testing.T, path string) {
	t.Helper()
	db := readOnlyDB(t, path)
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	var fk int
	if err := db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&fk); err != nil || fk != 0 {
		t.Fatalf("foreign_key_check: %d rows, %v", fk, err)
	}
}

func TestCrashHarness(t *testing.T) {
	const runs = 60
	seed := int64(testSeed(t, 20260314))
	r := rand.New(rand.NewSource(seed))

	path := filepath.Join(t.TempDir(), "Absturz Prüfung.lotse")
	start := domain.NewProject("Absturz", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	start.Tasks = []domain.Task{{Name: "Vorhanden", Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}, SortOrder: 1}}
	f, err := Create(path, start, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, f)
	f.Close()
	model := crashModel{tasks: map[int64]domain.Task{}, settings: p.Settings}
	for _, task := range p.Tasks {
		model.tasks[task.ID] = task
	}

	var committed, pendingSeen, pendingLanded, journals, hotJournals int
	for run := 0; run < runs; run++ {
		c := startChild(t, crashEnv+"="+path, "LOTSE_CRASH_SEED="+strconv.FormatInt(r.Int63(), 10), "LOTSE_CRASH_RUN=r"+strconv.Itoa(run))
		<-c.ready
		if c.errLine != "" {
			c.cmd.Wait()
			t.Fatalf("run %d: child: %s", run, c.errLine)
		}
		time.Sleep(time.Duration(r.Intn(40000)) * time.Microsecond)
		if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("run %d: kill: %v", run, err)
		}
		<-c.done
		c.cmd.Wait() // reap it: a zombie still answers kill(pid, 0)
		if c.errLine != "" {
			t.Fatalf("run %d: child: %s", run, c.errLine)
		}

		// What the child reported, in order; the last "try" without "ok" may or may not have landed.
		var pending *edit
		for _, line := range c.lines {
			kind, body, _ := strings.Cut(line, " ")
			var e edit
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				// The kill may cut a line in the middle; only the last line can be partial.
				continue
			}
			switch kind {
			case "try":
				pending = &e
			case "ok":
				model.apply(e)
				model.applySettings(e)
				committed++
				pending = nil
			}
		}

		// A colleague opening read-only right after the crash sees the last committed state and
		// leaves the file, its journal and the lock as they are.
		before, beforeJournal := fileState(t, path), fileState(t, path+"-journal")
		if hasHotJournal(path) {
			journals++
			if jb, _ := os.ReadFile(path + "-journal"); len(jb) > 0 && jb[0] != 0 {
				hotJournals++ // a synced header: SQLite must roll it back
			}
		}
		// `lotse check` validates the file as the next editor will see it, journal rolled back.
		if _, err := Validate(path); err != nil {
			t.Fatalf("run %d: Validate after the crash: %v", run, err)
		}
		roGot := loadFile(t, path)
		if after := fileState(t, path); after != before {
			t.Fatalf("run %d: read-only open changed the file: %s -> %s", run, before, after)
		}
		if after := fileState(t, path+"-journal"); after != beforeJournal {
			t.Fatalf("run %d: read-only open changed the journal: %s -> %s", run, beforeJournal, after)
		}
		_, err := Open(path, OpenOptions{})
		le, ok := IsLocked(err)
		if !ok {
			t.Fatalf("run %d: Open after the crash: %v, want the dead child's lock", run, err)
		}
		if !le.Stale || le.Info.PID != c.cmd.Process.Pid {
			t.Fatalf("run %d: lock %+v stale=%v, want the dead child's (pid %d) reported stale", run, le.Info, le.Stale, c.cmd.Process.Pid)
		}
		got := loadWith(t, path, OpenOptions{TakeOverLock: true})
		if _, err := Validate(path); err != nil {
			t.Fatalf("run %d: Validate: %v", run, err)
		}
		integrityCheck(t, path)
		// What may stay is a journal SQLite never considered hot (zeroed header: the crash came
		// before it was synced, the database was not yet written); the next commit replaces it.
		if jb, err := os.ReadFile(path + "-journal"); err == nil && len(jb) > 0 && jb[0] != 0 {
			t.Fatalf("run %d: a hot journal is still there after recovery", run)
		}
		if !reflect.DeepEqual(roGot, got) {
			t.Fatalf("run %d: the read-only view after the crash differs from the recovered file", run)
		}
		if diff := model.matches(got); diff != "" {
			if pending == nil {
				t.Fatalf("run %d: %s (no edit was in flight)", run, diff)
			}
			pendingSeen++
			with := model.clone()
			pe := *pending
			if pe.Op == "ins" { // its id was not reported: find the new row by its unique name
				for _, task := range got.Tasks {
					if task.Name == pe.Tasks[0].Name {
						pe.Tasks[0].ID = task.ID
					}
				}
			}
			with.apply(pe)
			with.applySettings(pe)
			if diff2 := with.matches(got); diff2 != "" {
				t.Fatalf("run %d: file matches neither the reported edits (%s) nor them plus the edit in flight (%s)", run, diff, diff2)
			}
			pendingLanded++
			model = with
		} else if pending != nil {
			pendingSeen++
		}
	}
	ids := make([]int64, 0, len(model.tasks))
	for id := range model.tasks {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	t.Logf("%d runs, %d reported edits, %d edits in flight at the kill (%d of them landed), %d journals left by the kill (%d hot), %d tasks at the end",
		runs, committed, pendingSeen, pendingLanded, journals, hotJournals, len(ids))
	if committed == 0 {
		t.Fatal("the child never reported an edit: the harness tests nothing")
	}
}
