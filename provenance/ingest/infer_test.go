package ingest

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

func TestInferOutlet(t *testing.T) {
	body := "The ferry operator raised fares by a third on Friday, the second rise this year.\n" +
		"Commuters said the increase would cost them a day's wages each month.\n"
	release := "Following the vote, the Harbour Workers Alliance for Fair Pay (HWAFP) is deeply concerned.\n" +
		strings.Repeat("HWAFP calls for talks. "+body, 3) +
		"For more information, please contact:\nJo Bloggs, Press Officer, jo@harbourworkersalliance.example\n"
	cases := []struct {
		name, text, want, detail string
	}{
		{"dateline with comma", "by A Writer\nLAGOS, (Example Wire) – " + body, "Example Wire", "dateline"},
		{"dateline without comma", "NEW YORK (Newswire) - " + body, "Newswire", "dateline"},
		{"sign-off line", body + "\n– Coast Post\n", "Coast Post", "sign-off"},
		{"sign-off with full stop", body + "—Coast Post.\n", "Coast Post", "sign-off"},
		{"sign-off before chrome", body + "— Coast Post\nLeave a Reply\nShare\n", "Coast Post", "sign-off"},
		{"masthead line", "The Harbour Gazette\n\n" + body, "The Harbour Gazette", "site name line"},
		{"masthead line with account links", "Harbour Gazette LOGIN REGISTER\n\n" + body, "Harbour Gazette", "site name line"},
		{"a masthead ending in Register", "Harbour Register\n\n" + body, "Harbour Register", "site name line"},
		{"title suffix with language edition", "Fares rise again – Example Network English\n\n" + body, "Example Network", "title line"},
		{"title suffix with bar", "Fares rise again | Example Daily\n" + body, "Example Daily", "title line"},
		{"subscribe chrome", body + "Subscribe to Harbour Breaking\nComments\n", "Harbour Breaking", "site chrome"},
		{"copyright line", body + "© 2024 Coastal Media Group. All rights reserved.\n", "Coastal Media Group", "copyright"},
		{"press release organisation", release, "HWAFP", "press release"},
		{"press release organisation by contact domain", "FOR IMMEDIATE RELEASE\n\nFares rise\n\nLAGOS – Ferry Riders Union today published figures.\n" +
			strings.Repeat(body, 3) + "For more information, please contact:\nJo Bloggs, press@ferryridersunion.example\n###\n", "Ferry Riders Union", "contact address at ferryridersunion.example"},
		{"acronym without contact block", strings.Replace(release, "For more information, please contact:", "Jo Bloggs said:", 1), "", ""},
		{"plain text", body, "", ""},
		// A release's institution line under its headline, as EurekAlert
		// and its reposts print it, names the institution and its campus:
		// no outlet ("Harbourside" would then speak for the university).
		{"institution line is no title line", "Study shows ferries carry gulls\nUniversity of the Coast – Harbourside\nHARBOURSIDE, Coast – " + body, "", ""},
		{"a byline is no masthead", "By Ana Reporter\n\n" + body, "", ""},
		{"sentence-case first line is no masthead", "The ferry news\n" + body, "", ""},
		{"lower-case subscribe is no outlet", body + "Subscribe to our newsletter\n", "", ""},
		{"an institution line under a headline is no title suffix", "Ferry fares rise for the second time this year\nHarbour Institute of Technology – Eastport\nEASTPORT, Maine – " + body, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := FromText(c.text, provenance.Metadata{})
			got := d.Meta.Outlet
			if got.Value != c.want || (c.want != "" && (got.Origin != provenance.OriginInferred || !strings.Contains(got.Detail, c.detail))) {
				t.Errorf("outlet %+v, want %q from %s", got, c.want, c.detail)
			}
			if d.Meta.Published.Known() {
				t.Errorf("a date was invented: %+v", d.Meta.Published)
			}
		})
	}
}

func TestInferTitle(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Fares rise again\n\nThe ferry operator raised fares.\n", "Fares rise again"},
		{"\n\nBy Ann Writer\nFares rise again\nBody.\n", "Fares rise again"},
		{"Fares rise again – Example News\nBody text here.\n", "Fares rise again"},
		{"The Harbour Gazette\n\nA long first paragraph that reads as a sentence and ends with a full stop.\n", ""},
		{"A first line that is a whole sentence.\n", ""},
		{"# Fares rise again\n\nBody text.\n", "Fares rise again"},
		{"FOR IMMEDIATE RELEASE\n\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Study shows ferries carry gulls\nUniversity of the Coast – Harbourside\nBody text.\n", "Study shows ferries carry gulls"},
		// Page furniture above the headline: skip links, date and time
		// stamps, an icon's alt text.
		{"Skip to content\n\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Skip to main content\nWeather icon\nFares rise again\nBody text.\n", "Fares rise again"},
		{"Thursday, June 10, 2021\n\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Mar 20, 2014 11:28 AM EDT\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Updated 03:42 AM EST, Mon, Dec 23, 2024\n\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Sunday, September 23, 2018\nContact us | Advertise | Help\n  Home · News · Forum · Stories\nFind: in\n\nFares rise again\n\nBody.\n", "Fares rise again"},
		// A headline with a month, a number or a clock in it is a headline.
		{"May 5 vote on ferry fares\n\nBody text.\n", "May 5 vote on ferry fares"},
		{"March on Washington\n\nBody text.\n", "March on Washington"},
		{"24 hours at 10:30\n\nBody text.\n", "24 hours at 10:30"},
		// An archive's date stamp of a month or a year alone before the headline.
		{"date 2021-04 Fares rise again\n\nBody text.\n", "Fares rise again"},
		{"date 2021 Fares rise again\n\nBody text.\n", "Fares rise again"},
		// A page's controls, an archive heading, markup and a picture's
		// credit above the headline.
		{"Menu Close\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"homehome Home chatchat Notifications\n\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Category Archives: ferries\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"<a href=\"https://harbour.example/tags/ferries/\" target=\"_blank\">Harbour</a> ferry fares rise again\n\nBody text.\n", "Harbour ferry fares rise again"},
		{"Harbour Gazette LOGIN REGISTER\nHarbour Gazette\n\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Fares rise again\n\nFares rise again\nPier at dawn (Photo: Ann Writer/flickr/cc)\n\nBody text.\n", "Fares rise again"},
		{"Ferry blog: Fares rise again\n\nhttp://harbour.example/news/fares\n\nBody text.\n", "Ferry blog: Fares rise again"},
		{"Ann Writer / Getty Images stories\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Commuters on the pier. Ann Writer/Flickr, CC BY\n\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Harbour ferry at dawn. Credit: Ann Writer\nFares rise again\n\nBody text.\n", "Fares rise again"},
		{"Posted on Fares rise again\n\nBody text.\n", "Fares rise again"},
		{"Posted on Élan fares rise again\n\nBody text.\n", "Élan fares rise again"},
		// A byline under the headline is not a wrapped line of it.
		{"Fares rise again\n\nby Ann Writer on Aug 5 2015 6:15 PM\n\nBody text.\n", "Fares rise again"},
		// Control words inside a headline do not make it furniture.
		{"Sign up for ferry passes opens\n\nBody text.\n", "Sign up for ferry passes opens"},
		// A release in EurekAlert's layout: the institution line under the
		// headline credits the release's issuer; it is no "Title – Outlet".
		{"Ferry fares rise for the second time this year\nHarbour Institute of Technology – Eastport\nEASTPORT, Maine – The ferry operator raised fares.\n", "Ferry fares rise for the second time this year"},
	}
	checkInferred(t, cases, func(m provenance.Metadata) provenance.Field { return m.Title })
}

func TestExpandAcronym(t *testing.T) {
	cases := []struct{ before, acr, want string }{
		{"at the request of Bamako, Center for Civilians in Conflict", "CIVIC", "Center for Civilians in Conflict"},
		{"the World Health Organization", "WHO", "World Health Organization"},
		{"said the spokesperson for", "UN", ""},
		{"members of Médecins Sans Frontières", "MSF", "Médecins Sans Frontières"},
	}
	for _, c := range cases {
		if got := expandAcronym(c.before, c.acr); got != c.want {
			t.Errorf("expandAcronym(%q, %q) = %q, want %q", c.before, c.acr, got, c.want)
		}
	}
}

func TestInferAuthor(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Fares rise\nBy Ann Writer\n\nThe ferry operator raised fares.\n", "Ann Writer"},
		{"Fares rise\nBY Ann Writer, Transport Correspondent\nText.\n", "Ann Writer"},
		{"Fares rise\nby the sea the ferries wait.\n", ""},
		{"Fares rise\n\nThe ferry operator raised fares.\n", ""},
	}
	checkInferred(t, cases, func(m provenance.Metadata) provenance.Field { return m.Author })
}

// checkInferred loads each text as a paste and checks one inferred field.
func checkInferred(t *testing.T, cases []struct{ text, want string }, field func(provenance.Metadata) provenance.Field) {
	t.Helper()
	for _, c := range cases {
		got := field(FromText(c.text, provenance.Metadata{}).Meta)
		if got.Value != c.want || (c.want != "" && got.Origin != provenance.OriginInferred) {
			t.Errorf("%q: got %+v, want %q", c.text, got, c.want)
		}
	}
}
