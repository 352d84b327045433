package demo

import "testing"

// BenchmarkGenerateLandkreis builds the whole Landkreis in memory (what `lotse demo-data
// --scale landkreis` does before it writes the file).
func BenchmarkGenerateLandkreis(b *testing.B) {
	for b.Loop() {
		p, err := Generate(Landkreis, Options{Seed: DefaultSeed})
		if err != nil || len(p.Tickets) != 250_000 {
			b.Fatal(err)
		}
	}
}
