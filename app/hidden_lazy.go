package app

// addTexts masks and adds the texts read from a lazily opened workspace
// (ensureTexts) to the masked copy: outlet names and dates in them are
// blacked out as in every other text.
func (h *hiddenView) addTexts(texts map[string]string) {
	for i := range h.result.Documents {
		d := &h.result.Documents[i]
		if t, ok := texts[d.ID]; ok && d.Text == "" {
			h.redact[d.ID] = h.secretSpans(t)
			d.Text = blackOut(t, h.redact[d.ID])
		}
	}
}
