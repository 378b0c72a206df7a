package lineage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// tokenizeRef is the tokenizer's rule written plainly over the decoded
// runes, a normal form made for each word: the reference the table-driven
// tokenize is held to.
func tokenizeRef(text string, span provenance.Span) []token {
	start, end := clampSpan(text, span)
	if start >= end {
		return nil
	}
	type decoded struct {
		r     rune
		at, w int
	}
	var rs []decoded // every rune from start to the end of the text
	for k := start; k < len(text); {
		r, w := utf8.DecodeRuneInString(text[k:])
		rs = append(rs, decoded{r, k, w})
		k += w
	}
	var toks []token
	for p := 0; p < len(rs) && rs[p].at < end; {
		if !isWordRune(rs[p].r) {
			p++
			continue
		}
		q := p + 1
		for ; q < len(rs) && rs[q].at < end; q++ {
			if isWordRune(rs[q].r) {
				continue
			}
			// A joiner inside the span with a word rune after it; a point or
			// a comma only between two digits.
			ok := isJoiner(rs[q].r) && rs[q].at+rs[q].w < end && isWordRune(rs[q+1].r)
			if r := rs[q].r; ok && (r == '.' || r == ',') {
				ok = unicode.IsDigit(rs[q-1].r) && unicode.IsDigit(rs[q+1].r)
			}
			if !ok {
				break
			}
		}
		from, to := rs[p].at, rs[q-1].at+rs[q-1].w
		toks = append(toks, token{start: from, end: to, norm: normWord(text[from:to])})
		p = q
	}
	return toks
}

func sameTokens(t *testing.T, name, text string, span provenance.Span) {
	t.Helper()
	got, want := tokenize(text, span), tokenizeRef(text, span)
	if len(got) != len(want) {
		t.Fatalf("%s %v: %d tokens, want %d", name, span, len(got), len(want))
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("%s %v: token %d = %+v, want %+v", name, span, k, got[k], want[k])
		}
	}
}

// TestTokenizeIsTheRuneOne holds the table-driven tokenizer to the rune at a
// time one (and lowerText to strings.ToLower) on texts made to hit every branch (capitals, curly apostrophes,
// joiners, numbers, accents, combining marks, invalid UTF-8, spans that cut
// a rune) and on the real pages beside the module when they are there.
func TestTokenizeIsTheRuneOne(t *testing.T) {
	texts := []string{
		"",
		"a",
		"CIVIC’s well-known 1.2bn 17,400 e.g. U.S. rock'n'roll O’Neill’s",
		"Ünïcödé Straße İstanbul ΣΊΣΥΦΟΣ café\u0301 naïve x\u0301y 3,5 3.x .5 -a- 'a' ’a’ a’ a’B",
		"bad \xff utf8\xc3 mid\xe2\x80word end\xe2",
		"ends with joiner, a. b- c' d’ 1, 2. 9",
		"ＦＵＬＬ ｗｉｄｔｈ ١٢٣ ٣,٤ 中文字 한국어 ǅungla ǈ",
		"Tab\tnew\nline\r\nRule—dash–en “quoted” «guillemets»",
		articleEN + releaseEN,
	}
	for _, dir := range []string{"../../../shared/realworld", "../../../realworld-own", "../../../shared/seeds"} {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
				if b, err := os.ReadFile(p); err == nil {
					texts = append(texts, string(b))
				}
			}
			return nil
		})
	}
	for n, text := range texts {
		name := "text " + string(rune('A'+n%26))
		sameTokens(t, name, text, provenance.Span{Start: 0, End: len(text)})
		if lowerText(text) != strings.ToLower(text) {
			t.Fatalf("%s: lowerText is not strings.ToLower", name)
		}
		for _, s := range []provenance.Span{{Start: 1, End: len(text) - 1}, {Start: len(text) / 3, End: len(text) / 2}, {Start: -4, End: len(text) + 9}, {Start: 5, End: 2}} {
			sameTokens(t, name, text, s)
		}
	}
}

// FuzzTokenize: any text and span, the same tokens as the reference.
func FuzzTokenize(f *testing.F) {
	f.Add("CIVIC’s well-known 1.2bn 17,400 Straße", 0, 40)
	f.Add("a\xffB’c", 1, 5)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		sameTokens(t, "fuzz", text, provenance.Span{Start: a, End: b})
	})
}

// FuzzEndsCut: lower-casing only the end of a text reads the same ending
// as lower-casing all of it.
func FuzzEndsCut(f *testing.F) {
	for _, s := range []string{"", "Read More]", "x (Continue Reading)", "ÀÉ… MORE", strings.Repeat("é", 70) + "READ MORE", "\xe2\x80" + strings.Repeat("\x80", 140) + "more"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lower, want := strings.TrimRight(strings.ToLower(s), "]) "), false
		for _, end := range cutEndings {
			want = want || strings.HasSuffix(lower, end)
		}
		if got := endsCut(s); got != want {
			t.Fatalf("endsCut(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzLowerText: lowerText is strings.ToLower on any bytes.
func FuzzLowerText(f *testing.F) {
	for _, s := range []string{"", "ABC def", "“Quoted” ÀÉÎ İstanbul ΣΊΣΥΦΟΣ", "bad \xff \xe2\x80 \ufffd end", "ǅ ǈ Ω K Å"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lowerText(s), strings.ToLower(s); got != want {
			t.Fatalf("lowerText(%q) = %q, want %q", s, got, want)
		}
	})
}
