// Package assets holds what the app ships besides code: the icon, the PDF font and its licence,
// the translation files and the sample project "Musterstadt".
package assets

import (
	"bytes"
	"embed"
	"io/fs"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/internal/localeenv"
)

//go:embed icon/icon.png
var iconPNG []byte

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// IconPNG is the icon's bytes, for reports and packaging.
func IconPNG() []byte { return iconPNG }

//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte

//go:embed fonts/LICENSE-DejaVu.txt
var FontLicense string

//go:embed sample/musterstadt.json
var SampleJSON []byte

//go:embed translations
var translations embed.FS

// TranslationsFS is the folder of translation files ("[area.]de.json", "[area.]en.json").
func TranslationsFS() embed.FS { return translations }

// Languages the UI speaks; German is the default.
const (
	German  = "de"
	English = "en"
)

// SetupLanguage picks the language – pref ("de" or "en") when given, else the system's language
// if it is English, else German – and loads its translations. It returns the chosen language.
func SetupLanguage(pref string) string {
	chosen := pref
	if chosen != German && chosen != English {
		chosen = German
		if !localeenv.Neutral() && strings.HasPrefix(strings.ToLower(lang.SystemLocale().LanguageString()), English) {
			chosen = English
		}
	}
	if runtime.GOOS != "windows" {
		// Fyne's localizer follows the environment on Unix; steering it here makes German the
		// default for every locale that is not English, and lets a setting override the system.
		os.Setenv("LC_ALL", "")
		os.Setenv("LC_MESSAGES", "")
		os.Setenv("LANG", chosen+".UTF-8")
		os.Setenv("LANGUAGE", chosen)
	}
	// Fyne's localizer follows the environment on Unix; on Windows it follows the system's
	// display language, so there the chosen texts go under both tags and win whichever it picks.
	tags := []string{chosen}
	if runtime.GOOS == "windows" {
		tags = []string{German, English}
	}
	if err := addTranslations(chosen, tags); err != nil {
		fyne.LogError("translations", err)
	}
	return chosen
}

// addTranslations reads the files of one language (only those: parsing the texts is the largest
// part of what the first frame waits for) as one document and adds it under each tag.
func addTranslations(language string, tags []string) error {
	files, err := fs.Glob(translations, "translations/*."+language+".json")
	if err != nil {
		return err
	}
	var doc bytes.Buffer
	doc.WriteByte('{')
	for _, f := range files {
		b, err := fs.ReadFile(translations, f)
		if err != nil {
			return err
		}
		// Each file is one JSON object: its members join the others'.
		inner := bytes.TrimSpace(b)
		inner = bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimPrefix(inner, []byte("{")), []byte("}")))
		if len(inner) == 0 {
			continue
		}
		if doc.Len() > 1 {
			doc.WriteByte(',')
		}
		doc.Write(inner)
	}
	doc.WriteByte('}')
	for _, tag := range tags {
		if err := lang.AddTranslationsForLocale(doc.Bytes(), fyne.Locale(tag)); err != nil {
			return err
		}
	}
	return nil
}
