// Command runner is `make bench`: it measures Schul-IT Lotse against the Landkreis of DESIGN.md
// and prints one table, also written as JSON (build/bench.json).
//
//   - the cold start of the real binary to its first painted frame under Xvfb, and of a bare
//     Fyne window built alongside as the floor (scripts/first-frame), with their ratio;
//   - the GUI opening build/landkreis.lotse until the window carries the project's name, and
//     its peak RSS with the Landkreis open;
//   - the command line on the Landkreis: demo-data (when the file is made), summary, kpi,
//     both PDF reports and the copy for sending without monitoring data, each with time and
//     peak RSS, and the sizes of the file and the copy;
//   - every Go benchmark of the module (found by grep), run from compiled test binaries;
//     the benchmarks of package bench measure the Landkreis file itself.
//
// Targets come from DESIGN.md and the issues; the table marks them, no test asserts a time.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// result is one row of the table.
type result struct {
	Group  string  `json:"group"`
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Target string  `json:"target,omitempty"`
	Meets  *bool   `json:"meets,omitempty"`
	Source string  `json:"source"`
	Note   string  `json:"note,omitempty"`
	// PeakRSSMB is the peak resident memory of the process that was measured, where known.
	PeakRSSMB float64 `json:"peakRssMB,omitempty"`
}

type runner struct {
	root, bin, bare, file, work string
	benchtime, display          string
	runs                        int
	regen, skipDemo             bool
	results                     []result
	failures                    []string
}

func main() {
	r := &runner{}
	flag.StringVar(&r.bin, "bin", "build/lotse", "the real binary")
	flag.StringVar(&r.bare, "bare", "build/barewindow", "the bare Fyne window (the floor)")
	flag.StringVar(&r.file, "file", "build/landkreis.lotse", "the Landkreis project (made when missing or older than the generator)")
	flag.StringVar(&r.work, "work", "build/bench", "folder for reports, copies and test binaries")
	flag.StringVar(&r.benchtime, "benchtime", "1s", "go test -benchtime for the Go benchmarks")
	flag.StringVar(&r.display, "display", ":91", "X display for the peak-RSS run of the GUI")
	flag.IntVar(&r.runs, "runs", 5, "cold starts per program")
	out := flag.String("out", "build/bench.json", "where the JSON goes")
	skipGUI := flag.Bool("skip-gui", false, "leave out everything that needs Xvfb")
	skipGo := flag.Bool("skip-go", false, "leave out the Go benchmarks")
	flag.BoolVar(&r.skipDemo, "skip-demo", false, "do not time demo-data when the Landkreis file is up to date")
	goFilter := flag.String("go", "", "run only the Go benchmarks matching this regexp (go test -bench)")
	flag.BoolVar(&r.regen, "regen", os.Getenv("BENCH_REGEN") != "", "make the Landkreis file again even when it is up to date (env BENCH_REGEN=1)")
	flag.Parse()

	wd, _ := os.Getwd()
	r.root = wd
	for _, p := range []*string{&r.bin, &r.bare, &r.file, &r.work, out} {
		if !filepath.IsAbs(*p) {
			*p = filepath.Join(wd, *p)
		}
	}
	must(os.MkdirAll(r.work, 0o755))

	r.landkreis()
	r.commandLine()
	if !*skipGUI {
		r.gui()
	}
	if !*skipGo {
		r.goBenchmarks(*goFilter)
	}
	r.derived()
	r.issueTable(*skipGUI, *skipGo, *goFilter)
	r.print()
	r.writeJSON(*out)
	if len(r.failures) > 0 {
		fmt.Fprintln(os.Stderr, "\nbench: some measurements failed:")
		for _, f := range r.failures {
			fmt.Fprintln(os.Stderr, "  "+f)
		}
		os.Exit(1)
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}

func (r *runner) add(res result) { r.results = append(r.results, res) }

func (r *runner) fail(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	r.failures = append(r.failures, msg)
	fmt.Fprintln(os.Stderr, "bench: "+msg)
}

// run executes a command and returns its wall time and peak RSS (MB).
func (r *runner) run(dir string, env []string, name string, args ...string) (time.Duration, float64, []byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	rss := 0.0
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = float64(ru.Maxrss) / 1024 // kB on Linux
		}
	}
	return d, rss, out.Bytes(), err
}

func fileMB(path string) float64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return float64(st.Size()) / (1 << 20)
}

// stale reports whether the Landkreis file is older than the generator or the file format.
func (r *runner) stale() bool {
	st, err := os.Stat(r.file)
	if err != nil {
		return true
	}
	newer := false
	for _, dir := range []string{"domain/demo", "persistence/schema"} {
		filepath.WalkDir(filepath.Join(r.root, dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasSuffix(p, "_test.go") {
				if info, err := d.Info(); err == nil && info.ModTime().After(st.ModTime()) {
					newer = true
				}
			}
			return nil
		})
	}
	return newer
}

// landkreis makes the Landkreis file when it is missing or stale, timing `lotse demo-data`.
func (r *runner) landkreis() {
	src := "lotse demo-data --scale landkreis"
	if !r.regen && !r.stale() {
		if r.skipDemo {
			r.add(result{Group: "Landkreis", Name: "demo-data --scale landkreis", Source: src, Note: "file up to date, not made again (-skip-demo)"})
		} else {
			// Timed into a scratch file, so that every run has the row beside the others.
			scratch := filepath.Join(r.work, "demo-data.lotse")
			os.Remove(scratch)
			d, rss, out, err := r.run(r.root, nil, r.bin, "demo-data", "--scale", "landkreis", scratch)
			os.Remove(scratch)
			if err != nil {
				r.fail("demo-data: %v\n%s", err, tail(out, 600))
			} else {
				r.add(result{Group: "Landkreis", Name: "demo-data --scale landkreis", Value: d.Seconds(), Unit: "s", Source: src, PeakRSSMB: rss,
					Note: "into a scratch file; the Landkreis file was up to date"})
			}
		}
	} else {
		os.Remove(r.file)
		fmt.Fprintln(os.Stderr, "bench: making", r.file, "…")
		d, rss, out, err := r.run(r.root, nil, r.bin, "demo-data", "--scale", "landkreis", r.file)
		if err != nil {
			r.fail("demo-data: %v\n%s", err, out)
			os.Exit(1)
		}
		r.add(result{Group: "Landkreis", Name: "demo-data --scale landkreis", Value: d.Seconds(), Unit: "s", Source: src, PeakRSSMB: rss})
	}
	r.add(result{Group: "Landkreis", Name: "project file size", Value: fileMB(r.file), Unit: "MB", Source: filepath.Base(r.file)})
}

// commandLine times the commands a user runs on the Landkreis.
func (r *runner) commandLine() {
	full := filepath.Join(r.work, "gesamtbericht.pdf")
	mon := filepath.Join(r.work, "monitoring.pdf")
	share := filepath.Join(r.work, "landkreis-ohne-monitoring.lotse")
	tender := filepath.Join(r.work, "leistungsbeschreibung.pdf")
	os.Remove(full)
	os.Remove(mon)
	os.Remove(share)
	os.Remove(tender)
	cmds := []struct {
		name   string
		args   []string
		target string
		limit  float64
	}{
		{"summary (open to the overview)", []string{"summary", r.file}, "", 0},
		{"check", []string{"check", r.file}, "", 0},
		{"kpi, last quarter", []string{"kpi", r.file, "--from", "2025-10-01", "--to", "2025-12-31"}, "", 0},
		{"kpi, three years", []string{"kpi", r.file, "--from", "2023-01-01", "--to", "2025-12-31"}, "", 0},
		{"report: Gesamtbericht PDF", []string{"report", r.file, "-o", full}, "", 0},
		{"report: Leistungsbeschreibung PDF", []string{"report", r.file, "-o", tender, "--type", "tender"}, "", 0},
		{"report: monitoring PDF, last quarter", []string{"report", r.file, "-o", mon, "--type", "monitoring", "--from", "2025-10-01", "--to", "2025-12-31"}, "", 0},
		{"share --without-monitoring", []string{"share", r.file, share, "--without-monitoring"}, "", 0},
	}
	for _, c := range cmds {
		d, rss, out, err := r.run(r.work, nil, r.bin, c.args...)
		if c.args[0] == "check" && exitCode(err) == 1 {
			err = nil // findings, not a failure
		}
		if err != nil {
			r.fail("lotse %s: %v\n%s", strings.Join(c.args, " "), err, tail(out, 600))
			continue
		}
		r.add(result{Group: "Command line", Name: c.name, Value: d.Seconds(), Unit: "s", Source: "lotse " + c.args[0], PeakRSSMB: rss})
	}
	for _, f := range []struct{ name, path string }{{"Gesamtbericht PDF size", full}, {"monitoring PDF size", mon}, {"share copy without monitoring, size", share}} {
		if mb := fileMB(f.path); mb > 0 {
			r.add(result{Group: "Landkreis", Name: f.name, Value: mb, Unit: "MB", Source: filepath.Base(f.path)})
		}
	}
}

// exitCode is the exit status of a command that ran (-1 for other errors, 0 without one).
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(*exec.ExitError); ok {
		return e.ExitCode()
	}
	return -1
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

var medianLine = regexp.MustCompile(`median: window mapped (\S+) ms, content (\S+) ms`)
var runLine = regexp.MustCompile(`(?m)^run \d+: window mapped (\S+) ms`)

// firstFrame runs scripts/first-frame and returns the median milliseconds to content and how
// many runs showed a window.
func (r *runner) firstFrame(title string, args ...string) (float64, int, error) {
	ffArgs := []string{"-n", strconv.Itoa(r.runs)}
	if title != "" {
		ffArgs = append(ffArgs, "-t", title)
	}
	ffArgs = append(append(ffArgs, "--"), args...)
	_, _, out, err := r.run(r.root, nil, filepath.Join(r.root, "scripts", "first-frame"), ffArgs...)
	if err != nil {
		return 0, 0, fmt.Errorf("%v: %s", err, tail(out, 400))
	}
	shown := 0
	for _, m := range runLine.FindAllStringSubmatch(string(out), -1) {
		if m[1] != "never" {
			shown++
		}
	}
	m := medianLine.FindStringSubmatch(string(out))
	if m == nil || m[2] == "never" {
		return 0, shown, fmt.Errorf("no window showed content: %s", tail(out, 400))
	}
	v, err := strconv.ParseFloat(m[2], 64)
	return v, shown, err
}

// starts are the medians of one program's cold starts: milliseconds until the first content
// and the CPU time the program had used by then.
type starts struct {
	content, cpu float64
	shown        int
}

var contentCPU = regexp.MustCompile(`(?m)^run \d+: window mapped \S+ ms, content (\d+) ms, cpu (\S+) ms`)

// startsSideBySide starts the bare window and lotse in turns, one cold start of each per round,
// so that both meet the same load (on a shared machine it drifts over the minute the runs take).
func (r *runner) startsSideBySide() (bare, app starts, err error) {
	var content, cpu [2][]float64
	for range r.runs {
		for i, bin := range []string{r.bare, r.bin} {
			_, _, out, err := r.run(r.root, nil, filepath.Join(r.root, "scripts", "first-frame"), "-n", "1", "--", bin)
			if err != nil {
				return bare, app, fmt.Errorf("%s: %v: %s", filepath.Base(bin), err, tail(out, 400))
			}
			m := contentCPU.FindStringSubmatch(string(out))
			if m == nil {
				continue // no window showed content this time
			}
			v, _ := strconv.ParseFloat(m[1], 64)
			content[i] = append(content[i], v)
			if c, err := strconv.ParseFloat(m[2], 64); err == nil {
				cpu[i] = append(cpu[i], c)
			}
		}
	}
	bare = starts{content: median(content[0]), cpu: median(cpu[0]), shown: len(content[0])}
	app = starts{content: median(content[1]), cpu: median(cpu[1]), shown: len(content[1])}
	if bare.shown == 0 || app.shown == 0 {
		return bare, app, fmt.Errorf("no window showed content (bare %d, lotse %d of %d)", bare.shown, app.shown, r.runs)
	}
	return bare, app, nil
}

// median of xs, 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// lockPath is the lock file beside the Landkreis (persistence.LockPath's naming).
func (r *runner) lockPath() string {
	return filepath.Join(filepath.Dir(r.file), ".~lock."+filepath.Base(r.file)+"#")
}

// openScript is the GUI opening the Landkreis: every run starts like a double-click, so the
// lock the previous (killed) run left is removed first.
func (r *runner) openScript() string {
	path := filepath.Join(r.work, "open-landkreis.sh")
	script := fmt.Sprintf("#!/bin/sh\nrm -f %q\nexec %q %q\n", r.lockPath(), r.bin, r.file)
	must(os.WriteFile(path, []byte(script), 0o755))
	return path
}

func (r *runner) gui() {
	defer os.Remove(r.lockPath()) // the killed GUI runs' lock: the benchmarks open the file next
	note := func(shown int) string {
		return fmt.Sprintf("median of %d runs; %d of %d showed a window", r.runs, shown, r.runs)
	}
	bare, app, err := r.startsSideBySide()
	if err != nil {
		r.fail("first-frame: %v", err)
	} else {
		r.add(result{Group: "Start", Name: "cold start to first frame: bare Fyne window (floor)", Value: bare.content, Unit: "ms", Source: "scripts/first-frame", Note: note(bare.shown)})
		r.add(result{Group: "Start", Name: "cold start to first frame: lotse (start screen)", Value: app.content, Unit: "ms", Source: "scripts/first-frame", Note: note(app.shown)})
		r.add(result{Group: "Start", Name: "cold start ratio lotse / bare window", Value: app.content / bare.content, Unit: "x", Source: "ratio"})
		if bare.cpu > 0 && app.cpu > 0 {
			r.add(result{Group: "Start", Name: "CPU until the first frame: bare Fyne window (floor)", Value: bare.cpu, Unit: "ms", Source: "scripts/first-frame (utime+stime)", Note: note(bare.shown)})
			r.add(result{Group: "Start", Name: "CPU until the first frame: lotse (start screen)", Value: app.cpu, Unit: "ms", Source: "scripts/first-frame (utime+stime)", Note: note(app.shown)})
			r.add(result{Group: "Start", Name: "CPU until the first frame ratio lotse / bare window", Value: app.cpu / bare.cpu, Unit: "x", Source: "ratio"})
		}
	}
	title := regexp.QuoteMeta(filepath.Base(r.file))
	open, shownOpen, err := r.firstFrame(title, r.openScript())
	if err != nil {
		r.fail("first-frame lotse with the Landkreis: %v", err)
	} else {
		r.add(result{Group: "Start", Name: "GUI: exec until the Landkreis is open (title shows the file)", Value: open, Unit: "ms",
			Source: "scripts/first-frame -t", Note: note(shownOpen)})
	}
	if rss, err := r.guiPeakRSS(title); err != nil {
		r.fail("GUI peak RSS: %v", err)
	} else {
		r.add(result{Group: "Start", Name: "GUI peak RSS with the Landkreis open (overview)", Value: rss, Unit: "MB", Source: "VmHWM", PeakRSSMB: rss})
	}
}

// guiPeakRSS opens the Landkreis in the GUI under its own Xvfb, waits until the title names the
// file and a little longer for the overview, and reads the process's peak RSS.
func (r *runner) guiPeakRSS(title string) (float64, error) {
	xvfb := exec.Command("Xvfb", r.display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := xvfb.Start(); err != nil {
		return 0, err
	}
	defer func() { xvfb.Process.Kill(); xvfb.Wait() }()
	time.Sleep(700 * time.Millisecond)
	cmd := exec.Command(r.openScript())
	cmd.Env = append(os.Environ(), "DISPLAY="+r.display)
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	deadline := time.Now().Add(60 * time.Second)
	for {
		x := exec.Command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(cmd.Process.Pid), "--name", title)
		x.Env = append(os.Environ(), "DISPLAY="+r.display)
		if out, err := x.Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
			break
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("the window never named %s", title)
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // the overview evaluates every step
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, err := strconv.ParseFloat(strings.Fields(line)[1], 64)
			return kb / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmHWM")
}

// benchPackages lists the module's packages that hold Go benchmarks.
func (r *runner) benchPackages() []string {
	set := map[string]bool{}
	filepath.WalkDir(r.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "build" || d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err == nil && regexp.MustCompile(`(?m)^func Benchmark\w+\(`).Match(b) {
			rel, _ := filepath.Rel(r.root, filepath.Dir(p))
			set["./"+filepath.ToSlash(rel)] = true
		}
		return nil
	})
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+(.*)$`)

func (r *runner) goBenchmarks(filter string) {
	if filter == "" {
		filter = "."
	}
	for _, pkg := range r.benchPackages() {
		name := strings.ReplaceAll(strings.TrimPrefix(pkg, "./"), "/", "_")
		bin := filepath.Join(r.work, name+".test")
		fmt.Fprintln(os.Stderr, "bench: go benchmarks in", pkg)
		if _, _, out, err := r.run(r.root, nil, "go", "test", "-c", "-tags", "ci", "-o", bin, pkg); err != nil {
			r.fail("go test -c %s: %v\n%s", pkg, err, tail(out, 800))
			continue
		}
		_, rss, out, err := r.run(filepath.Join(r.root, pkg), []string{"LOTSE_BENCH_FILE=" + r.file}, bin,
			"-test.run", "^$", "-test.bench", filter, "-test.benchtime", r.benchtime, "-test.benchmem")
		if err != nil {
			r.fail("benchmarks of %s: %v\n%s", pkg, err, tail(out, 1200))
		}
		found := 0
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			m := benchLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
			if m == nil {
				continue
			}
			fields := strings.Fields(m[3])
			res := result{Group: "Go benchmarks", Name: strings.TrimPrefix(m[1], "Benchmark"), Source: pkg}
			var extra []string
			for i := 0; i+1 < len(fields); i += 2 {
				v, err := strconv.ParseFloat(fields[i], 64)
				if err != nil {
					continue
				}
				switch unit := fields[i+1]; unit {
				case "ns/op":
					res.Value, res.Unit = v/1e6, "ms"
				case "B/op":
					extra = append(extra, fmt.Sprintf("%.1f MB/op", v/(1<<20)))
				case "allocs/op":
					extra = append(extra, fmt.Sprintf("%.0f allocs/op", v))
				default:
					extra = append(extra, fmt.Sprintf("%s %s", trimFloat(v), unit))
				}
			}
			res.Note = strings.Join(extra, ", ")
			r.add(res)
			found++
		}
		if pkg == "./bench" {
			r.add(result{Group: "Go benchmarks", Name: "peak RSS of the Landkreis benchmarks (file loaded)", Value: rss, Unit: "MB", Source: pkg, PeakRSSMB: rss})
		}
		if found == 0 && err == nil && filter == "." {
			r.fail("no benchmark results from %s", pkg)
		}
	}
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// targets are the figures DESIGN.md and the issues ask for, matched by name.
var targets = []struct {
	pattern *regexp.Regexp
	limit   float64 // in the row's unit
	text    string
}{
	{regexp.MustCompile(`^BoardDragStep/`), 16, "< 16 ms (a frame)"},
	{regexp.MustCompile(`^TaskTable1500/scroll$`), 16, "< 16 ms (smooth scrolling)"},
	{regexp.MustCompile(`^TypeIntoLongNote/`), 50, "≤ 50 ms per key"},
	{regexp.MustCompile(`^KPIQuarter250k$|^KPILandkreis/quarter$`), 200, "< 0.2 s"},
	{regexp.MustCompile(`^ImportTickets250k$`), 5000, "< 5 s"},
}

func (r *runner) derived() {
	find := func(name string) *result {
		for i := range r.results {
			if r.results[i].Name == name && r.results[i].Group == "Go benchmarks" {
				return &r.results[i]
			}
		}
		return nil
	}
	if imp, raw := find("ImportTickets250k"), find("RawCSV250k"); imp != nil && raw != nil && raw.Value > 0 {
		r.add(result{Group: "Go benchmarks", Name: "ticket import 250k / raw encoding/csv pass", Value: imp.Value / raw.Value, Unit: "x", Source: "ratio"})
	}
	if long, short := find("ReportLongText/20000"), find("ReportLongText/10000"); long != nil && short != nil && short.Value > 0 {
		ok := long.Value/short.Value <= 2.5
		r.add(result{Group: "Go benchmarks", Name: "report with a 20,000- / 10,000-character text", Value: long.Value / short.Value, Unit: "x",
			Source: "ratio", Note: fmt.Sprintf("%s / %s", format(*long), format(*short)), Target: "≤ 2.5 (linear in text length)", Meets: &ok})
	}
	for i := range r.results {
		res := &r.results[i]
		for _, t := range targets {
			if res.Unit == "ms" && t.pattern.MatchString(res.Name) {
				ok := res.Value < t.limit
				res.Target, res.Meets = t.text, &ok
			}
		}
	}
}

func format(res result) string {
	if res.Unit == "" {
		return "–"
	}
	switch res.Unit {
	case "ms":
		if res.Value >= 1000 {
			return fmt.Sprintf("%.2f s", res.Value/1000)
		}
		if res.Value < 1 {
			return fmt.Sprintf("%.0f µs", res.Value*1000)
		}
		return fmt.Sprintf("%.1f ms", res.Value)
	case "s":
		return fmt.Sprintf("%.2f s", res.Value)
	case "MB":
		return fmt.Sprintf("%.1f MB", res.Value)
	case "x":
		return fmt.Sprintf("%.1f×", res.Value)
	}
	return trimFloat(res.Value) + " " + res.Unit
}

func (r *runner) print() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "GROUP\tMEASUREMENT\tVALUE\tTARGET\tOK\tPEAK RSS\tSOURCE\tNOTE")
	for _, res := range r.results {
		ok := ""
		if res.Meets != nil {
			ok = "yes"
			if !*res.Meets {
				ok = "NO"
			}
		}
		rss := ""
		if res.PeakRSSMB > 0 && res.Unit != "MB" {
			rss = fmt.Sprintf("%.0f MB", res.PeakRSSMB)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", res.Group, res.Name, format(res), res.Target, ok, rss, res.Source, res.Note)
	}
	w.Flush()
}

func (r *runner) writeJSON(path string) {
	commit, _ := exec.Command("git", "-C", r.root, "rev-parse", "--short", "HEAD").Output()
	doc := map[string]any{
		"date":      time.Now().UTC().Format(time.RFC3339),
		"commit":    strings.TrimSpace(string(commit)),
		"go":        runtime.Version(),
		"cpus":      runtime.NumCPU(),
		"benchtime": r.benchtime,
		"file":      r.file,
		"results":   r.results,
		"failures":  r.failures,
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	must(err)
	must(os.WriteFile(path, append(b, '\n'), 0o644))
	fmt.Fprintln(os.Stderr, "bench: wrote", path)
}
