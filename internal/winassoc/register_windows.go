//go:build windows

package winassoc

import (
	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// Supported reports whether Register can work here.
const Supported = true

// Register writes Values for exe below HKEY_CURRENT_USER and tells the shell to reload the
// associations, so icons and double-click work at once.
func Register(exe, description string) error {
	for _, v := range Values(exe, description) {
		k, _, err := registry.CreateKey(registry.CURRENT_USER, v.Key, registry.SET_VALUE)
		if err != nil {
			return err
		}
		if v.Expand {
			err = k.SetExpandStringValue(v.Name, v.Data)
		} else {
			err = k.SetStringValue(v.Name, v.Data)
		}
		k.Close()
		if err != nil {
			return err
		}
	}
	notifyShell()
	return nil
}

// notifyShell is SHChangeNotify(SHCNE_ASSOCCHANGED, SHCNF_IDLIST, nil, nil).
func notifyShell() {
	proc := windows.NewLazySystemDLL("shell32.dll").NewProc("SHChangeNotify")
	if proc.Find() == nil {
		proc.Call(0x08000000, 0, 0, 0)
	}
}
