// Package assets holds what the app ships besides code: the icon, the PDF font and its licence,
// the translation files and the sample project "Musterstadt".
package assets

import (
	"embed"
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

// SetupLanguage loads the translations and picks the language: pref ("de" or "en") when given,
// else the system's language if it is English, else German. It returns the chosen language.
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
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("translations", err)
	}
	return chosen
}
