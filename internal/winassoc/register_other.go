//go:build !windows

package winassoc

import "errors"

// Supported reports whether Register can work here.
const Supported = false

// Register is only possible on Windows; on Linux the package's install script registers the
// MIME type and the desktop file.
func Register(exe, description string) error {
	return errors.New("file associations are set up by the install script on this system")
}
