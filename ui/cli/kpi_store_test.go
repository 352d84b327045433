package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"schulit-lotse/domain/kpi"
)

// `lotse kpi` reads the plan and the period's rows from the store; its JSON equals, byte for
// byte (compacted), the report the in-memory engine computes over the whole project, for the default
// quarter and for other periods, on the sample and on a generated project.
func TestKPICommandEqualsTheEngine(t *testing.T) {
	dir, samplePath := sample(t)
	small := filepath.Join(dir, "Klein.lotse")
	run(t, "demo-data", "--scale", "small", small).want(t, 0)
	for _, c := range []struct {
		path    string
		periods [][]string
	}{
		{samplePath, [][]string{nil, {"2027-01-01", "2027-03-31"}, {"2027-05-10", "2027-06-09"}, {"2026-01-01", "2027-12-31"}}},
		{small, [][]string{nil, {"2023-01-01", "2023-01-31"}, {"2023-04-01", "2023-06-30"}, {"2023-01-01", "2023-12-31"}}},
	} {
		full := loadProject(t, c.path)
		for _, pr := range c.periods {
			args := []string{"kpi", c.path, "--json"}
			if pr != nil {
				args = append(args, "--from", pr[0], "--to", pr[1])
			}
			r := run(t, args...).want(t, 0)
			var doc struct {
				Report json.RawMessage `json:"report"`
			}
			if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
				t.Fatal(err)
			}
			var period kpi.Period
			if pr == nil {
				period = kpi.DefaultPeriod(full, full.AsOf(cliNow).Time)
			} else {
				period = mustPeriod(t, pr[0], pr[1])
			}
			want, err := kpi.Compute(full, period, kpi.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var wantJSON bytes.Buffer
			enc := json.NewEncoder(&wantJSON)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(want); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := json.Compact(&got, doc.Report); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), bytes.TrimSpace(wantJSON.Bytes())) {
				t.Errorf("%s %v: lotse kpi and the engine differ\n%s\n---\n%s", filepath.Base(c.path), pr, got.Bytes(), wantJSON.Bytes())
			}
		}
	}
}

func mustPeriod(t *testing.T, from, to string) kpi.Period {
	t.Helper()
	p, err := parsePeriod(from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
