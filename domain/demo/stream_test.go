package demo

import (
	"crypto/sha256"
	"fmt"
	"io"
	"testing"
	"time"

	"schulit-lotse/domain"
)

// rowsDigest is a digest of the monitoring rows (each field written out) and of what the
// minutes made of them: the notes of every Jour fixe and every measure.
func rowsDigest(p *domain.Project) string {
	h := sha256.New()
	tm := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.UTC().Format(time.RFC3339)
	}
	for _, t := range p.Tickets {
		pkg := "-"
		if t.PackageID != nil {
			pkg = fmt.Sprint(*t.PackageID)
		}
		fmt.Fprintf(h, "t|%d|%s|%s|%s|%s|%s|%s|%s|%s|%s|%v\n", t.ID, t.ExternalID, tm(&t.Created), tm(t.FirstResponse), tm(t.Resolved),
			t.Priority, t.Category, t.School, t.Status, pkg, t.ResponseNotMeasured)
	}
	for _, c := range p.Calls {
		fmt.Fprintf(h, "c|%d|%s|%v|%d|%d\n", c.ID, tm(&c.At), c.Answered, c.WaitSeconds, c.TalkSeconds)
	}
	for _, a := range p.SurveyAnswers {
		fmt.Fprintf(h, "a|%d|%s|%s|%d|%s\n", a.ID, tm(&a.At), a.Question, a.Score, a.School)
	}
	for _, j := range p.JourFixes {
		fmt.Fprintf(h, "j|%d|%s|%s\n", j.ID, j.Date, j.Notes)
	}
	for _, m := range p.Measures {
		fmt.Fprintf(h, "m|%d|%s|%s|%s\n", m.ID, m.Text, m.Status, m.Due)
	}
	io.WriteString(h, p.Config[domain.ConfigTicketMapping]+p.Config[domain.ConfigSurveyMapping])
	return fmt.Sprintf("%x", h.Sum(nil))
}

// The rows and minutes of two seeds as the generator made them while it held every row in
// memory (before it handed them out one at a time): a change of the generation shows here.
func TestRowsAsBefore(t *testing.T) {
	for _, c := range []struct {
		sizes Sizes
		seed  uint64
		want  string
	}{
		{mustSizes(Small), DefaultSeed, "23f6bd2778a51a3b8c44d14ae4c93e69051ab7f504346e350b8cd36562d6bbce"},
		{Sizes{Schools: 20, Tasks: 100, Packages: 8, Roles: 8, Activities: 16, Tickets: 3000, Calls: 4000, Answers: 300, Months: 14}, 7, "522beca10875d8b3008030ef65f9a9757d60624d97421e0f891b99ebd3aabd33"},
	} {
		if got := rowsDigest(GenerateSizes(c.sizes, Options{Seed: c.seed})); got != c.want {
			t.Errorf("%+v seed %d: digest %s, want %s", c.sizes, c.seed, got, c.want)
		}
	}
}

func mustSizes(s Scale) Sizes {
	z, _ := SizesOf(s)
	return z
}
