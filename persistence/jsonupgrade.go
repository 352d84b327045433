package persistence

import (
	"bytes"
	"encoding/json"

	"schulit-lotse/domain"
)

// upgradeJSON converts a document of version 6 or older into the shape of version 7 the same
// way migration 7 converts a file: persons from the names the roles list, and the free text of
// meeting and Jour-fixe participants and measure owners into references and guests
// (domain.MatchAttendees). Newer documents and anything that is not such a document pass
// unchanged (ParseJSON reports what is wrong with them).
func upgradeJSON(data []byte) ([]byte, error) {
	var doc struct {
		Format  string                     `json:"format"`
		Version int                        `json:"version"`
		Project map[string]json.RawMessage `json:"project"`
	}
	if json.Unmarshal(data, &doc) != nil || doc.Version >= 7 || doc.Version < 1 || doc.Project == nil {
		return data, nil
	}
	p := doc.Project
	if _, ok := p["persons"]; ok {
		return data, nil // already holds persons (a document edited by hand): nothing to convert
	}
	var roles []domain.Role
	var kickoff domain.Kickoff
	if raw, ok := p["roles"]; ok && json.Unmarshal(raw, &roles) != nil {
		return data, nil // ParseJSON names the error
	}
	if raw, ok := p["kickoff"]; ok && json.Unmarshal(raw, &kickoff) != nil {
		return data, nil
	}
	persons := domain.PeopleFromRoles(roles, kickoff.Participants, 1)
	for _, c := range []struct{ list, from, to string }{
		{"meetings", "participants", "participants"},
		{"jourFixes", "participants", "participants"},
		{"measures", "owner", "owners"},
	} {
		raw, ok := p[c.list]
		if !ok {
			continue
		}
		var rows []map[string]json.RawMessage
		if json.Unmarshal(raw, &rows) != nil {
			return data, nil
		}
		for _, row := range rows {
			var text string
			if v, ok := row[c.from]; ok {
				if json.Unmarshal(v, &text) != nil {
					return data, nil
				}
				delete(row, c.from)
			}
			row[c.to] = mustJSON(domain.MatchAttendees(text, persons)) // none: null, as the export writes it
		}
		p[c.list] = mustJSON(rows)
	}
	if persons == nil {
		persons = []domain.Person{}
	}
	p["persons"] = mustJSON(persons)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]any{"format": doc.Format, "version": doc.Version, "project": p}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain data only
	}
	return b
}
