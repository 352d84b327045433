package plural

import (
	"os"
	"testing"

	"schulit-lotse/assets"
)

func TestMain(m *testing.M) {
	assets.SetupLanguage(assets.German)
	os.Exit(m.Run())
}

func TestSingularForExactlyOne(t *testing.T) {
	cases := []struct {
		key  string
		n    int
		want string
	}{
		{"raci.count.warnings", 0, "0 Hinweise"},
		{"raci.count.warnings", 1, "1 Hinweis"},
		{"raci.count.warnings", 2, "2 Hinweise"},
		{"raci.count.processes", 1, "1 Prozess"},
		{"raci.count.processes", 10, "10 Prozessen"},
		{"board.count.cards", 1, "1 Karte"},
		{"board.count.cards", 3, "3 Karten"},
	}
	for _, c := range cases {
		if got := L(c.key, c.n); got != c.want {
			t.Errorf("L(%q, %d) = %q, want %q", c.key, c.n, got, c.want)
		}
	}
}

func TestCountsFromAThousandAreGrouped(t *testing.T) {
	if got, want := L("board.count.cards", 1500), "1.500 Karten"; got != want {
		t.Errorf("L(board.count.cards, 1500) = %q, want %q", got, want)
	}
	if got, want := Number(1200), "1.200"; got != want {
		t.Errorf("Number(1200) = %q, want %q", got, want)
	}
	if got, want := Number(999), "999"; got != want {
		t.Errorf("Number(999) = %q, want %q", got, want)
	}
}
