//go:build !windows

package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"schulit-lotse/internal/clock"
	"schulit-lotse/persistence"
)

// The crash harness of the command line: demo-data, share --anonymize and a bulk task import are
// killed (SIGKILL) at random moments. Afterwards every target is complete or absent, the source
// of a copy is unchanged, an import is all or nothing, nothing beside a target holds a name the
// anonymised copy removes, and the next command in the folder leaves no temporary file behind.

// startCommand runs one command in a child process with its own temporary folder.
func startCommand(t *testing.T, tmp string, args ...string) *exec.Cmd {
	t.Helper()
	enc, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), cliChildEnv+"="+string(enc), "TMPDIR="+tmp)
	cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// killAfter kills the command after d unless it ended before; it reports whether it was killed.
func killAfter(cmd *exec.Cmd, d time.Duration) bool {
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
		return false
	case <-time.After(d):
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		return true
	}
}

func fileHash(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

func temporaries(t *testing.T, dir string) []string {
	names, _ := filepath.Glob(filepath.Join(dir, ".lotse-*"))
	return names
}

// validProject opens path as the app would and returns its task count.
func validProject(t *testing.T, path string) int {
	t.Helper()
	if _, err := persistence.Validate(path); err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return len(loadProject(t, path).Tasks)
}

func TestCrashHarnessCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real commands")
	}
	const runs, bulkRows = 8, 8000
	seed := uint64(20261207)
	if s := os.Getenv("LOTSE_CRASH_TEST_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (LOTSE_CRASH_TEST_SEED=%d repeats this run)", seed, seed)
	r := rand.New(rand.NewPCG(seed, 3))
	base := t.TempDir()
	source := filepath.Join(base, "Quelle.lotse")
	run(t, "demo-data", "--scale", "small", source).want(t, 0)
	people := []string{}
	for _, pt := range loadProject(t, source).Kickoff.Participants {
		people = append(people, pt.Name)
	}
	var csv strings.Builder
	csv.WriteString("Aufgabe;Verantwortlich;Aufwand\n")
	for i := 0; i < bulkRows; i++ {
		fmt.Fprintf(&csv, "Aufgabe %d;Teammitglied Schul-IT;%d\n", i, i%7+1)
	}
	bulk := filepath.Join(base, "Bestand.csv")
	os.WriteFile(bulk, []byte(csv.String()), 0o644)
	sourceHash := fileHash(t, source)
	sourceTasks := validProject(t, source)

	type op struct {
		name  string
		args  func(dir string) []string
		check func(t *testing.T, dir string, killed bool)
	}
	ops := []op{
		{"demo-data", func(dir string) []string {
			return []string{"demo-data", "--scale", "small", filepath.Join(dir, "Neu.lotse")}
		},
			func(t *testing.T, dir string, killed bool) {
				if _, err := os.Stat(filepath.Join(dir, "Neu.lotse")); err == nil {
					validProject(t, filepath.Join(dir, "Neu.lotse"))
				} else if !killed {
					t.Fatal("demo-data ended without a file")
				}
			}},
		{"share-anonymize", func(dir string) []string {
			return []string{"share", source, filepath.Join(dir, "Kopie.lotse"), "--anonymize"}
		}, func(t *testing.T, dir string, killed bool) {
			if fileHash(t, source) != sourceHash {
				t.Fatal("the source changed")
			}
			if _, err := os.Stat(filepath.Join(dir, "Kopie.lotse")); err == nil {
				validProject(t, filepath.Join(dir, "Kopie.lotse"))
			} else if !killed {
				t.Fatal("share ended without a copy")
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
				for _, name := range people {
					if bytes.Contains(b, []byte(name)) {
						t.Fatalf("%s beside the target holds %q", e.Name(), name)
					}
				}
			}
		}},
		{"import", func(dir string) []string {
			return []string{"import", filepath.Join(dir, "Projekt.lotse"), "--kind", "tasks", bulk}
		}, func(t *testing.T, dir string, killed bool) {
			n := validProject(t, filepath.Join(dir, "Projekt.lotse"))
			if n != sourceTasks && n != sourceTasks+bulkRows {
				t.Fatalf("%d tasks after the import: neither %d nor %d", n, sourceTasks, sourceTasks+bulkRows)
			}
			if !killed && n != sourceTasks+bulkRows {
				t.Fatal("the import ended without its tasks")
			}
		}},
	}
	for _, o := range ops {
		// How long the command runs without a kill; the kills fall within that time.
		dir := filepath.Join(base, o.name+"-probe")
		os.Mkdir(dir, 0o755)
		if o.name == "import" {
			os.WriteFile(filepath.Join(dir, "Projekt.lotse"), mustRead(t, source), 0o644)
		}
		wall := clock.System() // the kills fall at real moments of a real run
		start := wall.Now()
		cmd := startCommand(t, t.TempDir(), o.args(dir)...)
		if killAfter(cmd, 5*time.Minute) || cmd.ProcessState.ExitCode() != 0 {
			t.Fatalf("%s: %s", o.name, cmd.Stderr)
		}
		span := wall.Now().Sub(start)
		killed, completed, cleaned := 0, 0, 0
		for i := 0; i < runs; i++ {
			dir := filepath.Join(base, fmt.Sprintf("%s-%02d", o.name, i))
			os.Mkdir(dir, 0o755)
			if o.name == "import" {
				os.WriteFile(filepath.Join(dir, "Projekt.lotse"), mustRead(t, source), 0o644)
			}
			tmp := t.TempDir()
			cmd := startCommand(t, tmp, o.args(dir)...)
			wasKilled := killAfter(cmd, time.Duration(r.Int64N(int64(span)+1)))
			if wasKilled {
				killed++
			} else {
				completed++
				if cmd.ProcessState.ExitCode() != 0 {
					t.Fatalf("%s run %d: exit %d: %s", o.name, i, cmd.ProcessState.ExitCode(), cmd.Stderr)
				}
			}
			o.check(t, dir, wasKilled)
			// The next command of the same kind in that folder (taking over a killed editor's
			// lock) removes what the killed one left.
			left := len(temporaries(t, dir))
			next := o.args(dir)
			next[len(next)-1] = strings.Replace(next[len(next)-1], "Neu.lotse", "Neu2.lotse", 1)
			next[len(next)-1] = strings.Replace(next[len(next)-1], "Kopie.lotse", "Kopie2.lotse", 1)
			if o.name == "share-anonymize" {
				next[2] = filepath.Join(dir, "Kopie2.lotse")
			}
			res := runAtEnv(t, tmp, append(next, "--take-over-lock")...)
			if res.code != 0 {
				t.Fatalf("%s run %d: the next command failed: %s", o.name, i, res.err)
			}
			if rest := temporaries(t, dir); len(rest) > 0 {
				t.Fatalf("%s run %d: temporary files stay after the next command: %q", o.name, i, rest)
			}
			if priv, _ := filepath.Glob(filepath.Join(tmp, "lotse-private-*")); len(priv) > 0 {
				t.Fatalf("%s run %d: private copies of the killed run stay: %q", o.name, i, priv)
			}
			cleaned += left
		}
		t.Logf("%s: %d runs (%v without a kill): %d killed, %d completed; %d temporary files removed by the next command",
			o.name, runs, span.Round(time.Millisecond), killed, completed, cleaned)
	}
}

// runAtEnv runs a command in this process with TMPDIR set, as the next program start would.
func runAtEnv(t *testing.T, tmp string, args ...string) result {
	t.Helper()
	t.Setenv("TMPDIR", tmp)
	return run(t, args...)
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
