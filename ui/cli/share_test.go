package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/internal/clock"
	"schulit-lotse/persistence"
)

func TestShareWritesAnAnonymisedCopy(t *testing.T) {
	dir, path := sample(t)
	// Give the sample people to hide: a named responsible and a role with its persons.
	f, err := persistence.Open(path, persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := f.Load()
	task := p.Tasks[0]
	task.Responsible = "Erika Muster"
	if err := f.SaveTask(&task); err != nil {
		t.Fatal(err)
	}
	f.Close()
	orig := readFile(t, path)

	out := filepath.Join(dir, "Versand.lotse")
	r := run(t, "share", path, out, "--anonymize", "--without-monitoring").want(t, 0)
	contains(t, "stdout", r.out, "Kopie zum Versenden geschrieben: "+out, "KB)", "Anonymisiert: ", "Namen durch Rollen", "Freitexte")
	if !bytes.Equal(readFile(t, path), orig) {
		t.Fatal("the original changed")
	}
	copy := readFile(t, out)
	if bytes.Contains(copy, []byte("Erika Muster")) {
		t.Fatal("the name is still in the copy")
	}
	q, err := openProject(out)
	if err != nil {
		t.Fatal(err)
	}
	if q.Tasks[0].Responsible != "Person A" || len(q.Tasks) != len(p.Tasks) {
		t.Fatalf("copy: %q, %d tasks", q.Tasks[0].Responsible, len(q.Tasks))
	}
	// Never over an existing file, and only to a .lotse name.
	run(t, "share", path, out).want(t, 1)
	r = run(t, "share", path, filepath.Join(dir, "x.zip")).want(t, 1)
	contains(t, "stderr", r.err, ".lotse")
	run(t, "share", path).want(t, 2)
	run(t, "share", path, filepath.Join(dir, "y.lotse"), "--anonymous").want(t, 2)
}

func TestShareInEnglishAndTheSizeWarning(t *testing.T) {
	english(t)
	dir, path := sample(t)
	out := filepath.Join(dir, "copy.lotse")
	r := run(t, "share", path, out).want(t, 0)
	contains(t, "stdout", r.out, "Copy for sending written")
	if r.err != "" {
		t.Fatalf("a small copy gets no warning: %q", r.err)
	}
	// A project with many tickets is larger than a mail server takes; the limit is lowered to
	// 256 KB so that 4,000 tickets exceed it while the copy without them stays below.
	big := filepath.Join(dir, "big.lotse")
	p := domain.NewProject("Groß", cliNow)
	for i := 0; i < 4000; i++ {
		p.Tickets = append(p.Tickets, domain.Ticket{ID: int64(i + 1), ExternalID: "INC-" + string(rune('A'+i%26)) + "-" + itoa(i),
			Created: cliNow.Add(-1e9 * 60 * 60 * 24), Priority: "P3", Category: "Störung Endgerät Tablet", School: "Grundschule am Musterweg " + itoa(i%120), Status: "geschlossen"})
	}
	if err := (&env{clock: clock.Fixed(cliNow)}).createProject(big, p); err != nil {
		t.Fatal(err)
	}
	r = runLimited(t, 256<<10, "share", big, filepath.Join(dir, "big-copy.lotse")).want(t, 0)
	contains(t, "stderr", r.err, "larger than 256 KB")
	r = runLimited(t, 256<<10, "share", big, filepath.Join(dir, "small-copy.lotse"), "--without-monitoring").want(t, 0)
	contains(t, "stdout", r.out, "4,000 tickets")
	if r.err != "" {
		t.Fatalf("without monitoring the copy is small: %q", r.err)
	}
	if st, _ := os.Stat(filepath.Join(dir, "small-copy.lotse")); st.Size() > 256<<10 {
		t.Fatalf("copy without tickets is %d bytes", st.Size())
	}
}

func itoa(i int) string {
	b := []byte{}
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			return string(b)
		}
	}
}
