package charts

import (
	"bytes"
	"image/png"
	"testing"
)

func TestBidsChartRendersWithEveryKindOfBid(t *testing.T) {
	bids := []BidPoint{
		{Label: "Nordlicht", Price: 238000, Points: 590, Winner: true},
		{Label: "Schulnetz", Price: 200000, Points: 510},
		{Label: "Digitalwerk", Price: 189000, Points: 325, Excluded: true},
		{Label: "ohne Preis", Price: 0, Points: 100}, // skipped, not drawn at P = 0
	}
	p, err := BidsChart(bids, 510.0/200000, 510.0/200000*0.95, BidLabels{Title: "L gegen P", XAxis: "Preis", YAxis: "L",
		Ranked: "gewertet", Excluded: "ausgeschlossen", Winner: "Zuschlag", BestLine: "bestes Z", FloorLine: "Grenze"})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Max != 238000*1.25 || p.Y.Max != 590*1.3 {
		t.Errorf("axes %v %v", p.X.Max, p.Y.Max)
	}
	b, err := PNG(p, 16, 10)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() < 900 {
		t.Fatalf("png: %v %v", err, img.Bounds())
	}
	// No bids at all still gives a chart (empty axes), not an error.
	if _, err := BidsChart(nil, 0, 0, BidLabels{}); err != nil {
		t.Fatal(err)
	}
}
