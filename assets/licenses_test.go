package assets

import (
	"os"
	"strings"
	"testing"
)

// Every module go.mod requires directly ships its licence text in the program, as does Go.
func TestLicencesOfDirectDependencies(t *testing.T) {
	b, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]License{}
	for _, l := range Licenses() {
		have[l.Module] = l
		if len(l.Text) < 200 || !strings.Contains(strings.ToLower(l.Text), "copyright") {
			t.Errorf("%s: licence text looks wrong (%d bytes)", l.Module, len(l.Text))
		}
	}
	if _, ok := have["golang.org/go"]; !ok {
		t.Error("the Go licence is missing")
	}
	direct := 0
	inRequire := false
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "require (":
			inRequire = true
			continue
		case line == ")":
			inRequire = false
			continue
		case strings.HasPrefix(line, "require "):
			line = strings.TrimPrefix(line, "require ")
		case !inRequire:
			continue
		}
		if line == "" || strings.Contains(line, "// indirect") {
			continue
		}
		mod := strings.Fields(line)[0]
		direct++
		if _, ok := have[mod]; !ok {
			t.Errorf("no licence for %s: run scripts/licenses.sh and commit assets/licenses", mod)
		}
	}
	if direct < 5 {
		t.Fatalf("read only %d direct requirements from go.mod", direct)
	}
	for _, want := range []string{"fyne.io/fyne/v2", "gorm.io/gorm", "github.com/xuri/excelize/v2", "modernc.org/sqlite"} {
		if _, ok := have[want]; !ok {
			t.Errorf("no licence for %s", want)
		}
	}
}
