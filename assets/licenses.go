package assets

import (
	"embed"
	"sort"
	"strings"
)

//go:embed licenses
var licenses embed.FS

// License is the licence text of one library the program contains.
type License struct {
	Module, Version, Text string
}

// Licenses lists the libraries linked into the program with their licence texts, collected
// from the module cache by scripts/licenses.sh; sorted by module path.
func Licenses() []License {
	entries, err := licenses.ReadDir("licenses")
	if err != nil {
		return nil
	}
	var out []License
	for _, e := range entries {
		b, err := licenses.ReadFile("licenses/" + e.Name())
		if err != nil {
			continue
		}
		head, text, _ := strings.Cut(string(b), "\n")
		module, version, _ := strings.Cut(strings.TrimSpace(head), " ")
		out = append(out, License{Module: module, Version: version, Text: strings.TrimSpace(text)})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Module < out[b].Module })
	return out
}
