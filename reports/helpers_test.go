package reports

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
)

var fixedDate = pdftest.FixedDate

func TestMain(m *testing.M) { pdftest.Main(m) }

func hours(v float64) *domain.Effort { return &domain.Effort{Value: v, Unit: domain.HoursPerMonth} }

// seedProject holds the example rows of the seed's Abb. 2–4, prioritised as vorrangig, with the
// second one marked critical.
func seedProject() *domain.Project {
	p := domain.NewProject("Schul-IT Musterstadt", fixedDate)
	p.Meta.Schultraeger = "Stadt Musterstadt, Schulamt, Große Straße 7"
	p.Meta.Bundesland = "NI"
	p.Settings.PriorityMode = domain.PriorityMustNice
	from := domain.NewDate(2027, 8, 1)
	p.Tasks = []domain.Task{
		{ID: 1, SortOrder: 1, Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: hours(2),
			Note: "Oft Rücksprache mit Schule notwendig, um alle Infos zu bekommen", Priority: domain.Priority{Rank: 4}},
		{ID: 2, SortOrder: 2, Name: "Erstlöseversuche bei Störungen in Schule", Responsible: "Lehrkraft mit Entlastungsstunden",
			Effort: hours(4), Priority: domain.Priority{Rank: 4}, Critical: true},
		{ID: 3, SortOrder: 3, Name: "Zuweisen von Updates im MDM", Responsible: "Teammitglied Schul-IT", Effort: hours(2),
			Note: "MDM nur nutzbar für einen Teil der Geräte", Priority: domain.Priority{Rank: 4}},
		{ID: 4, SortOrder: 4, Name: "Wartung der Schüler-Tablets", Responsible: "Noch nicht definiert", Effort: hours(10),
			Note: "Ab dem kommenden Schuljahr", IsNew: true, ValidFrom: &from, Priority: domain.Priority{Rank: 4}},
	}
	return p
}

// manyTasks adds n numbered tasks (ROW-0001 …) with notes of varying length.
func manyTasks(p *domain.Project, n int) {
	people := []string{"Teammitglied Schul-IT", "Lehrkraft mit Entlastungsstunden", "Schulsekretariat", "Medienzentrum des Kreises"}
	for i := 1; i <= n; i++ {
		note := strings.Repeat("Abstimmung mit der Schulleitung nötig. ", i%4)
		p.Tasks = append(p.Tasks, domain.Task{
			ID: int64(1000 + i), SortOrder: 1000 + i,
			Name:        fmt.Sprintf("ROW-%04d Aufgabe für Schule Nr. %d", i, i),
			Responsible: people[i%len(people)],
			Effort:      &domain.Effort{Value: float64(i%7) + 0.5, Unit: domain.EffortUnits[i%len(domain.EffortUnits)]},
			Note:        note,
			Priority:    domain.Priority{Rank: i%5 + 1},
			Critical:    i%17 == 0,
		})
	}
}

// writeReport writes the report for p into a temp dir and returns its path and bytes.
func writeReport(t testing.TB, p *domain.Project) (string, []byte) {
	t.Helper()
	path := pdftest.WritePDF(t, func(w io.Writer) error { return WriteGesamtbericht(w, p, Options{Date: fixedDate}) })
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, b
}

// inBothLanguages makes text in English, then in German (German stays set afterwards), and
// fails where the text holds a translation key printed as it is – a key with one of prefixes
// ("reports|fig") – or lacks one of want[language].
func inBothLanguages(t *testing.T, prefixes string, want map[string][]string, text func() string) {
	t.Helper()
	defer assets.SetupLanguage(assets.German)
	keys := regexp.MustCompile(`\b(` + prefixes + `)\.[a-z_./-]+`)
	for _, lang := range []string{assets.English, assets.German} {
		assets.SetupLanguage(lang)
		got := text()
		if m := keys.FindString(got); m != "" {
			t.Errorf("%s: untranslated key %q", lang, m)
		}
		pdftest.HasAll(t, lang+" text", got, want[lang])
	}
}
