package ui

import (
	"strconv"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
)

// stepTips is how many tips (Umsetzungstipps) each step page folds away; their texts are
// "ui.step.<key>.tip.<n>". Each step also has "ui.step.<key>.guide" and, for what is not built
// yet, "ui.step.<key>.plan".
var stepTips = map[string]int{
	"inventory":    3,
	"needs":        3,
	"requirements": 3,
	"coverage":     2,
	"resources":    3,
	"sourcing":     2,
	"sla":          2,
	"tender":       2,
	"contract":     2,
	"kickoff":      2,
	"structure":    2,
	"monitoring":   3,
}

func stepTitle(s domain.Step) string { return lang.L("step." + s.Key + ".title") }

func stepHeading(s domain.Step) string {
	return lang.L("ui.step.heading", map[string]any{"Number": s.Number, "Title": stepTitle(s)})
}

func phaseTitle(p domain.Phase) string { return lang.L("phase." + strconv.Itoa(int(p))) }

func stepGuide(s domain.Step) string { return lang.L("ui.step." + s.Key + ".guide") }

func stepPlan(s domain.Step) string { return lang.L("ui.step." + s.Key + ".plan") }

func stepTipTexts(s domain.Step) []string {
	n := stepTips[s.Key]
	out := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		out = append(out, lang.L("ui.step."+s.Key+".tip."+strconv.Itoa(i)))
	}
	return out
}

func stateText(st domain.StepState) string { return lang.L("state." + string(st)) }

func stepByNumber(n int) (domain.Step, bool) {
	for _, s := range domain.Steps {
		if s.Number == n {
			return s, true
		}
	}
	return domain.Step{}, false
}
