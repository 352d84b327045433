package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

func TestContrastRatioFormula(t *testing.T) {
	cases := []struct {
		a, b color.Color
		want float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{color.NRGBA{0x77, 0x77, 0x77, 0xff}, color.White, 4.48}, // the classic "just too light" grey
		{color.NRGBA{0x76, 0x76, 0x76, 0xff}, color.White, 4.54},
	}
	for _, c := range cases {
		if got := contrastRatio(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// Disabled text (also low-importance labels) and placeholders reach 4.5:1 against each
// background they are drawn on, in both variants; Fyne's default theme does not.
func TestSecondaryTextContrast(t *testing.T) {
	def, ours := theme.DefaultTheme(), newLotseTheme()
	variants := map[string]fyne.ThemeVariant{"dunkel": theme.VariantDark, "hell": theme.VariantLight}
	for vname, v := range variants {
		page := def.Color(theme.ColorNameBackground, v)
		for _, n := range append(append([]fyne.ThemeColorName{}, secondaryText...), statusText...) {
			for _, b := range textBackgrounds {
				bg := over(ours.Color(b, v), page)
				before := contrastRatio(over(def.Color(n, v), bg), bg)
				after := contrastRatio(over(ours.Color(n, v), bg), bg)
				t.Logf("%s, %s on %s: %.2f → %.2f", vname, n, b, before, after)
				if after < 4.5 {
					t.Errorf("%s, %s on %s: contrast %.2f, want at least 4.5", vname, n, b, after)
				}
			}
		}
		// Disabled text stays apart from normal text, which keeps its contrast.
		fg := ours.Color(theme.ColorNameForeground, v)
		t.Logf("%s: foreground %v → %v, %.2f:1 against disabled text", vname, def.Color(theme.ColorNameForeground, v), fg,
			contrastRatio(fg, ours.Color(theme.ColorNameDisabled, v)))
		if r := contrastRatio(fg, ours.Color(theme.ColorNameDisabled, v)); r < 2 {
			t.Errorf("%s: normal and disabled text only %.2f:1 apart", vname, r)
		}
		if contrastRatio(fg, page) < contrastRatio(def.Color(theme.ColorNameForeground, v), page) {
			t.Errorf("%s: the foreground lost contrast", vname)
		}
		if ours.Color(theme.ColorNamePrimary, v) != def.Color(theme.ColorNamePrimary, v) {
			t.Errorf("%s: the primary colour changed", vname)
		}
	}
}
