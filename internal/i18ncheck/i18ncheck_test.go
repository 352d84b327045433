package i18ncheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// Every translation file has its other half with the same keys and placeholders.
func TestTranslationPairs(t *testing.T) {
	problems := Translations(os.DirFS("../../assets/translations"))
	for _, p := range problems {
		t.Error(p)
	}
}

// No string literal in the UI code reaches a widget, a dialog, a menu or a title untranslated.
func TestUIStringsGoThroughTranslation(t *testing.T) {
	found, err := Literals("../../ui")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range found {
		rel, _ := filepath.Rel("../..", l.Pos.Filename)
		t.Errorf("%s:%d: %q passed to %s – use lang.L with a key in assets/translations", rel, l.Pos.Line, l.Value, l.Via)
	}
}

func TestPairFindsMissingKeysAndPlaceholders(t *testing.T) {
	de := []byte(`{"a": "Hallo {{.Name}}", "b": "nur deutsch", "c": "x"}`)
	en := []byte(`{"a": "Hello {{.User}}", "c": "x", "d": "only English"}`)
	got := strings.Join(Pair("area", de, en), "\n")
	for _, want := range []string{`key "b" is missing in the English file`, `key "d" is missing in the German file`, `key "a" uses [Name] in German but [User] in English`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	fsys := fstest.MapFS{
		"x.de.json": {Data: []byte(`{"k": "a"}`)}, "x.en.json": {Data: []byte(`{"k": "a"}`)},
		"y.de.json": {Data: []byte(`{"k": "b"}`)}, "y.en.json": {Data: []byte(`{"k": "b"}`)},
		"z.de.json": {Data: []byte(`{}`)},
	}
	got = strings.Join(Translations(fsys), "\n")
	for _, want := range []string{"z: no English file", `key "k" is defined in x and in y`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestLiteralsFindsUntranslatedText(t *testing.T) {
	dir := t.TempDir()
	src := `package x

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

func f(w interface{ SetTitle(string) }) {
	widget.NewLabel("Speichern")
	widget.NewLabel(lang.L("ok.key"))
	widget.NewButton("Weiter " + "…", nil)
	widget.NewLabel("…")
	widget.NewLabel("%d %%")
	w.SetTitle("Fenster")
	_ = widget.Label{Text: "Titel"}
	widget.NewSelect([]string{"Deutsch", "Eins"}, nil)
}
`
	os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644)
	os.WriteFile(filepath.Join(dir, "x_test.go"), []byte("package x\nfunc g() { widget.NewLabel(\"im Test\") }\n"), 0o644)
	found, err := Literals(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range found {
		got = append(got, l.Value)
	}
	want := []string{"Speichern", "Weiter ", "Fenster", "Titel", "Eins"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("found %q, want %q", got, want)
	}
}
