package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// settingsHost is what the settings screen needs from the main window.
type settingsHost interface {
	Settings() provenance.Settings
	Presets() []string
	Preset(name string) (provenance.Settings, error)
	Reanalyse(s provenance.Settings)
	Window() fyne.Window
	DateOrder() dates.Order
	SetDateOrder(o dates.Order)
}

// Choices of the numeric date order, as the Settings screen words them.
var dateOrderChoices = []struct {
	order dates.Order
	label string
}{
	{dates.Unset, "Ask: refuse 01/06/2021 until I choose"},
	{dates.DayFirst, "Day first: 01/06/2021 is 1 June 2021"},
	{dates.MonthFirst, "Month first: 01/06/2021 is 6 January 2021"},
}

// settingField is one editable parameter.
type settingField struct {
	label, help string
	get         func(*provenance.Settings) string
	set         func(*provenance.Settings, string) error
}

func intField(label, help string, p func(*provenance.Settings) *int) settingField {
	return settingField{label: label, help: help,
		get: func(s *provenance.Settings) string { return strconv.Itoa(*p(s)) },
		set: func(s *provenance.Settings, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return fmt.Errorf("%s: %q is not a whole number ≥ 0", label, v)
			}
			*p(s) = n
			return nil
		}}
}

func floatField(label, help string, p func(*provenance.Settings) *float64) settingField {
	return settingField{label: label, help: help,
		get: func(s *provenance.Settings) string { return strconv.FormatFloat(*p(s), 'g', -1, 64) },
		set: func(s *provenance.Settings, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 {
				return fmt.Errorf("%s: %q is not a number ≥ 0", label, v)
			}
			*p(s) = f
			return nil
		}}
}

var settingFields = []settingField{
	intField("Seed length (words)", "words in each n-gram that seeds a match", func(s *provenance.Settings) *int { return &s.NGram }),
	intField("Shortest passage (words)", "shorter shared stretches are not reported", func(s *provenance.Settings) *int { return &s.MinPassageWords }),
	intField("Largest gap (words)", "unmatched words bridged inside one passage", func(s *provenance.Settings) *int { return &s.MaxGap }),
	floatField("Common n-gram share", "n-grams in more than this share of documents are matched as families, against representatives", func(s *provenance.Settings) *float64 { return &s.DFCap }),
	intField("Common n-gram floor", "…and in more documents than this in any case", func(s *provenance.Settings) *int { return &s.DFCapMin }),
	floatField("Lowest similarity", "matched-words share a passage needs (0–1)", func(s *provenance.Settings) *float64 { return &s.MinSimilarity }),
	intField("Text kept per article (bytes)", "longer texts are cut", func(s *provenance.Settings) *int { return &s.MaxDocBytes }),
	floatField("Lowest link confidence", "below it a link is reported as undecided (0–1)", func(s *provenance.Settings) *float64 { return &s.Lineage.MinConfidence }),
}

// SettingsView shows the preset and every parameter; applying re-runs the
// analysis with progress.
type SettingsView struct {
	host    settingsHost
	preset  *navSelect
	order   *navSelect
	entries []*widget.Entry
	content fyne.CanvasObject
}

// NewSettingsView builds the settings screen.
func NewSettingsView(host settingsHost) *SettingsView {
	v := &SettingsView{host: host}
	v.preset = newNavSelect(host.Presets(), v.onPreset)
	form := &widget.Form{}
	form.Append("Preset", v.preset)
	for _, f := range settingFields {
		e := &widget.Entry{}
		v.entries = append(v.entries, e)
		form.AppendItem(&widget.FormItem{Text: f.label, Widget: e, HintText: f.help})
	}
	var labels []string
	for _, c := range dateOrderChoices {
		labels = append(labels, c.label)
	}
	v.order = newNavSelect(labels, v.onOrder)
	dateForm := &widget.Form{}
	dateForm.AppendItem(&widget.FormItem{Text: "Numeric dates", Widget: v.order,
		HintText: "how metadata.csv, front matter, pages and what you type are read; applies at once, and dates refused for reading two ways are read again"})
	apply := &widget.Button{Text: "Apply and re-analyse", Icon: theme.ViewRefreshIcon(), Importance: widget.HighImportance, OnTapped: v.Apply}
	intro := &widget.Label{Wrapping: fyne.TextWrapWord, Text: "Strict finds only long, near-verbatim reuse; lenient also finds short or heavily edited passages. Every export and report repeats the settings used."}
	datesHead := &widget.Label{Text: "Dates", TextStyle: fyne.TextStyle{Bold: true}}
	v.content = container.NewVScroll(container.NewVBox(intro, form, container.NewHBox(apply), widget.NewSeparator(), datesHead, dateForm))
	v.Refresh()
	return v
}

// CanvasObject returns the screen.
func (v *SettingsView) CanvasObject() fyne.CanvasObject { return v.content }

// Refresh shows the workspace's settings.
func (v *SettingsView) Refresh() {
	v.show(v.host.Settings())
}

func (v *SettingsView) show(s provenance.Settings) {
	v.preset.OnChanged = nil
	v.preset.SetSelected(s.Preset)
	v.preset.OnChanged = v.onPreset
	for i, f := range settingFields {
		v.entries[i].SetText(f.get(&s))
	}
	v.order.OnChanged = nil
	for _, c := range dateOrderChoices {
		if c.order == v.host.DateOrder() {
			v.order.SetSelected(c.label)
		}
	}
	v.order.OnChanged = v.onOrder
}

// onOrder records the numeric date order the user chose.
func (v *SettingsView) onOrder(label string) {
	for _, c := range dateOrderChoices {
		if c.label == label && c.order != v.host.DateOrder() {
			v.host.SetDateOrder(c.order)
		}
	}
}

func (v *SettingsView) onPreset(name string) {
	s, err := v.host.Preset(name)
	if err != nil {
		dialog.ShowError(err, v.host.Window())
		return
	}
	v.show(s)
}

// Settings reads the form; the preset becomes "custom" when a value differs
// from it.
func (v *SettingsView) Settings() (provenance.Settings, error) {
	s, err := v.host.Preset(v.preset.Selected)
	if err != nil {
		s = v.host.Settings()
	}
	base := s
	for i, f := range settingFields {
		if err := f.set(&s, v.entries[i].Text); err != nil {
			return s, err
		}
	}
	if s != base {
		s.Preset = "custom"
	}
	return s, nil
}

// Apply re-runs the analysis with the settings in the form.
func (v *SettingsView) Apply() {
	s, err := v.Settings()
	if err != nil {
		dialog.ShowError(err, v.host.Window())
		return
	}
	v.host.Reanalyse(s)
}
