package ingest

import (
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// maxFrontMatterBytes bounds the search for a front matter block's end.
const maxFrontMatterBytes = 64 << 10

// frontMatter finds a `---` … `---` block at the very top of text and reads
// its `key: value` lines. end is the byte offset just past the closing line
// (0 when there is no block); the block stays in the text and the caller
// marks [0, end) as a Skip span.
func frontMatter(text string, order dates.Order) (meta provenance.Metadata, end int) {
	if !strings.HasPrefix(text, "---\n") && text != "---" {
		return meta, 0
	}
	pos := 4
	limit := min(len(text), maxFrontMatterBytes)
	var lines []string
	for pos < limit {
		nl := strings.IndexByte(text[pos:], '\n')
		var line string
		next := len(text)
		if nl >= 0 {
			line, next = text[pos:pos+nl], pos+nl+1
		} else {
			line = text[pos:]
		}
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			for _, l := range lines {
				k, v, ok := strings.Cut(l, ":")
				if !ok {
					continue
				}
				setMetaKey(&meta, k, v, provenance.OriginFrontMatter, "front matter", order)
			}
			return meta, next
		}
		lines = append(lines, line)
		pos = next
	}
	return provenance.Metadata{}, 0 // never closed: not front matter
}

// metaKeys maps the key names people use to the metadata fields.
var metaKeys = map[string]string{
	"title": "title", "headline": "title",
	"outlet": "outlet", "source": "outlet", "publisher": "outlet", "publication": "outlet",
	"site": "outlet", "site_name": "outlet", "sitename": "outlet", "newspaper": "outlet",
	"author": "author", "authors": "author", "by": "author", "byline": "author", "creator": "author",
	"published": "published", "date": "published", "published_at": "published",
	"pubdate": "published", "datetime": "published", "date_published": "published", "datepublished": "published",
	"url": "url", "link": "url", "canonical": "url", "source_url": "url", "permalink": "url",
	"role": "role", "outlet_role": "role", "outlet role": "role",
}

// setMetaKey stores value under the field that key names, when it is known
// and the field is still empty. Dates are read by dates.Parse with order
// (PDF "D:…" stamps first rewritten); an unreadable date leaves the value
// empty and says why in Detail.
func setMetaKey(m *provenance.Metadata, key, value string, origin provenance.Origin, detail string, order dates.Order) {
	name := metaKeys[strings.ToLower(strings.TrimSpace(key))]
	value = unquote(strings.TrimSpace(value))
	if name == "" || value == "" {
		return
	}
	f := metaField(m, name)
	if f.Known() {
		return
	}
	if name == "role" {
		r, ok := provenance.ParseRole(value)
		if !ok {
			*f = provenance.Field{Origin: origin, Detail: detail + ": unknown role " + quoteShort(value) + " (known: " + roleList() + ")"}
			return
		}
		value = string(r)
	}
	if name == "published" {
		d, err := readDate(value, order)
		if err != nil {
			*f = provenance.Field{Origin: origin, Detail: detail + ": " + err.Error()}
			return
		}
		value = d
	}
	*f = provenance.Field{Value: value, Origin: origin, Detail: detail}
}

// metaField returns a pointer to the named field of m.
func metaField(m *provenance.Metadata, name string) *provenance.Field {
	if f := m.Named(name); f != nil {
		return f
	}
	return &m.URL
}

// mergeMeta fills each empty field of dst from src.
func mergeMeta(dst *provenance.Metadata, src provenance.Metadata) {
	for _, mf := range provenance.MetaFields {
		d, s := mf.Get(dst), mf.Get(&src)
		if !d.Known() && (s.Known() || (s.Detail != "" && d.Detail == "")) {
			*d = *s
		}
	}
}

// roleList names the roles metadata may give, for messages.
func roleList() string {
	names := make([]string, len(provenance.Roles))
	for i, r := range provenance.Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

func quoteShort(s string) string {
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return "'" + s + "'"
}

// readDate reads a metadata date with dates.Parse; a PDF date string
// (D:20230630120000+02'00') is first rewritten as RFC 3339.
func readDate(v string, order dates.Order) (string, error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "D:") {
		if iso, ok := pdfDate(v[2:]); ok {
			v = iso
		}
	}
	return dates.Parse(v, order)
}

// pdfDate rewrites the digits of a PDF date string (YYYYMMDDHHmmSS,
// optional zone like +02'00' or Z) as RFC 3339, or as the day alone when it
// has no zone; dates.Parse then checks it.
func pdfDate(v string) (string, bool) {
	digits := 0
	for digits < len(v) && digits < 14 && v[digits] >= '0' && v[digits] <= '9' {
		digits++
	}
	switch {
	case digits == 8:
		return v[:4] + "-" + v[4:6] + "-" + v[6:8], true
	case digits >= 12:
		stamp := v[:4] + "-" + v[4:6] + "-" + v[6:8] + "T" + v[8:10] + ":" + v[10:12]
		if digits == 14 {
			stamp += ":" + v[12:14]
		} else {
			stamp += ":00"
		}
		zone := strings.ReplaceAll(v[digits:], "'", "")
		switch {
		case strings.HasPrefix(zone, "Z"):
			stamp += "Z"
		case len(zone) == 5 && (zone[0] == '+' || zone[0] == '-'):
			stamp += zone[:3] + ":" + zone[3:]
		default: // no zone: keep the date only
			return stamp[:10], true
		}
		return stamp, true
	}
	return "", false
}
