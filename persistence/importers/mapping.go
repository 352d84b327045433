package importers

import (
	"strconv"
	"strings"

	"schulit-lotse/domain"
)

// urgencyWords rank the priority names of ticket systems from 1 (most urgent) to 5 (least), in
// German, English and French. Longer phrases come first so that "sehr hoch" is not read as "hoch".
var urgencyWords = []struct {
	word  string
	level int
}{
	{"sehr niedrig", 5}, {"very low", 5}, {"très basse", 5}, {"tres basse", 5}, {"sehr gering", 5},
	{"muito baixa", 5}, {"muy baja", 5}, {"molto bassa", 5}, {"zeer laag", 5}, {"bardzo niski", 5}, {"velmi nízká", 5},
	{"sehr hoch", 1}, {"very high", 1}, {"très haute", 1}, {"tres haute", 1},
	{"muito alta", 1}, {"muy alta", 1}, {"molto alta", 1}, {"zeer hoog", 1}, {"bardzo wysoki", 1}, {"urgente", 1}, {"pilny", 1},
	{"velmi vysoká", 1}, {"nejvyšší", 1},
	{"kritisch", 1}, {"critical", 1}, {"critique", 1}, {"notfall", 1}, {"emergency", 1}, {"urgent", 1}, {"dringend", 1},
	{"majeure", 1}, {"major", 1}, {"höchste", 1}, {"highest", 1}, {"blocker", 1},
	{"hoch", 2}, {"high", 2}, {"haute", 2}, {"wichtig", 2},
	{"mittel", 3}, {"normal", 3}, {"medium", 3}, {"moyenne", 3}, {"standard", 3},
	{"niedrig", 4}, {"low", 4}, {"basse", 4}, {"gering", 4}, {"lowest", 5},
	// Portuguese, Spanish, Italian, Dutch, Polish and Czech (GLPI speaks them all)
	{"alta", 2}, {"hoog", 2}, {"wysoki", 2}, {"vysoká", 2},
	{"média", 3}, {"media", 3}, {"gemiddeld", 3}, {"średni", 3}, {"střední", 3},
	{"baixa", 4}, {"baja", 4}, {"bassa", 4}, {"laag", 4}, {"niski", 4}, {"nízká", 4},
}

// priorityLevel guesses how urgent a source priority is (1 most urgent … 5 least). A bare number
// counts 1 as most urgent when highFirst (iTop, ITIL) and as least urgent otherwise.
func priorityLevel(v string, highFirst bool) (int, bool) {
	n := domain.NormalizeSourceValue(v)
	for _, w := range urgencyWords {
		if containsWord(n, w.word) {
			return w.level, true
		}
	}
	if x, err := strconv.Atoi(n); err == nil && x >= 1 && x <= 5 {
		if highFirst {
			return x, true
		}
		return 6 - x, true
	}
	return 0, false
}

// containsWord reports whether phrase occurs in s on word boundaries.
func containsWord(s, phrase string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], phrase)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(phrase)
		if (k == 0 || !isWordByte(s[k-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = k + 1
	}
}

func isWordByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }

// DetectMapping completes a saved mapping for the values of a file: a priority named like a
// class code ("P1") maps onto it, others by how urgent their name sounds; a category maps onto
// the package of the same name (also the last or first part of "Hardware > Drucker"). Saved
// entries always win. It returns the priorities it could not place.
func DetectMapping(f *TicketFile, saved domain.TicketMapping, classes []string, packages []domain.Package) (domain.TicketMapping, []string) {
	m := domain.TicketMapping{Format: f.Format, Priorities: map[string]string{}, Categories: map[string]int64{}}
	for k, v := range saved.Priorities {
		m.Priorities[k] = v
	}
	for k, v := range saved.Categories {
		m.Categories[k] = v
	}
	highFirst := true
	for _, fm := range formats {
		if fm.name == f.Format {
			highFirst = fm.numericHighFirst
		}
	}
	if f.Format == FormatGeneric {
		highFirst = true
	}
	byCode := map[string]string{}
	for _, c := range classes {
		byCode[domain.NormalizeSourceValue(c)] = c
	}
	var unplaced []string
	for _, v := range f.Priorities() {
		k := domain.NormalizeSourceValue(v.Value)
		if code, ok := m.Priorities[k]; ok && validCode(code, classes) {
			continue
		}
		delete(m.Priorities, k)
		if code, ok := byCode[k]; ok {
			m.Priorities[k] = code
			continue
		}
		if level, ok := priorityLevel(v.Value, highFirst); ok && len(classes) > 0 {
			m.Priorities[k] = classes[min(level, len(classes))-1]
			continue
		}
		unplaced = append(unplaced, v.Value)
	}
	byName := map[string]int64{}
	for _, p := range packages {
		byName[domain.NormalizeSourceValue(p.Name)] = p.ID
	}
	for _, v := range f.Categories() {
		k := domain.NormalizeSourceValue(v.Value)
		if _, ok := m.Categories[k]; ok || k == "" {
			continue
		}
		for _, part := range categoryParts(k) {
			if id, ok := byName[part]; ok {
				m.Categories[k] = id
				break
			}
		}
	}
	return m, unplaced
}

func validCode(code string, classes []string) bool {
	for _, c := range classes {
		if strings.EqualFold(strings.TrimSpace(c), strings.TrimSpace(code)) {
			return true
		}
	}
	return len(classes) == 0
}

// categoryParts are the names a category may match a package by: the whole, the last and the
// first part of a path such as "hardware > drucker" or "hardware/drucker".
func categoryParts(k string) []string {
	out := []string{k}
	for _, sep := range []string{" > ", ">", " / ", "/", " - "} {
		if strings.Contains(k, sep) {
			parts := strings.Split(k, sep)
			out = append(out, strings.TrimSpace(parts[len(parts)-1]), strings.TrimSpace(parts[0]))
			break
		}
	}
	return out
}
