package pdfkit

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"schulit-lotse/internal/leftover"
)

// CatchPDF, deferred by every PDF writer, turns a panic into the writer's error: gofpdf panics
// on some inputs it does not expect, and the user gets a message instead.
func CatchPDF(err *error) {
	if rec := recover(); rec != nil {
		*err = fmt.Errorf("%s: %v", Tr("reports.err.pdf"), rec)
	}
}

// Emit writes a laid-out report to w: a layout error is a PDF error, a failed write is named as
// such. The single-run PDF writers end with it.
func Emit(w io.Writer, r *Report) error {
	if err := r.Err(); err != nil {
		return fmt.Errorf("%s: %w", Tr("reports.err.pdf"), err)
	}
	if err := r.Output(w); err != nil {
		return fmt.Errorf("%s: %w", Tr("reports.err.write"), err)
	}
	return nil
}

// WriteAtomically writes what write produces to path without ever leaving a half-written
// file: the document is written as it is made (not held in memory: a project's JSON export
// runs to hundreds of megabytes) to a temporary file beside the target, synced to disk and
// renamed over it. On any error the target is unchanged and the temporary file
// removed. Every Write…File of the package goes through it.
func WriteAtomically(path string, write func(w io.Writer) error) (err error) {
	if strings.TrimSpace(path) == "" {
		return errors.New(Tr("reports.err.no_path"))
	}
	if fi, statErr := os.Stat(path); statErr == nil && fi.IsDir() {
		return errors.New(Tr("reports.err.is_dir", map[string]any{"Path": path}))
	}
	dir := filepath.Dir(path)
	tmp, err := leftover.Create(path, leftover.Export)
	if err != nil {
		return fmt.Errorf("%s: %w", Tr("reports.err.create", map[string]any{"Dir": dir}), err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	saveErr := func(e error) error {
		return fmt.Errorf("%s: %w", Tr("reports.err.save", map[string]any{"Path": path}), e)
	}
	out := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(out); err != nil {
		return err
	}
	if err = out.Flush(); err != nil {
		return saveErr(err)
	}
	if err = tmp.Sync(); err != nil {
		return saveErr(err)
	}
	if err = tmp.Close(); err != nil {
		return saveErr(err)
	}
	// CreateTemp makes the file private; a report is meant to be shared like any document.
	if err = os.Chmod(tmpName, 0o644); err != nil {
		return saveErr(err)
	}
	if err = os.Rename(tmpName, path); err != nil {
		return saveErr(err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the system allows it (not on Windows); best effort.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
