package cli

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/domain/demo"
	"schulit-lotse/internal/clock"
	"schulit-lotse/internal/numfmt"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/wording"
)

const usageDemoData = "lotse demo-data --scale small|landkreis [--seed ZAHL] DATEI.lotse"

// demoTicker is how often the command says that it is still writing the file.
var demoTicker = 5 * time.Second

// cmdDemoData builds a demonstration project of the chosen scale and writes it as a new
// project file in one transaction. Progress goes to stderr, the result to stdout.
func cmdDemoData(e *env, args []string) error {
	p, err := parseCommand(args, []option{{names: []string{"scale"}, takesValue: true}, {names: []string{"seed"}, takesValue: true}}, 1, usageDemoData)
	if err != nil {
		return err
	}
	scaleName, ok := p.val("scale")
	if !ok {
		return usagef("demo.err.scale_missing", map[string]any{"Usage": usageDemoData})
	}
	scale := demo.Scale(scaleName)
	if _, ok := demo.SizesOf(scale); !ok {
		return usagef("demo.err.scale_unknown", map[string]any{"Scale": scaleName, "Usage": usageDemoData})
	}
	seed := demo.DefaultSeed
	if s, ok := p.val("seed"); ok {
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			return usagef("demo.err.seed", map[string]any{"Seed": s})
		}
	}
	out := p.pos[0]
	if err := requireProjectName(out); err != nil {
		return err
	}
	if _, err := os.Lstat(out); err == nil {
		return failf("cli.err.exists", map[string]any{"Path": out})
	}

	watch := clock.Start(e.clock)
	progress := newDemoProgress(e)
	sizes, _ := demo.SizesOf(scale)
	b := demo.Begin(sizes, demo.Options{Seed: seed, Progress: progress.report})
	proj := b.Project()
	fmt.Fprintln(e.err, lang.L("demo.writing"))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(demoTicker)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fmt.Fprintln(e.err, lang.L("demo.still_writing", map[string]any{"Seconds": int(watch.Elapsed().Seconds())}))
			}
		}
	}()
	// The rows go into the file as they are generated; only their counts and the schools
	// they name stay.
	var f *persistence.File
	n := demoCounts{schools: map[string]bool{}}
	f, err = persistence.CreateWithRows(out, proj, func(s *persistence.RowSink) error {
		return b.Rows(&countingSink{RowSink: s, n: &n})
	}, persistence.OpenOptions{Clock: e.clock})
	if err == nil {
		err = f.Close()
	}
	close(stop)
	wg.Wait()
	if err != nil {
		return err
	}
	size := int64(0)
	if st, err := os.Stat(out); err == nil {
		size = st.Size()
	}
	fmt.Fprintln(e.out, lang.L("demo.done", map[string]any{
		"Path": out, "Size": wording.FormatBytes(size, e.lang), "Seconds": int(watch.Elapsed().Round(time.Second).Seconds()),
		"Schools": e.count(len(n.schools)), "Tasks": e.count(len(proj.Tasks)), "Packages": e.count(len(proj.Packages)),
		"Tickets": e.count(n.tickets), "Calls": e.count(n.calls), "Answers": e.count(n.answers),
	}))
	return nil
}

// demoCounts are what the summary line says of the rows written: how many, and the schools
// the tickets name.
type demoCounts struct {
	tickets, calls, answers int
	schools                 map[string]bool
}

// countingSink counts the rows on their way into the file.
type countingSink struct {
	*persistence.RowSink
	n *demoCounts
}

func (c *countingSink) Ticket(t domain.Ticket) error {
	c.n.tickets++
	c.n.schools[t.School] = true
	return c.RowSink.Ticket(t)
}

func (c *countingSink) Call(x domain.Call) error {
	c.n.calls++
	return c.RowSink.Call(x)
}

func (c *countingSink) Answer(a domain.SurveyAnswer) error {
	c.n.answers++
	return c.RowSink.Answer(a)
}

// demoProgress prints a line when a stage starts and, in the long stages, at every quarter.
type demoProgress struct {
	e       *env
	stage   demo.Stage
	quarter int
}

func newDemoProgress(e *env) *demoProgress { return &demoProgress{e: e} }

func (d *demoProgress) report(stage demo.Stage, done, total int) {
	if stage != d.stage {
		d.stage, d.quarter = stage, 0
		fmt.Fprintln(d.e.err, lang.L(string(stage)))
		return
	}
	if total <= 0 {
		return
	}
	if q := done * 4 / total; q > d.quarter {
		d.quarter = q
		fmt.Fprintln(d.e.err, lang.L("demo.progress", map[string]any{"Done": numfmt.Display(float64(done), d.e.lang), "Total": numfmt.Display(float64(total), d.e.lang)}))
	}
}
