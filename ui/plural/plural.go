// Package plural picks the singular or the plural of a counted text. The translation files
// hold both forms under "<key>.one" and "<key>.other" with the number as {{.Count}}; German and
// English use the singular for exactly one ("1 Hinweis", "2 Hinweise", "0 Hinweise"), so no
// "Karte(n)" is needed.
package plural

import (
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/internal/numfmt"
)

// L is the translated text of key for n things; data may add further placeholders. The form is
// chosen by n, the number is written grouped as Number writes it ("1.500 Aufgaben").
func L(key string, n int, data ...map[string]any) string {
	vars := map[string]any{"Count": Number(n)}
	for _, d := range data {
		for k, v := range d {
			vars[k] = v
		}
	}
	if n == 1 {
		return lang.L(key+".one", vars)
	}
	return lang.L(key+".other", vars)
}

// Number writes a count for reading in the UI language, thousands grouped from 1000 up
// (numfmt.Display: German 1.500, English 1,500). Entry fields do not use it.
func Number(n int) string {
	language := "de"
	if lang.L("steps.decimal") == "." {
		language = "en"
	}
	return numfmt.Display(float64(n), language)
}
