//go:build !windows

package persistence

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
)

// The crash harness for whole-file writes: "Speichern unter" (SaveAs), the plain copy and the
// copy for sending (with and without the monitoring data, anonymised). A child holds the project
// as the app does and writes copies one after another; the parent kills it with SIGKILL at a
// random moment. The original is never damaged, and every target is complete or absent.

const (
	copyCrashEnv = "LOTSE_CRASH_COPY_CHILD"
	copyDirEnv   = "LOTSE_CRASH_COPY_DIR"
)

func init() { childModes[copyCrashEnv] = copyCrashChild }

// copyKinds are the whole-file writes, in the order the child cycles through them.
var copyKinds = []string{"copy", "share", "share-nomon", "share-anon", "saveas"}

func copyTarget(dir string, i int) string {
	return filepath.Join(dir, fmt.Sprintf("Kopie %03d %s.lotse", i, copyKinds[i%len(copyKinds)]))
}

func copyCrashChild(path string) int {
	dir := os.Getenv(copyDirEnv)
	f, err := Open(path, OpenOptions{})
	if err != nil {
		fmt.Println("error", err)
		return 3
	}
	out := bufio.NewWriter(os.Stdout)
	report := func(s string) {
		out.WriteString(s + "\n")
		out.Flush()
	}
	labels := domain.ShareLabels{
		Person: func(n int) string { return "Person " + domain.Letters(n) },
		Deputy: func(role string) string { return "Vertretung: " + role },
	}
	report("ready")
	for i := 0; ; i++ {
		target := copyTarget(dir, i)
		report("try " + strconv.Itoa(i))
		var err error
		switch copyKinds[i%len(copyKinds)] {
		case "copy":
			err = f.WriteCopy(target)
		case "share":
			_, err = f.WriteShareCopy(target, ShareOptions{Labels: labels})
		case "share-nomon":
			_, err = f.WriteShareCopy(target, ShareOptions{WithoutMonitoring: true, Labels: labels})
		case "share-anon":
			_, err = f.WriteShareCopy(target, ShareOptions{Anonymize: true, WithoutMonitoring: true, Labels: labels})
		case "saveas":
			var nf *File
			if nf, err = f.SaveAs(target); err == nil {
				f = nf // the edits go on in the new file, as in the app
			}
		}
		if err != nil {
			fmt.Println("error", i, err)
			return 4
		}
		report("ok " + strconv.Itoa(i))
	}
}

// rowCounts (versions_test.go) counts the rows of every table.

func sameCounts(a, b map[string]int64) string {
	for k, v := range a {
		if b[k] != v {
			return fmt.Sprintf("%s: %d rows, want %d", k, b[k], v)
		}
	}
	if len(a) != len(b) {
		return fmt.Sprintf("%d tables, want %d", len(b), len(a))
	}
	return ""
}

func TestCrashHarnessCopies(t *testing.T) {
	const runs = 16
	seed := testSeed(t, 20261128)
	r := rand.New(rand.NewPCG(seed, 2))
	dir := t.TempDir()
	orig := filepath.Join(dir, "Original Prüfung.lotse")
	proj := crashProject(6000, 8000)
	var people []string // names an anonymised copy must not leave anywhere beside its target
	for _, pt := range proj.Kickoff.Participants {
		people = append(people, pt.Name)
	}
	if len(people) == 0 {
		t.Fatal("the project needs people for this test")
	}
	f, err := Create(orig, proj, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	want := fileState(t, orig)
	full := rowCounts(t, orig)
	noMon := map[string]int64{}
	for k, v := range full {
		noMon[k] = v
	}
	noMon["tickets"], noMon["calls"], noMon["survey_answers"] = 0, 0, 0

	var written, inFlight, absent, complete, debris, anonDebris, privateLeft, cleaned int
	for run := 0; run < runs; run++ {
		targets := filepath.Join(dir, fmt.Sprintf("run%02d", run))
		if err := os.Mkdir(targets, 0o755); err != nil {
			t.Fatal(err)
		}
		private := filepath.Join(dir, fmt.Sprintf("tmp%02d", run))
		if err := os.Mkdir(private, 0o755); err != nil {
			t.Fatal(err)
		}
		c := startChild(t, copyCrashEnv+"="+orig, copyDirEnv+"="+targets, "TMPDIR="+private)
		<-c.ready
		time.Sleep(time.Duration(r.IntN(400_000)) * time.Microsecond)
		killChild(t, c)
		if c.errLine != "" {
			t.Fatalf("run %d: child: %s", run, c.errLine)
		}
		done := map[int]bool{}
		pending := -1
		for _, line := range c.lines {
			kind, n, _ := strings.Cut(line, " ")
			i, err := strconv.Atoi(n)
			if err != nil {
				continue
			}
			switch kind {
			case "try":
				pending = i
			case "ok":
				done[i] = true
				pending = -1
				written++
			}
		}
		// The original: byte for byte as before (its lock may be the dead child's).
		if got := fileState(t, orig); got != want {
			t.Fatalf("run %d: the original changed: %s -> %s", run, want, got)
		}
		if _, err := Validate(orig); err != nil {
			t.Fatalf("run %d: the original does not validate: %v", run, err)
		}
		os.Remove(LockPath(orig))
		// Every target: complete, or absent when it was in flight.
		names, err := readDir(targets)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(done)+1; i++ {
			target := copyTarget(targets, i)
			_, statErr := os.Stat(target)
			if os.IsNotExist(statErr) {
				if done[i] {
					t.Fatalf("run %d: copy %d was reported written but is missing", run, i)
				}
				if i == pending {
					absent++
				}
				continue
			}
			if !done[i] && i != pending {
				t.Fatalf("run %d: copy %d exists but was never started", run, i)
			}
			if i == pending {
				complete++
			}
			if _, err := Validate(target); err != nil {
				t.Fatalf("run %d: copy %d (%s) is damaged: %v", run, i, copyKinds[i%len(copyKinds)], err)
			}
			integrityCheck(t, target)
			wantCounts := full
			if strings.HasSuffix(copyKinds[i%len(copyKinds)], "nomon") || strings.HasSuffix(copyKinds[i%len(copyKinds)], "anon") {
				wantCounts = noMon
			}
			if d := sameCounts(wantCounts, rowCounts(t, target)); d != "" {
				t.Fatalf("run %d: copy %d (%s) is incomplete: %s", run, i, copyKinds[i%len(copyKinds)], d)
			}
		}
		if pending >= 0 {
			inFlight++
		}
		// What else a kill may leave: temporary files beside the target (never a *.lotse).
		for _, n := range names {
			if strings.HasPrefix(n, ".lotse-") {
				debris++
				if pending < 0 || copyKinds[pending%len(copyKinds)] != "share-anon" {
					continue // a plain copy's leftover holds what the target would have held
				}
				anonDebris++
				b, _ := os.ReadFile(filepath.Join(targets, n))
				for _, name := range people {
					if strings.Contains(string(b), name) {
						t.Errorf("run %d: %s beside the targets holds the name %q", run, n, name)
					}
				}
			} else if !strings.HasSuffix(n, ".lotse") && !strings.HasPrefix(n, ".~lock.") && !strings.HasSuffix(n, "-journal") {
				t.Errorf("run %d: unexpected file %q", run, n)
			}
		}
		// The next write into the folder removes what the killed one left; none may remain.
		if debrisHere := countPrefix(names, ".lotse-"); debrisHere > 0 {
			next, err := Open(orig, OpenOptions{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			err = next.WriteCopy(filepath.Join(targets, "Nächste.lotse"))
			next.Close()
			if err != nil {
				t.Fatal(err)
			}
			after, _ := readDir(targets)
			if left := countPrefix(after, ".lotse-"); left > 0 {
				t.Errorf("run %d: the next write left %d of %d temporary files of the killed one: %q", run, left, debrisHere, after)
			}
			cleaned += debrisHere
		}
		// The private folder of a killed share is removed by the next one.
		left, _ := readDir(private)
		privateLeft += len(left)
		t.Setenv("TMPDIR", private)
		removeStalePrivateDirs()
		if left, _ := readDir(private); len(left) > 0 {
			t.Errorf("run %d: private folders of a killed run stay: %q", run, left)
		}
		os.RemoveAll(targets)
	}
	t.Logf("%d runs, %d copies written, %d in flight at the kill: %d absent, %d complete; %d temporary files left beside targets (%d of anonymised copies, without names), %d removed by the next write; %d private folders removed by the next run",
		runs, written, inFlight, absent, complete, debris, anonDebris, cleaned, privateLeft)
	if written == 0 || inFlight == 0 {
		t.Fatalf("the harness tested nothing: %d copies written, %d in flight", written, inFlight)
	}
}

func countPrefix(names []string, prefix string) int {
	n := 0
	for _, name := range names {
		if strings.HasPrefix(name, prefix) {
			n++
		}
	}
	return n
}
