package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

func terms(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

func TestAnalyzeScriptsAndOffsets(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"latin folding", "The “Ministry’s” CAFÉ—naïve Straße", []string{"the", "ministry's", "cafe", "naive", "strasse"}},
		{"apostrophes", "That’s it's 'quoted'", []string{"that's", "it's", "quoted"}},
		{"cyrillic", "Миссия ООН в Мали, ёлка", []string{"миссия", "оон", "в", "мали", "елка"}},
		{"greek", "Η Αποστολή του ΟΗΕ", []string{"η", "αποστολη", "του", "οηε"}},
		{"arabic", "بعثة الأمم المتحدة", []string{"بعثة", "الامم", "المتحدة"}},
		{"cjk per character", "联合国维和 mission", []string{"联", "合", "国", "维", "和", "mission"}},
		{"thai per character", "สหประชาชาติ", []string{"ส", "ห", "ป", "ร", "ะ", "ช", "า", "ช", "า", "ต", "ิ"}},
		{"numbers and hyphens", "17,400 hard-learned 2024", []string{"17", "400", "hard", "learned", "2024"}},
		{"fullwidth NFKC", "ＵＮ ｍｉｓｓｉｏｎ", []string{"un", "mission"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := DefaultAnalyzer().Analyze(c.text, nil)
			got := terms(toks)
			if c.name == "thai per character" {
				// Thai vowel signs are marks: they may attach to the consonant.
				if len(got) < 8 {
					t.Fatalf("Thai gave %d tokens %q, want about one per character", len(got), got)
				}
			} else if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("terms = %q, want %q", got, c.want)
			}
			for _, tk := range toks {
				if tk.Start < 0 || tk.End > len(c.text) || tk.Start >= tk.End || !utf8.ValidString(c.text[tk.Start:tk.End]) {
					t.Fatalf("bad span %+v in %q", tk, c.text)
				}
			}
		})
	}
}

func TestSkipSpansAndWordCount(t *testing.T) {
	txt := "Share this article. The mission leaves Mali. Subscribe now!"
	d := &provenance.Document{Text: txt,
		Boilerplate: []provenance.Span{{Start: 44, End: len(txt)}},
		Skip:        []provenance.Span{{Start: 0, End: 19}}}
	toks := DefaultAnalyzer().Analyze(d.Text, Ignored(d))
	if got := strings.Join(terms(toks), " "); got != "the mission leaves mali" {
		t.Fatalf("terms outside skip spans = %q", got)
	}
	if n := CountWords(d); n != 4 {
		t.Fatalf("CountWords = %d, want 4", n)
	}
	w := AnalyzeDocument(d, 0)
	if w.Len() != 4 || txt[w.Start[0]:w.End[0]] != "The" {
		t.Fatalf("AnalyzeDocument = %d words, first %q", w.Len(), txt[w.Start[0]:w.End[0]])
	}
	if w.Hash[0] != HashTerm("the") {
		t.Fatal("hash of the first word is not the hash of its folded term")
	}
	if w2 := AnalyzeDocument(d, 25); w2.Len() != 1 {
		t.Fatalf("maxBytes 25 kept %d words, want 1", w2.Len())
	}
}

func TestHashFoldedMatchesFold(t *testing.T) {
	for _, w := range []string{"The", "MINUSMA", "that's", "Café", "Миссия", "ＵＮ", "x", ""} {
		if hashFolded(w) != HashTerm(Fold(w)) {
			t.Errorf("hashFolded(%q) differs from HashTerm(Fold(%q))", w, w)
		}
	}
}

func TestUnsortedOverlappingSkips(t *testing.T) {
	txt := "one two three four five six"
	skip := []provenance.Span{{Start: 14, End: 23}, {Start: 4, End: 8}, {Start: 15, End: 18}}
	got := strings.Join(terms(DefaultAnalyzer().Analyze(txt, skip)), " ")
	if got != "one three six" {
		t.Fatalf("got %q, want %q", got, "one three six")
	}
}

// FuzzTokenize checks that tokens of any input lie inside the text, in order,
// outside the skip span, and that folding never yields an empty term.
func FuzzTokenize(f *testing.F) {
	f.Add("The “quoted” naïve café — 联合国 สหประชาชาติ بعثة", 3, 9)
	f.Add("\xff\xfe broken utf8 ’’", 0, 1)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if a < 0 || b < a || b > len(s) {
			a, b = 0, 0
		}
		skip := []provenance.Span{{Start: a, End: b}}
		prev := 0
		for _, tk := range DefaultAnalyzer().Analyze(s, skip) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %+v out of order or bounds (prev end %d, len %d)", tk, prev, len(s))
			}
			if tk.Start < b && tk.End > a && b > a {
				t.Fatalf("token %+v overlaps skip span [%d,%d)", tk, a, b)
			}
			if tk.Term == "" {
				t.Fatalf("empty term for %q", s[tk.Start:tk.End])
			}
			prev = tk.End
		}
	})
}

func TestWordSpansAreAnalyzeDocumentsTokens(t *testing.T) {
	d := &provenance.Document{Text: "Le 1er juin, l’OMS (WHO) a dit — «oui» ; 東京 too.\nShare this", Boilerplate: []provenance.Span{{Start: 56, End: 66}}}
	w := AnalyzeDocument(d, 0)
	spans := WordSpans(d)
	if len(spans) != w.Len() {
		t.Fatalf("%d spans, %d tokens", len(spans), w.Len())
	}
	for i, s := range spans {
		if s.Start != int(w.Start[i]) || s.End != int(w.End[i]) {
			t.Errorf("word %d: span %v, token %d–%d", i, s, w.Start[i], w.End[i])
		}
	}
}
