// Package archtest guards the one-way layering of the project: domain imports neither Fyne nor
// GORM nor the SQLite driver, nothing outside ui imports ui, and the step packages below
// ui/steps import the shared kit but never each other. It holds only tests.
package archtest
