package provenance

import (
	"encoding/json"
	"io"
)

// contractDocument is a document as the scan --json contract shows it.
type contractDocument struct {
	ID          string   `json:"id"`
	Path        string   `json:"path"`
	Title       string   `json:"title"`
	Outlet      string   `json:"outlet"`
	Published   string   `json:"published"`
	Role        string   `json:"role"`
	Words       int      `json:"words"`
	Format      string   `json:"format"`
	Meta        Metadata `json:"meta"`
	Boilerplate []Span   `json:"boilerplate,omitempty"`
	Text        *string  `json:"text,omitempty"`
}

type contract struct {
	Version     int                `json:"version"`
	Settings    Settings           `json:"settings"`
	Documents   []contractDocument `json:"documents"`
	Passages    []Passage          `json:"passages"`
	Pairs       []Pair             `json:"pairs"`
	Links       []Link             `json:"links"`
	Families    []Family           `json:"families"`
	Mutations   []Mutation         `json:"mutations"`
	OutletEdges []OutletEdge       `json:"outlet_edges"`
	Duplicates  []Duplicate        `json:"duplicates"`
	Errors      []FileError        `json:"errors"`
}

// WriteContractJSON writes r as the versioned `copytrail scan --json`
// object documented in the README. withText adds each document's text.
// Empty arrays are written as [] so scripts need no null checks.
func WriteContractJSON(w io.Writer, r *Result, withText bool) error {
	c := contract{
		Version:     ContractVersion,
		Settings:    r.Settings,
		Documents:   make([]contractDocument, 0, len(r.Documents)),
		Passages:    nonNil(r.Passages),
		Pairs:       nonNil(r.Pairs),
		Links:       nonNil(r.Links),
		Families:    nonNil(r.Families),
		Mutations:   nonNil(r.Mutations),
		OutletEdges: nonNil(r.OutletEdges),
		Duplicates:  nonNil(r.Duplicates),
		Errors:      nonNil(r.Errors),
	}
	for i := range r.Documents {
		c.Documents = append(c.Documents, contractDocumentOf(&r.Documents[i], withText))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(c)
}

func contractDocumentOf(d *Document, withText bool) contractDocument {
	cd := contractDocument{
		ID: d.ID, Path: d.Path, Title: d.Meta.Title.Value, Outlet: d.Meta.Outlet.Value,
		Published: d.Meta.Published.Value, Role: d.Meta.Role.Value, Words: d.Words, Format: d.Format,
		Meta: d.Meta, Boilerplate: d.Boilerplate,
	}
	if withText {
		t := d.Text
		cd.Text = &t
	}
	return cd
}

// ContractDocument returns d as one element of the contract's "documents"
// array shows it (its text only when withText), for writers that stream
// the contract's values one by one (copytrail scan --jsonl).
func ContractDocument(d *Document, withText bool) any { return contractDocumentOf(d, withText) }

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
