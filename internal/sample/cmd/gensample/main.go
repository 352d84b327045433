// Command gensample writes the sample project's JSON (assets/sample/musterstadt.json) from the
// builder in internal/sample.
package main

import (
	"fmt"
	"os"

	"schulit-lotse/internal/sample"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gensample OUT.json")
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "lotse-sample-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	b, err := sample.JSON(dir)
	if err == nil {
		err = os.WriteFile(os.Args[1], b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
}
