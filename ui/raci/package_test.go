package raci

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
)

// The user taps a cell of an activity and picks its Aufgabenpaket in the form below the grid;
// "kein Paket" removes the link again, and undo restores it.
func TestActivityPackageChosenInTheForm(t *testing.T) {
	p := small()
	p.Packages = []domain.Package{{ID: 7, Name: "Störungsbeseitigung", SortOrder: 1, Width: 300, Height: 200},
		{ID: 8, Name: "User-Management", SortOrder: 2, X: 320, Width: 300, Height: 200}}
	fx := newFixture(t, p)
	fx.tapCell("Ticket anlegen", "Medienbeauftragte")
	if fx.ed.pkg.Disabled() || len(fx.ed.pkg.Options) != 3 || fx.ed.pkg.Options[1] != "Störungsbeseitigung" {
		t.Fatalf("package select %v, disabled %v", fx.ed.pkg.Options, fx.ed.pkg.Disabled())
	}
	test.Tap(fx.ed.pkg)
	fx.ed.pkg.SetSelected("Störungsbeseitigung")
	a := fx.s.Project.RaciActivities[1]
	if a.ID != 11 || a.PackageID == nil || *a.PackageID != 7 || len(fx.errs) != 0 {
		t.Fatalf("activity %+v, errors %v", a, fx.errs)
	}
	stored, err := fx.s.File.Load()
	if err != nil || stored.RaciActivities[1].PackageID == nil || *stored.RaciActivities[1].PackageID != 7 {
		t.Fatalf("file: %v %+v", err, stored.RaciActivities)
	}
	fx.ed.pkg.SetSelected("kein Paket")
	if fx.s.Project.RaciActivities[1].PackageID != nil {
		t.Error("kein Paket kept the link")
	}
	if err := fx.s.Undo(); err != nil || fx.s.Project.RaciActivities[1].PackageID == nil {
		t.Errorf("undo: %v %+v", err, fx.s.Project.RaciActivities[1])
	}
	// Deleting the package removes the link, undo brings it back.
	if err := fx.s.DeletePackage(7); err != nil || fx.s.Project.RaciActivities[1].PackageID != nil {
		t.Fatalf("delete package: %v %+v", err, fx.s.Project.RaciActivities[1])
	}
	if err := fx.s.Undo(); err != nil || fx.s.Project.RaciActivities[1].PackageID == nil || *fx.s.Project.RaciActivities[1].PackageID != 7 {
		t.Errorf("undo delete: %v %+v", err, fx.s.Project.RaciActivities[1])
	}
}
