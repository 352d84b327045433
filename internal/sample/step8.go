package sample

import "schulit-lotse/domain"

// Step 8 of Musterstadt: an open procedure with two A-criteria, five weighted B-criteria in three
// groups and three bids, evaluated by the erweiterte Richtwertmethode (5 %, performance decides).

func sampleStep8(p *domain.Project) {
	date := func(y, m, d int) *domain.Date { x := domain.NewDate(y, timeMonth(m), d); return &x }
	p.Tender = domain.Tender{
		Procedure: "Offenes Verfahren (UVgO)", Publication: "Vergabeplattform des Landes, Az. 40-2026-117",
		PublishedOn: date(2026, 9, 15), OfferDeadline: date(2026, 10, 20), AwardDate: date(2026, 11, 20),
		Method: domain.MethodExtended, FluctuationPct: 5, TieBreaker: domain.TieBreakPerformance,
	}
	p.Criteria = append(p.Criteria,
		domain.TenderCriterion{ID: 801, Kind: domain.CriterionA, Group: "Eignung", Name: "Referenzen: mindestens zwei Schulträger in den letzten drei Jahren", SortOrder: 1},
		domain.TenderCriterion{ID: 802, Kind: domain.CriterionA, Group: "Eignung", Name: "Auftragsverarbeitung nach DSGVO, Daten nur in der EU", SortOrder: 2},
		domain.TenderCriterion{ID: 811, Kind: domain.CriterionB, Group: "Leistung", Name: "Konzept für Störungsbearbeitung und Eskalation", Weight: 25, MinScore: 4, SortOrder: 3},
		domain.TenderCriterion{ID: 812, Kind: domain.CriterionB, Group: "Leistung", Name: "Vor-Ort-Präsenz und Wege zu den Schulen", Weight: 20, SortOrder: 4},
		domain.TenderCriterion{ID: 813, Kind: domain.CriterionB, Group: "Qualität", Name: "Qualifikation des eingesetzten Personals", Weight: 15, MinScore: 3, SortOrder: 5},
		domain.TenderCriterion{ID: 814, Kind: domain.CriterionB, Group: "Qualität", Name: "Berichtswesen: Kennzahlen und Monatsbericht", Weight: 10, SortOrder: 6},
		domain.TenderCriterion{ID: 815, Kind: domain.CriterionB, Group: "Übergang", Name: "Einarbeitung und Übergabe am Vertragsende", Weight: 10, SortOrder: 7},
	)
	scores := func(a1, a2, b1, b2, b3, b4, b5 float64) map[int64]float64 {
		return map[int64]float64{801: a1, 802: a2, 811: b1, 812: b2, 813: b3, 814: b4, 815: b5}
	}
	// reasons are the evaluation committee's notes per B-criterion, as the Vergabevermerk prints them.
	reasons := func(b1, b2, b3, b4, b5 string) map[int64]string {
		return map[int64]string{811: b1, 812: b2, 813: b3, 814: b4, 815: b5}
	}
	p.Bids = append(p.Bids,
		domain.Bid{ID: 851, Bidder: "Nordlicht IT-Service GmbH", Price: 238000, Scores: scores(1, 1, 8, 7, 8, 7, 6),
			Note: "Preis für 24 Monate; Service Desk in Oldenburg",
			Reasons: reasons("Eskalation in drei Stufen mit Zeiten je Priorität, Rufbereitschaft für P1",
				"Techniker in Oldenburg, 45 Minuten zur entferntesten Schule",
				"Zertifizierte Fachkräfte, feste Ansprechpersonen je Schule",
				"Monatsbericht mit allen geforderten Kennzahlen, Muster beigelegt",
				"Übergabe beschrieben, ohne Zeitplan")},
		domain.Bid{ID: 852, Bidder: "Schulnetz Weser-Ems GmbH", Price: 200000, Scores: scores(1, 1, 6, 7, 6, 6, 7),
			Note: "Preis für 24 Monate; Vor-Ort-Team mit zwei Personen",
			Reasons: reasons("Eskalation beschrieben, ohne Zeiten für P2–P4",
				"Vor-Ort-Team mit zwei Personen im Landkreis",
				"Qualifikation belegt, Vertretung nicht geregelt",
				"Quartalsbericht statt Monatsbericht angeboten",
				"Übergabeplan mit Zeitplan und Dokumentation")},
		domain.Bid{ID: 853, Bidder: "Digitalwerk Kommunal AG", Price: 189000, Scores: scores(1, 1, 5, 4, 2, 5, 4),
			Note: "Preis für 24 Monate; Personal überwiegend in Einarbeitung",
			Reasons: reasons("Konzept allgemein gehalten, keine Zeiten je Priorität",
				"Einsätze aus Hannover, Anfahrt über eine Stunde",
				"Personal überwiegend in Einarbeitung, Mindestpunktzahl 3 nicht erreicht",
				"Standardbericht ohne Schulbezug",
				"Übergabe nur auf Nachfrage")},
	)
}
