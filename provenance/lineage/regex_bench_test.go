package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
)

func BenchmarkDocInfoParts(b *testing.B) {
	text := strings.Repeat(articleEN+releaseEN, 3)
	d := &provenance.Document{ID: "x", Text: text}
	b.Run("genre", func(b *testing.B) {
		for b.Loop() {
			detectGenre(d)
		}
	})
	for _, m := range append(append([]marker{}, releaseMarkers...), wireMarkers...) {
		b.Run("marker "+m.name, func(b *testing.B) {
			for b.Loop() {
				m.re.MatchString(text)
			}
		})
	}
	b.Run("says", func(b *testing.B) {
		for b.Loop() {
			saysAttribution.FindAllStringIndex(text, -1)
		}
	})
	b.Run("orgSubject", func(b *testing.B) {
		for b.Loop() {
			orgSubject.FindAllStringSubmatch(text, -1)
		}
	})
	b.Run("aboutOrg", func(b *testing.B) {
		for b.Loop() {
			aboutOrg.FindAllStringSubmatch(text, -1)
		}
	})
	b.Run("outletCited", func(b *testing.B) {
		for b.Loop() {
			for k := 0; k+400 <= len(text); k += 400 {
				outletCited.FindAllStringSubmatchIndex(text[k:k+400], -1)
			}
		}
	})
	b.Run("quotes", func(b *testing.B) {
		for b.Loop() {
			findQuotes(text)
		}
	})
	b.Run("tokenize", func(b *testing.B) {
		for b.Loop() {
			tokenize(text, provenance.Span{Start: 0, End: len(text)})
		}
	})
}

// BenchmarkNeedlesIn reads which genre and credit needles an article's
// lower-cased text holds, as newDocInfo does for every paired document.
func BenchmarkNeedlesIn(b *testing.B) {
	text := lowerText(strings.Repeat(articleEN+releaseEN, 3))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		needlesIn(text)
	}
}

// BenchmarkQuoteSpeakers reads the speakers of the quotations of a
// generated edit-type collection (speakerName's matches in each
// attribution, toldRE's blanks), as newDocInfo does.
func BenchmarkQuoteSpeakers(b *testing.B) {
	docs := gen.Build(1, 4).Docs
	type att struct {
		text string
		q    quote
	}
	var atts []att
	for i := range docs {
		for _, q := range findQuotes(docs[i].Text) {
			atts = append(atts, att{docs[i].Text, q})
		}
	}
	for b.Loop() {
		for _, a := range atts {
			speakerOf(a.text, a.q)
			speakerAttribution(a.text, a.q)
		}
	}
}

// BenchmarkOrgSubjectStarts lists where orgSubject can start in the
// articles of a generated edit-type collection.
func BenchmarkOrgSubjectStarts(b *testing.B) {
	docs := gen.Build(1, 4).Docs
	for b.Loop() {
		for i := range docs {
			orgSubjectStarts(docs[i].Text)
		}
	}
}
