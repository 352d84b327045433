// Package winassoc associates .lotse files with the app for the current Windows user, without
// admin rights: keys under HKEY_CURRENT_USER\Software\Classes. RegFile writes the same keys as a
// .reg file for the package; Register (Windows only) writes them for the running executable.
package winassoc

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

// Names of the association.
const (
	Extension   = ".lotse"
	ProgID      = "SchulIT.Lotse.Projekt"
	ContentType = "application/x-lotse"
	// DefaultExe is where the README suggests to unpack the program; %LOCALAPPDATA% needs no
	// admin rights and is expanded by Windows when the file is opened.
	DefaultExe = `%LOCALAPPDATA%\Programs\Schul-IT Lotse\Schul-IT Lotse.exe`
)

// Value is one registry value below HKEY_CURRENT_USER.
type Value struct {
	Key    string // e.g. Software\Classes\.lotse
	Name   string // "" = the key's default value
	Data   string
	Expand bool // REG_EXPAND_SZ: environment variables in Data are expanded
}

// Values are the keys that make Windows open .lotse files with exe and show its icon.
func Values(exe, description string) []Value {
	expand := strings.Contains(exe, "%")
	classes := `Software\Classes\`
	return []Value{
		{Key: classes + Extension, Data: ProgID},
		{Key: classes + Extension, Name: "Content Type", Data: ContentType},
		{Key: classes + ProgID, Data: description},
		{Key: classes + ProgID + `\DefaultIcon`, Data: exe + ",0", Expand: expand},
		{Key: classes + ProgID + `\shell\open\command`, Data: `"` + exe + `" "%1"`, Expand: expand},
	}
}

// RegFile is a .reg file (UTF-16LE with BOM, CRLF, as regedit writes them) that sets Values.
func RegFile(exe, description string) []byte {
	var b strings.Builder
	b.WriteString("Windows Registry Editor Version 5.00\r\n")
	last := ""
	for _, v := range Values(exe, description) {
		if v.Key != last {
			fmt.Fprintf(&b, "\r\n[HKEY_CURRENT_USER\\%s]\r\n", v.Key)
			last = v.Key
		}
		name := "@"
		if v.Name != "" {
			name = quote(v.Name)
		}
		if v.Expand {
			fmt.Fprintf(&b, "%s=hex(2):%s\r\n", name, hexUTF16(v.Data))
		} else {
			fmt.Fprintf(&b, "%s=%s\r\n", name, quote(v.Data))
		}
	}
	return utf16LE("\ufeff" + b.String())
}

// UnregFile removes what RegFile sets.
func UnregFile() []byte {
	s := "\ufeffWindows Registry Editor Version 5.00\r\n\r\n" +
		"[-HKEY_CURRENT_USER\\Software\\Classes\\" + Extension + "]\r\n\r\n" +
		"[-HKEY_CURRENT_USER\\Software\\Classes\\" + ProgID + "]\r\n"
	return utf16LE(s)
}

func quote(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// hexUTF16 is a REG_EXPAND_SZ value as regedit exports it: UTF-16LE bytes with the final NUL.
func hexUTF16(s string) string {
	b := utf16LE(s + "\x00")
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = fmt.Sprintf("%02x", c)
	}
	return strings.Join(parts, ",")
}

// utf16LE encodes s as UTF-16, little-endian, without a byte order mark.
func utf16LE(s string) []byte {
	b, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	return b
}
