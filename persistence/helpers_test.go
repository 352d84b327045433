package persistence

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

func sprint(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return string(b)
}

func mkdir(dir string) error { return os.MkdirAll(dir, 0o755) }

// readDir lists the names in dir, sorted.
func readDir(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(ents))
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out, nil
}

func readSource(path string) ([]byte, error) { return os.ReadFile(path) }

func sortStrings(s []string) { sort.Strings(s) }
