// Package domain is the model of the whole Schul-IT Lotse process: the twelve steps, their
// entities, every rule and calculation. It imports neither Fyne nor GORM; the UI, the project
// file and the reports all build on it.
package domain
