package ui

import (
	"strconv"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
)

func stepTitle(s domain.Step) string { return lang.L("step." + s.Key + ".title") }

func stepHeading(s domain.Step) string {
	return lang.L("ui.step.heading", map[string]any{"Number": s.Number, "Title": stepTitle(s)})
}

func phaseTitle(p domain.Phase) string { return lang.L("phase." + strconv.Itoa(int(p))) }

func stepGuide(s domain.Step) string { return lang.L("ui.step." + s.Key + ".guide") }

func stepTipTexts(s domain.Step) []string {
	n := s.Tips
	out := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		out = append(out, lang.L("ui.step."+s.Key+".tip."+strconv.Itoa(i)))
	}
	return out
}

func stateText(st domain.StepState) string { return lang.L("state." + string(st)) }
