// Package text turns a document's text into the word tokens the passage
// engine matches on. It is a small pipeline in the manner of bleve's analysis
// package: a Tokenizer cuts the raw text into tokens that keep their byte
// offsets, then TokenFilters (the Normaliser among them) rewrite each token's
// matching form. The raw text is never changed, so every offset the engine
// reports points into Document.Text.
//
// Word tokens are runs of letters, digits and combining marks (Latin,
// Cyrillic, Greek, Arabic, Hebrew, Hangul, ...); an apostrophe between two
// letters stays inside the word ("that's"), hyphens and dashes split words.
// Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer,
// Myanmar) give one token per character, so they still match.
package text

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// Token is one word: its matching form and where it lies in the text.
type Token struct {
	// Term is the normalised form used for matching (after the filters).
	Term string
	// Start and End are byte offsets into the document text.
	Start, End int
}

// Tokenizer cuts text into tokens, leaving out the byte ranges in skip
// (sorted or not; they may overlap).
type Tokenizer interface {
	Tokenize(text string, skip []provenance.Span) []Token
}

// TokenFilter rewrites, drops or adds tokens. It may reuse the slice.
type TokenFilter interface {
	Filter(tokens []Token) []Token
}

// Analyzer is a tokenizer followed by token filters.
type Analyzer struct {
	Tokenizer Tokenizer
	Filters   []TokenFilter
}

// DefaultAnalyzer is the analyzer the engine uses: script-aware words, then
// the matching normaliser.
func DefaultAnalyzer() Analyzer {
	return Analyzer{Tokenizer: WordTokenizer{}, Filters: []TokenFilter{Normaliser{}}}
}

// Analyze tokenizes text, skipping the spans in skip, and runs the filters.
func (a Analyzer) Analyze(text string, skip []provenance.Span) []Token {
	toks := a.Tokenizer.Tokenize(text, skip)
	for _, f := range a.Filters {
		toks = f.Filter(toks)
	}
	return toks
}

// Ignored returns the spans of d that matching skips (Boilerplate and Skip),
// sorted by start.
func Ignored(d *provenance.Document) []provenance.Span {
	if len(d.Boilerplate)+len(d.Skip) == 0 {
		return nil
	}
	out := make([]provenance.Span, 0, len(d.Boilerplate)+len(d.Skip))
	out = append(out, d.Boilerplate...)
	out = append(out, d.Skip...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Words holds a document's tokens in the compact form the engine keeps for
// every document of a collection: a hash of each term and its byte span.
type Words struct {
	Hash  []uint64
	Start []int32
	End   []int32
	// Weak marks function words and name-like words (see NameLike): an
	// n-gram made only of them cannot seed a match on its own.
	Weak []bool
}

// Len is the number of words.
func (w *Words) Len() int { return len(w.Hash) }

// AnalyzeDocument runs the default analyzer over d's text (at most its first
// maxBytes bytes, cut at a space, when maxBytes > 0), skipping boilerplate and skip spans.
func AnalyzeDocument(d *provenance.Document, maxBytes int) Words {
	t := d.Text
	if maxBytes > 0 && len(t) > maxBytes {
		t = t[:maxBytes]
		// cut at a space so no word is cut in half (if there is one)
		if i := strings.LastIndexAny(t, " \n\t"); i > maxBytes/2 {
			t = t[:i]
		}
	}
	// The default analyzer's tokens, folded; ASCII words are hashed in lower
	// case directly (the same hash Fold then HashTerm gives, no allocation).
	n := len(t)/6 + 1
	w := Words{Hash: make([]uint64, 0, n), Start: make([]int32, 0, n), End: make([]int32, 0, n), Weak: make([]bool, 0, n)}
	eachWord(t, Ignored(d), func(start, end int) {
		h := hashFolded(t[start:end])
		w.Hash = append(w.Hash, h)
		w.Start = append(w.Start, int32(start))
		w.End = append(w.End, int32(end))
		w.Weak = append(w.Weak, functionWords[h] || NameLike(t, start, end))
	})
	return w
}

// CountWords is the number of word tokens in d outside Boilerplate and Skip:
// the value of Document.Words.
func CountWords(d *provenance.Document) int {
	n := 0
	eachWord(d.Text, Ignored(d), func(int, int) { n++ })
	return n
}

// HashTerm is a 64-bit FNV-1a hash of a term; stable across runs, so cached
// shingles stay valid.
func HashTerm(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashFolded is HashTerm(Fold(s)), without allocating for ASCII words.
func hashFolded(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return HashTerm(Fold(s))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// WordSpans are the byte spans of d's words as the engine counts them
// (AnalyzeDocument's tokens, outside Boilerplate and Skip), without hashing
// them: what a diff's runs are counted in.
func WordSpans(d *provenance.Document) []provenance.Span {
	out := make([]provenance.Span, 0, len(d.Text)/6+1)
	eachWord(d.Text, Ignored(d), func(start, end int) { out = append(out, provenance.Span{Start: start, End: end}) })
	return out
}
