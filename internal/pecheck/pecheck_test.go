package pecheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildTiny cross-compiles an empty program for Windows (no cgo, a few seconds).
func buildTiny(t *testing.T, ldflags string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module tiny\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "tiny.exe")
	cmd := exec.Command("go", "build", "-ldflags", ldflags, "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("cross build: %v\n%s", err, b)
	}
	return out
}

func read(t *testing.T, path string) *Info {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func has(problems []string, part string) bool {
	for _, p := range problems {
		if strings.Contains(p, part) {
			return true
		}
	}
	return false
}

func TestConsoleProgramIsRefused(t *testing.T) {
	info := read(t, buildTiny(t, ""))
	if !info.PE32Plus || info.Subsystem != 3 {
		t.Fatalf("a plain Go build for Windows is a PE32+ console program; got PE32+=%v subsystem %d", info.PE32Plus, info.Subsystem)
	}
	p := info.Check("1.0.0")
	for _, want := range []string{"subsystem 3", "no icon", "no version"} {
		if !has(p, want) {
			t.Errorf("problems %q lack %q", p, want)
		}
	}
	if has(p, "machine") || has(p, "PE32+") {
		t.Errorf("an amd64 build was reported as another machine: %q", p)
	}
}

func TestGUIProgramWithoutResourcesIsRefused(t *testing.T) {
	info := read(t, buildTiny(t, "-H=windowsgui"))
	p := info.Check("")
	if has(p, "subsystem") {
		t.Errorf("-H=windowsgui is the GUI subsystem, yet: %q", p)
	}
	if !has(p, "no icon") || !has(p, "no version") {
		t.Errorf("missing resources not reported: %q", p)
	}
}

func TestNotAPEFile(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := Read(f); err == nil {
		t.Fatal("the test binary (ELF) was read as a PE file")
	}
}

func TestVersionResourceStrings(t *testing.T) {
	// A hand-built fragment: the fixed file info signature with version 1.2.3.4 and one
	// string pair, as the version resource lays them out.
	var b []byte
	b = append(b, make([]byte, 8)...)
	b = append(b, 0xBD, 0x04, 0xEF, 0xFE, 0, 0, 1, 0) // signature, struct version
	b = append(b, 2, 0, 1, 0, 4, 0, 3, 0)             // MS = 1.2, LS = 3.4
	key := utf16le("ProductVersion\x00")
	b = append(b, key...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	b = append(b, utf16le("1.2.3\x00")...)
	info := &Info{Strings: map[string]string{}, Resources: map[uint32]int{rtVersion: 1, rtIcon: 1, rtGroupIcon: 1}, Machine: 0x8664, PE32Plus: true, Subsystem: 2}
	parseVersion(b, info)
	if info.FileVersion != [4]uint16{1, 2, 3, 4} || info.Strings["ProductVersion"] != "1.2.3" {
		t.Fatalf("parsed %v %q", info.FileVersion, info.Strings)
	}
	if p := info.Check("1.2.3"); len(p) != 0 {
		t.Fatalf("problems %q", p)
	}
	if p := info.Check("2.0.0"); !has(p, "ProductVersion") || !has(p, "file version") {
		t.Fatalf("a wrong version passed: %q", p)
	}
}
