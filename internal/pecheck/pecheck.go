// Package pecheck reads what a Windows user sees of our executable without running it: that it
// is a 64-bit GUI program (no console window), and that it carries an icon and version
// information for the file properties. `make dist` runs it on the cross-built .exe.
package pecheck

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/unicode"
)

// Resource types of the Windows resource directory.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// Info is what the checks found.
type Info struct {
	Machine   uint16
	PE32Plus  bool
	Subsystem uint16
	// Resources counts the leaf resources per type.
	Resources map[uint32]int
	// IconSizes are the widths of the icon group's images (256 is stored as 0 and reported as 256).
	IconSizes []int
	// Version strings of the version resource's string table (ProductVersion, FileDescription, …).
	Strings map[string]string
	// FileVersion is VS_FIXEDFILEINFO's file version as major.minor.patch.build.
	FileVersion [4]uint16
}

// Read parses the PE header and the resource section.
func Read(r io.ReaderAt) (*Info, error) {
	f, err := pe.NewFile(r)
	if err != nil {
		return nil, fmt.Errorf("not a PE file: %w", err)
	}
	defer f.Close()
	info := &Info{Machine: f.Machine, Resources: map[uint32]int{}, Strings: map[string]string{}}
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		info.PE32Plus = true
		info.Subsystem = oh.Subsystem
	case *pe.OptionalHeader32:
		info.Subsystem = oh.Subsystem
	default:
		return nil, errors.New("no optional header")
	}
	sec := f.Section(".rsrc")
	if sec == nil {
		return info, nil
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("reading .rsrc: %w", err)
	}
	rs := &rsrc{data: data, base: sec.VirtualAddress}
	leaves, err := rs.walk()
	if err != nil {
		return nil, err
	}
	for _, l := range leaves {
		info.Resources[l.typ]++
		switch l.typ {
		case rtGroupIcon:
			info.IconSizes = append(info.IconSizes, groupIconSizes(l.data)...)
		case rtVersion:
			parseVersion(l.data, info)
		}
	}
	return info, nil
}

// Check returns the problems a user would notice: a console window, a 32-bit or non-x64
// build, no icon, no version in the file properties, a version other than want.
func (i *Info) Check(wantVersion string) []string {
	var out []string
	if i.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		out = append(out, fmt.Sprintf("machine 0x%x, want AMD64", i.Machine))
	}
	if !i.PE32Plus {
		out = append(out, "not PE32+ (64-bit)")
	}
	if i.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		out = append(out, fmt.Sprintf("subsystem %d, want %d (Windows GUI: no console window)", i.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI))
	}
	if i.Resources[rtIcon] == 0 || i.Resources[rtGroupIcon] == 0 {
		out = append(out, "no icon resource")
	}
	if i.Resources[rtVersion] == 0 {
		out = append(out, "no version resource")
	} else if wantVersion != "" {
		if v := i.Strings["ProductVersion"]; !strings.HasPrefix(v, wantVersion) {
			out = append(out, fmt.Sprintf("ProductVersion %q, want %q", v, wantVersion))
		}
		if want := fmt.Sprint(i.FileVersion[0], ".", i.FileVersion[1], ".", i.FileVersion[2]); !strings.HasPrefix(wantVersion, want) {
			out = append(out, fmt.Sprintf("file version %s, want %s", want, wantVersion))
		}
	}
	return out
}

type rsrc struct {
	data []byte
	base uint32 // virtual address of the section: data entries hold RVAs
}

type leaf struct {
	typ  uint32
	data []byte
}

// walk visits the three levels of the resource tree: type, name, language. The data entries
// on the third level are the leaves; each keeps the type of its first level.
func (r *rsrc) walk() ([]leaf, error) {
	var out []leaf
	var visit func(off uint32, level int, typ uint32) error
	visit = func(off uint32, level int, typ uint32) error {
		entries, err := r.dir(off)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if level == 0 {
				typ = e.id
			}
			switch {
			case level < 2 && e.sub:
				err = visit(e.off, level+1, typ)
			case level == 2 && !e.sub:
				var b []byte
				b, err = r.entry(e.off)
				out = append(out, leaf{typ: typ, data: b})
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := visit(0, 0, 0); err != nil {
		return nil, err
	}
	return out, nil
}

type dirEntry struct {
	id  uint32
	off uint32
	sub bool
}

func (r *rsrc) dir(off uint32) ([]dirEntry, error) {
	if int(off)+16 > len(r.data) {
		return nil, errors.New("resource directory out of range")
	}
	named := binary.LittleEndian.Uint16(r.data[off+12:])
	ids := binary.LittleEndian.Uint16(r.data[off+14:])
	n := int(named) + int(ids)
	var out []dirEntry
	for i := 0; i < n; i++ {
		p := int(off) + 16 + 8*i
		if p+8 > len(r.data) {
			return nil, errors.New("resource entry out of range")
		}
		name := binary.LittleEndian.Uint32(r.data[p:])
		target := binary.LittleEndian.Uint32(r.data[p+4:])
		out = append(out, dirEntry{id: name, off: target &^ (1 << 31), sub: target&(1<<31) != 0})
	}
	return out, nil
}

func (r *rsrc) entry(off uint32) ([]byte, error) {
	if int(off)+16 > len(r.data) {
		return nil, errors.New("resource data entry out of range")
	}
	rva := binary.LittleEndian.Uint32(r.data[off:])
	size := binary.LittleEndian.Uint32(r.data[off+4:])
	start := int64(rva) - int64(r.base)
	if start < 0 || start+int64(size) > int64(len(r.data)) {
		return nil, errors.New("resource data out of range")
	}
	return r.data[start : start+int64(size)], nil
}

// groupIconSizes reads a GRPICONDIR: 6 bytes header, then 14 bytes per image.
func groupIconSizes(b []byte) []int {
	if len(b) < 6 {
		return nil
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	var out []int
	for i := 0; i < n && 6+14*i+14 <= len(b); i++ {
		w := int(b[6+14*i])
		if w == 0 {
			w = 256
		}
		out = append(out, w)
	}
	return out
}

// parseVersion reads VS_VERSIONINFO: the fixed file info and the string table's pairs.
func parseVersion(b []byte, info *Info) {
	sig := []byte{0xBD, 0x04, 0xEF, 0xFE}
	if i := indexBytes(b, sig); i >= 0 && i+16 <= len(b) {
		ms := binary.LittleEndian.Uint32(b[i+8:])
		ls := binary.LittleEndian.Uint32(b[i+12:])
		info.FileVersion = [4]uint16{uint16(ms >> 16), uint16(ms), uint16(ls >> 16), uint16(ls)}
	}
	// The string table holds "Key\0Value\0" pairs in UTF-16, each block aligned to 4 bytes.
	// Walking the blocks exactly is long; reading the keys we know and the string after
	// each is enough for a check.
	for _, key := range []string{"ProductVersion", "FileVersion", "ProductName", "FileDescription", "CompanyName", "LegalCopyright", "OriginalFilename"} {
		k := utf16le(key + "\x00")
		i := indexBytes(b, k)
		if i < 0 {
			continue
		}
		p := i + len(k)
		for p%4 != 0 {
			p++
		}
		info.Strings[key] = readUTF16Z(b[min(p, len(b)):])
	}
}

// utf16le encodes s as UTF-16, little-endian, without a byte order mark.
func utf16le(s string) []byte {
	b, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	return b
}

func readUTF16Z(b []byte) string {
	var u []uint16
	for i := 0; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

func indexBytes(b, sub []byte) int {
	return strings.Index(string(b), string(sub))
}
