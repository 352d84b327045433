package sample

import (
	"testing"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// committedSample is the sample as the program ships it (assets/sample.json), parsed.
func committedSample(t *testing.T) *domain.Project {
	t.Helper()
	p, err := persistence.ParseJSON(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
