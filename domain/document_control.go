package domain

import (
	"strings"
	"unicode/utf8"
)

// ConfigDocumentControl is the Project.Config key of the reports' document control. It lives in
// the key/value config for now; a later schema migration may give it a table of its own.
const ConfigDocumentControl = "reports.documentControl"

// DocumentStatus is how far a report has come on its way through the committees.
type DocumentStatus string

const (
	DocumentDraft       DocumentStatus = "draft"    // Entwurf
	DocumentForDecision DocumentStatus = "decision" // zur Beschlussfassung
	DocumentFinal       DocumentStatus = "final"    // final
)

// DocumentStatuses lists the states in the order the editor offers them.
var DocumentStatuses = []DocumentStatus{DocumentDraft, DocumentForDecision, DocumentFinal}

// Rule violations of the document control.
const (
	ErrDocumentStatus Error = "err.document.status"
	ErrDocumentLength Error = "err.document.length"
)

// DocumentMaxText limits the one-line fields; DocumentMaxProposal the Beschlussvorschlag.
const (
	DocumentMaxText     = 200
	DocumentMaxProposal = 3000
)

// DocumentControl is what every report's title page says about the document itself: its
// version and status, who wrote it and how to reach them, the body that decides on it and, once
// it has, who approved it on which day; Proposal is the Beschlussvorschlag of "Auf einen Blick".
type DocumentControl struct {
	Version    string         `json:"version,omitempty"`
	Status     DocumentStatus `json:"status,omitempty"`
	Author     string         `json:"author,omitempty"`
	Contact    string         `json:"contact,omitempty"`
	Committee  string         `json:"committee,omitempty"`
	ApprovedBy string         `json:"approvedBy,omitempty"`
	ApprovedOn *Date          `json:"approvedOn,omitempty"`
	Proposal   string         `json:"proposal,omitempty"`
}

// DefaultDocumentVersion is the version of a report nobody has numbered yet.
const DefaultDocumentVersion = "0.1"

// WithDefaults fills an unset version and status (a first draft).
func (d DocumentControl) WithDefaults() DocumentControl {
	if strings.TrimSpace(d.Version) == "" {
		d.Version = DefaultDocumentVersion
	}
	if !d.Status.Valid() {
		d.Status = DocumentDraft
	}
	return d
}

// Valid reports whether s is one of the known states.
func (s DocumentStatus) Valid() bool {
	for _, k := range DocumentStatuses {
		if s == k {
			return true
		}
	}
	return false
}

// Validate checks the record before it is stored; an empty status is allowed (draft).
func (d DocumentControl) Validate() error {
	if d.Status != "" && !d.Status.Valid() {
		return ErrDocumentStatus
	}
	for _, s := range []string{d.Version, d.Author, d.Contact, d.Committee, d.ApprovedBy} {
		if utf8.RuneCountInString(s) > DocumentMaxText {
			return ErrDocumentLength
		}
	}
	if utf8.RuneCountInString(d.Proposal) > DocumentMaxProposal {
		return ErrDocumentLength
	}
	return nil
}

// DocumentControlConfig is the saved document control with defaults filled in.
func (p *Project) DocumentControlConfig() DocumentControl {
	var d DocumentControl
	p.configValue(ConfigDocumentControl, &d)
	return d.WithDefaults()
}
