// Command pecheck fails when a Windows executable would open a console window, is not a 64-bit
// x64 build, or lacks the icon or the version shown in its file properties.
//
//	go run ./internal/pecheck/cmd/pecheck [-version 1.2.3] FILE.exe
package main

import (
	"flag"
	"fmt"
	"os"

	"schulit-lotse/internal/pecheck"
)

func main() {
	version := flag.String("version", "", "the version the resource must carry")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-version V] FILE.exe")
		os.Exit(2)
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "pecheck:", err)
		os.Exit(1)
	}
	defer f.Close()
	info, err := pecheck.Read(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pecheck:", flag.Arg(0)+":", err)
		os.Exit(1)
	}
	problems := info.Check(*version)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "pecheck:", flag.Arg(0)+":", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	fmt.Printf("pecheck: %s: PE32+ AMD64, GUI subsystem, icon %v, version %q (%q)\n", flag.Arg(0), info.IconSizes, info.Strings["ProductVersion"], info.Strings["FileDescription"])
}
