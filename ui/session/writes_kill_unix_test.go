//go:build !windows

package session_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
)

// The kill harness: a child process edits through a background queue and says "saved N" only
// after Flush returned, i.e. once the status bar would show "gespeichert"; the parent kills it
// with SIGKILL while writes are still queued, then opens the file as a user would after a crash.

const killEnv = "LOTSE_QUEUE_KILL_CHILD"

// TestMain lets the test binary play the child when the harness starts it again.
func TestMain(m *testing.M) {
	if path := os.Getenv(killEnv); path != "" {
		os.Exit(killChild(path))
	}
	os.Exit(m.Run())
}

// killChild adds task i and then renames it "i fertig", forever, flushing after every fifth.
func killChild(path string) int {
	s, err := session.Open(path, persistence.OpenOptions{})
	if err != nil {
		fmt.Println("error", err)
		return 3
	}
	s.WriteIn(session.WriteBackground, nil)
	for i := 1; i < 100000; i++ {
		id, err := s.AddTask(domain.Task{Name: fmt.Sprintf("Aufgabe %d", i)})
		if err == nil {
			err = s.UpdateTask(id, "undo.edit_task", func(t *domain.Task) { t.Name += " fertig" })
		}
		if err != nil {
			fmt.Println("error", err)
			return 4
		}
		if i%5 == 0 {
			if err := s.Flush(); err != nil {
				fmt.Println("error", err)
				return 5
			}
			fmt.Printf("saved %d\n", i)
		}
	}
	return 0
}

func TestKilledQueueLosesNothingConfirmed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Absturz.lotse")
	s, err := session.Create(path, domain.NewProject("Absturz", testClock.Now()), persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), killEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	confirmed := 0
	lines := bufio.NewScanner(out)
	for confirmed < 40 && lines.Scan() {
		n, ok := strings.CutPrefix(lines.Text(), "saved ")
		if !ok {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child: %s", lines.Text())
		}
		confirmed, _ = strconv.Atoi(n)
	}
	// The child goes on queueing edits while it is killed.
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if confirmed < 40 {
		t.Fatalf("the child confirmed only %d edits", confirmed)
	}

	re, err := session.Open(path, persistence.OpenOptions{TakeOverLock: true})
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	defer re.Close()
	tasks := re.Project.Tasks
	if len(tasks) < confirmed {
		t.Fatalf("the file has %d tasks, %d were confirmed", len(tasks), confirmed)
	}
	// Writes commit in order: the file holds the first m edits and nothing after a gap; only the
	// newest task may still wait for its rename.
	for i, x := range tasks {
		want := fmt.Sprintf("Aufgabe %d fertig", i+1)
		if i == len(tasks)-1 && x.Name == fmt.Sprintf("Aufgabe %d", i+1) {
			continue
		}
		if x.Name != want {
			t.Fatalf("task %d of %d is %q, want %q (confirmed: %d)", i+1, len(tasks), x.Name, want, confirmed)
		}
	}
	t.Logf("confirmed %d, the file holds %d tasks", confirmed, len(tasks))
}
