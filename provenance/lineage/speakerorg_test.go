package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The statement two texts quote is named with the speaker's organisation
// when an attribution gives it by a title ("president and chief executive
// officer for Harbour Coffee", "a professor of marine economics at The
// Eastport University"); whom the speaker told is not the organisation,
// nor is a place.
func TestSpeakerNamedWithTheOrganisation(t *testing.T) {
	q1 := "The otters came back first, and within three seasons the urchins were gone from the shallow reefs"
	q2 := "We did not expect the kelp to recover so quickly once the predators had returned to the cape"
	q3 := "It shows what a single species can do for a whole coastline when it is left alone"
	for _, c := range []struct{ attrA, attrB, want string }{
		{"said Mara Quill, president and chief executive officer for Harbour Coffee", "said Mara Quill", "both quote Quill of Harbour Coffee:"},
		{"said Mara Quill, a professor of marine economics and policy at The Eastport University", "Quill said", "both quote Quill of Eastport University:"},
		{"said Mara Quill, Professor of Marine Biology at Harbour University", "said Mara Quill", "both quote Quill of Harbour University:"},
		{"Mara Quill, the cooperative's chief diver, told The Valley Times", "said Mara Quill", "both quote Quill:"},
		{"said Mara Quill at a meeting in Eastport", "said Mara Quill", "both quote Quill:"},
		// The title's owner before it or closing it (2026-12-07 night).
		{"said Mara Quill, Harbour Coffee's Independent Board Chair", "said Mara Quill", "both quote Quill of Harbour Coffee:"},
		{"said Harbour Coffee CEO Mara Quill", "Quill said", "both quote Quill of Harbour Coffee:"},
		{"said acting HCA Administrator Mara Quill", "said Mara Quill", "both quote Quill of HCA:"},
		{"said Mara Quill, chief executive, Harbour Coffee", "said Mara Quill", "both quote Quill of Harbour Coffee:"},
		{"said Mara Quill, Harbour Coffee co-founder and chief executive", "said Mara Quill", "both quote Quill of Harbour Coffee:"},
		{"said Associate Professor Mara Quill", "said Mara Quill", "both quote Quill:"},
		{"said Mara Quill, the cooperative's chief diver", "said Mara Quill", "both quote Quill:"},
	} {
		f := newFixture(t)
		f.doc("a", "Valley Times", "", "Otters are back\n\n“"+q1+". "+q2+",” "+c.attrA+".\n\nLocal divers welcomed the news.\n")
		f.doc("b", "Hill Gazette", "", "Kelp returns\n\n“"+q2+". "+q3+",” "+c.attrB+".\n\nThe council meets on Tuesday.\n")
		f.share("a", "b", q2, q2)
		l := wantNamedSource(t, f.analyze(), "a", "b", "both quote Quill")
		if !strings.HasPrefix(l.Reasons[0], NamedSourceReason+c.want) {
			t.Errorf("%q: got %q, want %q", c.attrA, l.Reasons[0], c.want)
		}
	}
}

// An organisation's one-word name that the text also gives as a
// quotation's speaker ("…,” Harbourco said) still owns a title: the text
// never gives it a first name, as it does a person's surname.
func TestTitleOwnerQuotedAsSpeaker(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"“We are glad,” Harbourco said. “It is a good day for the harbour,” said Mara Quill, Harbourco's chief executive.", "Harbourco"},
		{"“We are glad,” Writer said. “It is a good day for the harbour,” said Mara Quill, Writer's chief of staff. Ann Writer left.", ""},
	} {
		d := newDocInfo(&provenance.Document{Text: c.text})
		got := strings.Join(speakerOrgs("Quill", d), ", ")
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
