package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

func init() { readers["docx"] = extractDOCX }

// maxZipEntries bounds the entries of a DOCX archive.
const maxZipEntries = 10_000

// errTextLimit stops a reader once the text passes MaxDocBytes.
var errTextLimit = errors.New("text limit reached")

// extractDOCX reads word/document.xml (the body) and docProps/core.xml
// (title, creator, created) from a DOCX. Each part is read through a limit
// of MaxUnzipBytes, and parts that declare more are refused unread, so a
// zip bomb costs nothing.
func extractDOCX(_ context.Context, data []byte, opts Options) (extracted, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return extracted{}, fmt.Errorf("corrupt or truncated DOCX (not a readable zip archive): %w", err)
	}
	if len(zr.File) > maxZipEntries {
		return extracted{}, fmt.Errorf("DOCX has %d parts, over %d: refused", len(zr.File), maxZipEntries)
	}
	var body, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			body = f
		case "docProps/core.xml":
			core = f
		}
	}
	if body == nil {
		return extracted{}, errors.New("not a Word document: the DOCX has no word/document.xml")
	}
	var x extracted
	var b strings.Builder
	err = readZipXML(body, opts.MaxUnzipBytes, func(d *xml.Decoder) error { return docxBody(d, &b, opts.MaxDocBytes) })
	switch {
	case errors.Is(err, errTextLimit):
		return extracted{}, fmt.Errorf("text is over the per-document limit of %s (MaxDocBytes)", sizeString(int64(opts.MaxDocBytes)))
	case err != nil:
		return extracted{}, err
	}
	if core != nil {
		// Properties are a bonus: a broken core.xml does not lose the text.
		_ = readZipXML(core, min(opts.MaxUnzipBytes, 1<<20), func(d *xml.Decoder) error { return docxCore(d, &x.meta, opts.DateOrder) })
	}
	x.text = tidyText(b.String())
	return x, nil
}

// readZipXML opens a zip entry, refuses it when it declares more than
// limit bytes, and decodes it through a reader that stops at limit.
func readZipXML(f *zip.File, limit int64, decode func(*xml.Decoder) error) error {
	if f.UncompressedSize64 > uint64(limit) {
		return fmt.Errorf("zip bomb? %s declares %s uncompressed, over the %s limit (MaxUnzipBytes); refused",
			f.Name, sizeString(int64(min(f.UncompressedSize64, 1<<62))), sizeString(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("corrupt DOCX: opening %s: %w", f.Name, err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: limit + 1}
	d := xml.NewDecoder(lr)
	d.Strict = false
	if err := decode(d); err != nil {
		if lr.N <= 0 {
			return fmt.Errorf("zip bomb? %s expands past the %s limit (MaxUnzipBytes); refused", f.Name, sizeString(limit))
		}
		if errors.Is(err, errTextLimit) {
			return err
		}
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) {
			return fmt.Errorf("corrupt DOCX: %s does not match its declared size or checksum (a zip bomb or a damaged file); refused", f.Name)
		}
		return fmt.Errorf("corrupt DOCX: reading %s: %w", f.Name, err)
	}
	return nil
}

// docxBody writes the text of word/document.xml: one line per paragraph,
// tabs and breaks kept, deleted text and field codes left out.
func docxBody(d *xml.Decoder, b *strings.Builder, maxText int) error {
	inText := false
	return eachToken(d, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
		if b.Len() > maxText {
			return errTextLimit
		}
		return nil
	})
}

// eachToken calls fn for each token of d until the end or an error.
func eachToken(d *xml.Decoder, fn func(xml.Token) error) error {
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

// docxCore reads title, creator and created from docProps/core.xml.
func docxCore(d *xml.Decoder, m *provenance.Metadata, order dates.Order) error {
	field := ""
	return eachToken(d, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			field = map[string]string{"title": "title", "creator": "author", "created": "published"}[t.Name.Local]
		case xml.EndElement:
			field = ""
		case xml.CharData:
			if field != "" {
				setMetaKey(m, field, string(t), provenance.OriginProperties, "DOCX core properties", order)
			}
		}
		return nil
	})
}
