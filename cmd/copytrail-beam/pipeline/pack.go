package pipeline

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"

	"github.com/copytrail/copytrail/provenance"
)

// Packed is a document as it travels to each of its pairs' second
// documents: only what aligning and the passage lines read of it (ID,
// path and title for its label, ignored spans, word count, common
// positions) and its text deflated. The document goes once per pair, so
// this is the largest shuffle of the pipeline; deflating the text makes it
// about 2.5 times smaller.
type Packed struct {
	Index       uint32
	ID, Path    string
	Title       string
	Boilerplate []provenance.Span
	Skip        []provenance.Span
	Words       int
	Common      []int32
	Deflated    []byte
}

// pack packs a document to travel.
func pack(d ADoc) (Packed, error) {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, flate.BestSpeed)
	if err == nil {
		_, err = io.WriteString(w, d.Doc.Text)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return Packed{}, fmt.Errorf("packing document %s: %w", d.Doc.ID, err)
	}
	return Packed{Index: d.Index, ID: d.Doc.ID, Path: d.Doc.Path, Title: d.Doc.Meta.Title.Value,
		Boilerplate: d.Doc.Boilerplate, Skip: d.Doc.Skip, Words: d.Doc.Words, Common: d.Common, Deflated: b.Bytes()}, nil
}

// unpack restores what pack kept of a document.
func unpack(p Packed) (ADoc, error) {
	text, err := io.ReadAll(flate.NewReader(bytes.NewReader(p.Deflated)))
	if err != nil {
		return ADoc{}, fmt.Errorf("unpacking document %s: %w", p.ID, err)
	}
	d := provenance.Document{ID: p.ID, Path: p.Path, Text: string(text), Boilerplate: p.Boilerplate, Skip: p.Skip, Words: p.Words}
	d.Meta.Title.Value = p.Title
	return ADoc{Index: p.Index, Doc: d, Common: p.Common}, nil
}
