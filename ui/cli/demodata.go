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
	proj, err := demo.Generate(scale, demo.Options{Seed: seed, Progress: progress.report})
	if err != nil {
		return err
	}
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
	err = e.createProject(out, proj)
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
		"Schools": e.count(len(demoSchools(proj))), "Tasks": e.count(len(proj.Tasks)), "Packages": e.count(len(proj.Packages)),
		"Tickets": e.count(len(proj.Tickets)), "Calls": e.count(len(proj.Calls)), "Answers": e.count(len(proj.SurveyAnswers)),
	}))
	return nil
}

// demoSchools are the schools the tickets name.
func demoSchools(p *domain.Project) map[string]bool {
	out := map[string]bool{}
	for _, t := range p.Tickets {
		out[t.School] = true
	}
	return out
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
