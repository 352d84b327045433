package wording

import "testing"

func TestFormatBytes(t *testing.T) {
	cases := []struct {
		n        int64
		lang, is string
	}{{512, "de", "512 B"}, {1536, "de", "2 KB"}, {10 << 20, "de", "10,0 MB"}, {13_000_000, "en", "12.4 MB"}}
	for _, c := range cases {
		if got := FormatBytes(c.n, c.lang); got != c.is {
			t.Errorf("FormatBytes(%d, %s) = %q, want %q", c.n, c.lang, got, c.is)
		}
	}
}
