package persistence

import (
	"errors"
	"testing"

	"schulit-lotse/domain"
)

func fullFile(t *testing.T) *File {
	t.Helper()
	return newTestFile(t, "Pakete Jürgen.lotse", fullProject())
}

func TestDeleteAndRestorePackage(t *testing.T) {
	f := fullFile(t)
	before := mustLoad(t, f)

	// Hardware-Wartung (11) holds task 1, has decision 1 and is named by SLA 1 and ticket 1.
	rm := PackageRemoval{Package: *before.PackageByID(11), Tasks: []int64{1}, SLAs: []int64{1}, Tickets: []int64{1}}
	for _, d := range before.Decisions {
		if d.PackageID == 11 {
			rm.Decisions = append(rm.Decisions, d)
		}
	}
	if err := f.DeletePackage(11, nil); err != nil {
		t.Fatal(err)
	}
	after := mustLoad(t, f)
	if after.PackageByID(11) != nil || len(after.Packages) != 1 {
		t.Fatalf("packages after delete: %+v", after.Packages)
	}
	if tk := after.TaskByID(1); tk.PackageID != nil || tk.CardX != before.TaskByID(1).CardX {
		t.Errorf("task 1 = %+v, want unsorted with its position kept", tk)
	}
	if len(after.Decisions) != 1 || after.Decisions[0].PackageID != 10 {
		t.Errorf("decisions = %+v, want only the one of package 10", after.Decisions)
	}
	if after.SLAs[0].PackageID != nil || after.Tickets[0].PackageID != nil {
		t.Errorf("SLA %v / ticket %v still name the package", after.SLAs[0].PackageID, after.Tickets[0].PackageID)
	}
	if err := checkDocument(after); err != nil {
		t.Errorf("the file no longer exports: %v", err)
	}

	if err := f.RestorePackage(rm); err != nil {
		t.Fatal(err)
	}
	if got, want := sprint(mustLoad(t, f)), sprint(before); got != want {
		t.Errorf("restore differs:\n got %s\nwant %s", got, want)
	}
}

func TestSavePackageAndBoard(t *testing.T) {
	f := fullFile(t)
	p := mustLoad(t, f)
	pk := domain.Package{Name: "Software", Color: "#00838f", X: 10, Y: 20, Width: 394, Height: 218, SortOrder: 3}
	tasks := []domain.Task{*p.TaskByID(7)}
	tasks[0].CardX, tasks[0].CardY = 22, 72
	if err := f.SavePackage(&pk, tasks); err != nil {
		t.Fatal(err)
	}
	if pk.ID == 0 || tasks[0].PackageID == nil || *tasks[0].PackageID != pk.ID {
		t.Fatalf("ids not set: package %d, task %v", pk.ID, tasks[0].PackageID)
	}
	q := mustLoad(t, f)
	if got := q.TaskByID(7); got.PackageID == nil || *got.PackageID != pk.ID || got.CardX != 22 {
		t.Errorf("stored task = %+v", got)
	}

	pk.Width = 500
	moved := *q.TaskByID(9)
	moved.PackageID = &pk.ID
	if err := f.SaveBoard([]domain.Task{moved}, []domain.Package{pk}); err != nil {
		t.Fatal(err)
	}
	q = mustLoad(t, f)
	if q.PackageByID(pk.ID).Width != 500 || q.TaskByID(9).PackageID == nil {
		t.Error("SaveBoard did not store both")
	}

	// Refused values leave the file as it was.
	bad := pk
	bad.Color = "blau"
	if err := f.SaveBoard(nil, []domain.Package{bad}); !errors.Is(err, domain.ErrPackageColor) {
		t.Errorf("bad colour: %v", err)
	}
	keep := *q.TaskByID(9)
	keep.Responsible, keep.Coverage = "", domain.CoverageKeep
	if err := f.SaveBoard([]domain.Task{keep}, nil); !errors.Is(err, domain.ErrKeepWithoutResponsible) {
		t.Errorf("keep without responsible: %v", err)
	}
	if got, want := sprint(mustLoad(t, f)), sprint(q); got != want {
		t.Error("a refused write changed the file")
	}
}
