package winassoc

import (
	"encoding/binary"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

func decodeUTF16(t *testing.T, b []byte) string {
	t.Helper()
	if len(b)%2 != 0 {
		t.Fatal("odd length")
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// fromHex reads a hex(2) value back into its string.
func fromHex(t *testing.T, s string) string {
	t.Helper()
	var b []byte
	for _, p := range strings.Split(s, ",") {
		v, err := strconv.ParseUint(p, 16, 8)
		if err != nil {
			t.Fatalf("bad hex %q", p)
		}
		b = append(b, byte(v))
	}
	return strings.TrimSuffix(decodeUTF16(t, b), "\x00")
}

func TestRegFileForDefaultLocation(t *testing.T) {
	s := decodeUTF16(t, RegFile(DefaultExe, "Schul-IT Lotse Projekt"))
	if !strings.HasPrefix(s, "\ufeffWindows Registry Editor Version 5.00\r\n") {
		t.Fatalf("header: %q", s[:40])
	}
	for _, want := range []string{
		"[HKEY_CURRENT_USER\\Software\\Classes\\.lotse]\r\n@=\"SchulIT.Lotse.Projekt\"\r\n",
		"\"Content Type\"=\"application/x-lotse\"\r\n",
		"[HKEY_CURRENT_USER\\Software\\Classes\\SchulIT.Lotse.Projekt]\r\n@=\"Schul-IT Lotse Projekt\"\r\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	if strings.Contains(s, "HKEY_LOCAL_MACHINE") {
		t.Error("a per-user registration must not touch HKEY_LOCAL_MACHINE (admin rights)")
	}
	// The command is an expandable string holding the quoted exe and "%1".
	_, after, ok := strings.Cut(s, "[HKEY_CURRENT_USER\\Software\\Classes\\SchulIT.Lotse.Projekt\\shell\\open\\command]\r\n@=hex(2):")
	if !ok {
		t.Fatalf("no expandable command in\n%s", s)
	}
	hex, _, _ := strings.Cut(after, "\r\n")
	if got, want := fromHex(t, hex), `"%LOCALAPPDATA%\Programs\Schul-IT Lotse\Schul-IT Lotse.exe" "%1"`; got != want {
		t.Fatalf("command %q, want %q", got, want)
	}
}

func TestPlainPathIsAPlainString(t *testing.T) {
	vals := Values(`C:\Tools\Lotse\lotse.exe`, "Projekt")
	cmd := vals[len(vals)-1]
	if cmd.Expand || cmd.Data != `"C:\Tools\Lotse\lotse.exe" "%1"` || cmd.Key != `Software\Classes\SchulIT.Lotse.Projekt\shell\open\command` {
		t.Fatalf("command value %+v", cmd)
	}
	s := decodeUTF16(t, RegFile(`C:\Tools\Lotse\lotse.exe`, "Projekt"))
	if !strings.Contains(s, `@="\"C:\\Tools\\Lotse\\lotse.exe\" \"%1\""`) {
		t.Fatalf("escaped command missing:\n%s", s)
	}
}

func TestUnregFileRemovesBothKeys(t *testing.T) {
	s := decodeUTF16(t, UnregFile())
	for _, want := range []string{"[-HKEY_CURRENT_USER\\Software\\Classes\\.lotse]", "[-HKEY_CURRENT_USER\\Software\\Classes\\SchulIT.Lotse.Projekt]"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q", want)
		}
	}
}
