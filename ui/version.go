package ui

// Version is the app's version, set at build time with
// -ldflags "-X schulit-lotse/ui.Version=1.2.3"; the default matches FyneApp.toml.
var Version = "0.1.0"

// AppID identifies the app to the system and keys its stored preferences.
const AppID = "de.schulit-lotse.app"
