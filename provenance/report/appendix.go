package report

import (
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// docView is one article in the appendix.
type docView struct {
	Anchor, Label, Path, Format string
	Words                       int
	Fields                      []fieldView
}

type fieldView struct {
	Name, Value, Origin, Detail string
	// Link is set for http(s) URLs only: anything else (javascript:, data:,
	// file:) is shown as text and never becomes a link.
	Link string
}

// originText explains an origin in words.
var originText = map[provenance.Origin]string{
	provenance.OriginUser:        "typed by the user",
	provenance.OriginSidecar:     "metadata.csv beside the file",
	provenance.OriginFrontMatter: "front matter at the top of the file",
	provenance.OriginMeta:        "HTML meta tag",
	provenance.OriginJSONLD:      "HTML JSON-LD",
	provenance.OriginProperties:  "document properties",
	provenance.OriginHTTP:        "the web address",
	provenance.OriginFile:        "file name or the document's own title",
	provenance.OriginInferred:    "read from the text (may be wrong)",
	provenance.OriginArchive:     "the archive's record",
	provenance.OriginCapture:     "when a web archive captured the page (published then or earlier)",
}

func buildDoc(d *provenance.Document, anchors map[string]string) docView {
	v := docView{Anchor: anchors[d.ID], Label: d.Label(), Path: d.Path, Format: d.Format, Words: d.Words}
	for _, mf := range provenance.MetaFields {
		f := *mf.Get(&d.Meta)
		fv := fieldView{Name: mf.Label, Value: f.Value, Detail: f.Detail, Origin: string(f.Origin)}
		if t, ok := originText[f.Origin]; ok {
			fv.Origin = t
		}
		if mf.Name == "role" && f.Known() {
			fv.Value = provenance.Role(f.Value).Words()
		}
		if !f.Known() {
			fv.Value, fv.Origin = "", "unknown"
		}
		if mf.Name == "url" {
			fv.Link = safeURL(f.Value)
		}
		v.Fields = append(v.Fields, fv)
	}
	return v
}

// safeURL returns u when it is a plain http or https address, else "".
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	l := strings.ToLower(u)
	if (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && !strings.ContainsAny(u, " \t\r\n\"'<>`") {
		return u
	}
	return ""
}
