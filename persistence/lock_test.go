package persistence

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/internal/clock"
	"schulit-lotse/internal/leftover/leftovertest"
)

const holdEnv = "LOTSE_HOLD_CHILD"

func init() { childModes[holdEnv] = holdChild }

// holdChild opens a project like a second editor, says "ready" and keeps it open until its
// stdin closes.
func holdChild(path string) int {
	f, err := Open(path, OpenOptions{})
	if err != nil {
		fmt.Println("error", err)
		return 3
	}
	fmt.Println("ready")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	f.Close()
	return 0
}

func newProjectFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := Create(path, fullProject(), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func expectedUser(t *testing.T) string {
	u, err := user.Current()
	if err != nil {
		return "?"
	}
	if u.Name != "" {
		return u.Name
	}
	return u.Username
}

func writeLock(t *testing.T, path string, info LockInfo) {
	t.Helper()
	if err := os.WriteFile(LockPath(path), []byte(info.encode()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLockPathBesideFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Schul-IT Planung Jürgen.lotse")
	if got, want := LockPath(path), filepath.Join(dir, ".~lock.Schul-IT Planung Jürgen.lotse#"); got != want {
		t.Fatalf("LockPath = %q, want %q", got, want)
	}
}

func TestSecondOpenReportsHolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Schul-IT Planung Jürgen.lotse")
	// The lock carries the time of the clock the file was opened with.
	at := time.Date(2026, 11, 2, 10, 30, 15, 0, time.UTC)
	first, err := Create(path, fullProject(), OpenOptions{Clock: clock.Fixed(at)})
	if err != nil {
		t.Fatal(err)
	}
	names, _ := readDir(dir)
	if want := []string{".~lock.Schul-IT Planung Jürgen.lotse#", "Schul-IT Planung Jürgen.lotse"}; strings.Join(names, "|") != strings.Join(want, "|") {
		t.Fatalf("directory holds %q, want %q", names, want)
	}

	_, err = Open(path, OpenOptions{})
	le, ok := IsLocked(err)
	if !ok {
		t.Fatalf("second Open: %v, want *LockedError", err)
	}
	host, _ := os.Hostname()
	if le.Info.User != expectedUser(t) || le.Info.Host != host || le.Info.PID != os.Getpid() {
		t.Fatalf("lock names %+v, want user %q host %q pid %d", le.Info, expectedUser(t), host, os.Getpid())
	}
	if !le.Info.Since.Equal(at) {
		t.Fatalf("lock since %v, want %v", le.Info.Since, at)
	}
	if le.Stale {
		t.Fatal("a lock held by a running editor is reported stale")
	}
	if le.Path != path || !strings.Contains(le.Error(), le.Info.User) || !strings.Contains(le.Error(), host) {
		t.Fatalf("error %q does not name path, user and host", le.Error())
	}

	// The second one can look: read-only works, writes are refused, the file and lock stay.
	lockBefore, _ := os.ReadFile(LockPath(path))
	fileBefore, _ := os.ReadFile(path)
	ro, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open beside an editor: %v", err)
	}
	if !ro.ReadOnly() {
		t.Fatal("ReadOnly() = false")
	}
	p := mustLoad(t, ro)
	if p.Meta.Name != fullProject().Meta.Name || len(p.Tasks) != len(fullProject().Tasks) {
		t.Fatalf("read-only view shows %q with %d tasks", p.Meta.Name, len(p.Tasks))
	}
	task := p.Tasks[0]
	task.Name = "geändert"
	newTask := domain.Task{Name: "neu"}
	p.Settings.HoursPerPersonDay = 6
	writes := map[string]error{
		"SaveTask (update)":   ro.SaveTask(&task),
		"SaveTask (insert)":   ro.SaveTask(&newTask),
		"SaveTasks":           ro.SaveTasks([]domain.Task{task}),
		"DeleteTask":          ro.DeleteTask(task.ID),
		"SaveProjectSettings": ro.SaveProjectSettings(p),
	}
	for name, err := range writes {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s on a read-only project: %v, want ErrReadOnly", name, err)
		}
	}
	if newTask.ID != 0 {
		t.Errorf("refused insert set the id to %d", newTask.ID)
	}
	ro.Close()
	if b, _ := os.ReadFile(path); !bytes.Equal(b, fileBefore) {
		t.Fatal("read-only session changed the file")
	}
	if b, _ := os.ReadFile(LockPath(path)); !bytes.Equal(b, lockBefore) {
		t.Fatal("read-only session changed or removed the editor's lock")
	}

	// Closing the editor removes the lock; then a normal open works.
	first.Close()
	if _, err := os.Stat(LockPath(path)); !os.IsNotExist(err) {
		t.Fatalf("lock still there after Close: %v", err)
	}
	f, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatalf("Open after the editor closed: %v", err)
	}
	f.Close()
}

// A second process holding the project is reported with its process id, not stale while it
// runs, stale once it is gone.
func TestLockHeldByAnotherProcess(t *testing.T) {
	path := newProjectFile(t, "geteilt.lotse")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child: %q", line)
	}
	_, err = Open(path, OpenOptions{})
	le, ok := IsLocked(err)
	if !ok || le.Info.PID != cmd.Process.Pid || le.Stale {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("Open while another process edits: %v (%+v), want a live lock of pid %d", err, le, cmd.Process.Pid)
	}
	ro, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("read-only Open while another process edits: %v", err)
	}
	ro.Close()
	// The other editor crashes: its lock stays and is now stale.
	cmd.Process.Kill()
	cmd.Wait()
	stdin.Close()
	_, err = Open(path, OpenOptions{})
	if le, ok := IsLocked(err); !ok || !le.Stale {
		t.Fatalf("Open after the other editor died: %v, want a stale lock", err)
	}
	f, err := Open(path, OpenOptions{TakeOverLock: true})
	if err != nil {
		t.Fatalf("taking over the stale lock: %v", err)
	}
	if info, ok := ReadLock(path); !ok || info.PID != os.Getpid() {
		t.Fatalf("lock after take-over: %+v %v, want this process", info, ok)
	}
	f.Close()
	if _, err := os.Stat(LockPath(path)); !os.IsNotExist(err) {
		t.Fatal("lock left after Close")
	}
}

func TestStaleLockOfDeadProcess(t *testing.T) {
	path := newProjectFile(t, "abgestürzt.lotse")
	host, _ := os.Hostname()
	since := time.Date(2026, 3, 1, 7, 45, 0, 0, time.UTC)
	dead := LockInfo{User: "Jürgen Weiß", Host: host, PID: leftovertest.FinishedPID(t), Since: since}
	writeLock(t, path, dead)

	_, err := Open(path, OpenOptions{})
	le, ok := IsLocked(err)
	if !ok {
		t.Fatalf("Open with a dead editor's lock: %v", err)
	}
	if !le.Stale || le.Info != dead {
		t.Fatalf("got %+v stale=%v, want %+v reported stale", le.Info, le.Stale, dead)
	}
	if got, _ := os.ReadFile(LockPath(path)); string(got) != dead.encode() {
		t.Fatal("a refused Open changed the lock")
	}
	f, err := Open(path, OpenOptions{TakeOverLock: true})
	if err != nil {
		t.Fatalf("take-over: %v", err)
	}
	if info, _ := ReadLock(path); info.PID != os.Getpid() || info.Host != host {
		t.Fatalf("lock after take-over names %+v", info)
	}
	f.Close()
	if _, err := os.Stat(LockPath(path)); !os.IsNotExist(err) {
		t.Fatal("lock left after Close")
	}
}

// On another machine nobody can tell whether the editor still runs: the lock is not stale, and
// taking it over is the user's decision.
func TestLockFromAnotherHostIsNotStale(t *testing.T) {
	path := newProjectFile(t, "fremd.lotse")
	other := LockInfo{User: "Kollegin", Host: "schulamt-pc-17", PID: leftovertest.FinishedPID(t), Since: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	writeLock(t, path, other)
	_, err := Open(path, OpenOptions{})
	le, ok := IsLocked(err)
	if !ok || le.Stale || le.Info != other {
		t.Fatalf("got %v (%+v), want a live lock of %+v", err, le, other)
	}
	ro, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only: %v", err)
	}
	ro.Close()
	if info, ok := ReadLock(path); !ok || info != other {
		t.Fatal("read-only open touched the other host's lock")
	}
	f, err := Open(path, OpenOptions{TakeOverLock: true})
	if err != nil {
		t.Fatalf("confirmed take-over: %v", err)
	}
	f.Close()
}

// A lock file that cannot be read names nobody; it is offered for take-over like a stale one.
func TestGarbledLockIsStale(t *testing.T) {
	path := newProjectFile(t, "kaputt.lotse")
	if err := os.WriteFile(LockPath(path), []byte("\x00\x01 nicht lesbar"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, OpenOptions{})
	if le, ok := IsLocked(err); !ok || !le.Stale {
		t.Fatalf("got %v, want a stale lock", err)
	}
}

// A refused file must not leave a lock behind, nor remove someone else's.
func TestRefusedOpenKeepsLocksAsTheyWere(t *testing.T) {
	path, _ := placeCopy(t, filepath.Join(refusedDir, "trigger.lotse"))
	if _, err := Open(path, OpenOptions{}); err == nil {
		t.Fatal("trigger file opened")
	}
	if _, err := os.Stat(LockPath(path)); !os.IsNotExist(err) {
		t.Fatal("refused open left a lock")
	}
	other := LockInfo{User: "Kollegin", Host: "schulamt-pc-17", PID: 4242, Since: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	writeLock(t, path, other)
	if _, err := Open(path, OpenOptions{TakeOverLock: true}); err == nil {
		t.Fatal("trigger file opened")
	}
	// The take-over only happens for a file that passed validation.
	if info, ok := ReadLock(path); !ok || info != other {
		t.Fatalf("refused open replaced the lock: %+v %v", info, ok)
	}
}
