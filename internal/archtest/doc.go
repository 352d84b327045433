// Package archtest guards the one-way layering of the project: domain imports neither Fyne nor
// GORM nor the SQLite driver, and nothing outside ui imports ui. It holds only tests.
package archtest
