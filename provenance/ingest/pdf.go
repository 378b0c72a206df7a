package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

func init() { readers["pdf"] = extractPDF }

// maxPDFPages bounds the pages read from one PDF.
const maxPDFPages = 10_000

// errNoTextLayer is returned for a PDF whose pages carry no text.
var errNoTextLayer = errors.New("no text layer (scanned PDF?): the pages hold no text Copytrail can read; run OCR first")

// extractPDF reads a PDF's text layer and its Info dictionary. The PDF
// library can panic or loop on hostile files, so it runs in its own
// goroutine under recover, bounded by FileTimeout and ctx.
func extractPDF(ctx context.Context, data []byte, opts Options) (extracted, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\r\n "), []byte("%PDF-")) {
		return extracted{}, errors.New("not a PDF (no %PDF- header)")
	}
	ctx, cancel := context.WithTimeout(ctx, opts.FileTimeout)
	defer cancel()
	type result struct {
		x   extracted
		err error
	}
	out := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{err: fmt.Errorf("corrupt PDF: the reader failed (%v)", p)}
			}
			out <- r
		}()
		r.x, r.err = readPDF(ctx, data, opts.MaxDocBytes, opts.DateOrder)
	}()
	select {
	case r := <-out:
		return r.x, r.err
	case <-ctx.Done():
		return extracted{}, fmt.Errorf("PDF reading stopped after %s: %w", opts.FileTimeout, ctx.Err())
	}
}

// readPDF does the reading; it may panic.
func readPDF(ctx context.Context, data []byte, maxText int, order dates.Order) (extracted, error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return extracted{}, fmt.Errorf("corrupt or truncated PDF: %w", err)
	}
	var x extracted
	info := r.Trailer().Key("Info")
	props := func(field, key string) {
		setMetaKey(&x.meta, field, info.Key(key).Text(), provenance.OriginProperties, "PDF "+key, order)
	}
	props("title", "Title")
	props("author", "Author")
	props("published", "CreationDate")
	var b strings.Builder
	pages := min(r.NumPage(), maxPDFPages)
	for i := 1; i <= pages; i++ {
		if ctx.Err() != nil {
			return extracted{}, ctx.Err()
		}
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		pageText(&b, p.Content().Text)
		b.WriteString("\n\n")
		if b.Len() > maxText {
			return extracted{}, fmt.Errorf("text is over the per-document limit of %s (MaxDocBytes) by page %d of %d",
				sizeString(int64(maxText)), i, pages)
		}
	}
	if strings.TrimSpace(b.String()) == "" {
		return extracted{}, errNoTextLayer
	}
	x.text = tidyText(b.String())
	return x, nil
}

// pageText writes positioned glyphs as lines: a new line where the
// baseline moves, a space where a gap opens on the same line.
func pageText(b *strings.Builder, glyphs []pdf.Text) {
	for i, g := range glyphs {
		if i > 0 {
			prev := glyphs[i-1]
			size := math.Max(math.Max(prev.FontSize, g.FontSize), 1)
			switch {
			case math.Abs(g.Y-prev.Y) > size*0.5:
				b.WriteByte('\n')
			case g.X > prev.X+prev.W+size*0.15 && prev.S != " " && g.S != " ":
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.S)
	}
}
