package provenance

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestContractJSONShape(t *testing.T) {
	r := &Result{
		Documents: []Document{{ID: "a1", Path: "x/a.txt", Text: "Bonjour « le monde »", Words: 3,
			Meta: Metadata{Title: Field{Value: "A", Origin: OriginFrontMatter}, Published: Field{Value: "2024-05-01"}}}},
		Links: []Link{{Source: "a1", Target: "b2", Kind: LinkCopy, Confidence: 0.8, Reasons: []string{"dated earlier"}}},
	}
	for _, withText := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteContractJSON(&buf, r, withText); err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
			t.Fatalf("output is not JSON: %v", err)
		}
		if got["version"] != float64(ContractVersion) {
			t.Errorf("version = %v", got["version"])
		}
		for _, key := range []string{"settings", "documents", "passages", "pairs", "links", "families", "mutations", "errors"} {
			if _, ok := got[key]; !ok {
				t.Errorf("contract key %q missing", key)
			}
		}
		if p, ok := got["passages"].([]any); !ok || len(p) != 0 {
			t.Errorf("empty passages must be [], got %#v", got["passages"])
		}
		doc := got["documents"].([]any)[0].(map[string]any)
		for _, key := range []string{"id", "path", "title", "outlet", "published", "words"} {
			if _, ok := doc[key]; !ok {
				t.Errorf("document key %q missing", key)
			}
		}
		if doc["published"] != "2024-05-01" || doc["title"] != "A" {
			t.Errorf("document fields wrong: %v", doc)
		}
		_, hasText := doc["text"]
		if hasText != withText {
			t.Errorf("withText=%v but text present=%v", withText, hasText)
		}
		if withText && doc["text"] != "Bonjour « le monde »" {
			t.Errorf("text = %q", doc["text"])
		}
	}
}

func TestPublishedTime(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"2023-07-01T10:00:00Z", true}, {"2023-07-01T10:00:00+02:00", true}, {"2023-07-01", true},
		{"", false}, {"Friday", false}, {"July 2023", false}, {"01/07/2023", false},
		// A value typed before every entry went through dates.Parse is read by it.
		{"1 July 2023", true}, {"July 1, 2023", true},
	}
	for _, c := range cases {
		_, ok := Metadata{Published: Field{Value: c.in}}.PublishedTime()
		if ok != c.ok {
			t.Errorf("PublishedTime(%q) ok=%v, want %v", c.in, ok, c.ok)
		}
	}
}

func TestMutationKindWords(t *testing.T) {
	for k, want := range map[MutationKind]string{
		MutationQuote: "quote altered", MutationNumber: "number changed", MutationName: "name changed",
		MutationAttribution: "attribution changed", MutationHedge: "hedge dropped",
	} {
		if got := k.Words(); got != want {
			t.Errorf("%s.Words() = %q, want %q", k, got, want)
		}
	}
}
