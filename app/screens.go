package app

import "github.com/copytrail/copytrail/provenance"

// Navigator is the narrow view of the main window that screens depend on,
// so tests can hand a screen a fake.
type Navigator interface {
	// Result is the current analysis; never nil (empty before the first scan).
	Result() *provenance.Result
	// Compare opens the side-by-side comparison of two documents.
	Compare(a, b string)
	// SelectDocument shows one document in the library.
	SelectDocument(id string)
	// Workshop reports the projector-mode state (large type, hidden metadata).
	Workshop() WorkshopState
}

// WorkshopState is workshop mode as screens need to know it.
type WorkshopState struct {
	On bool
	// HideMetadata hides outlets and dates so a room can guess, then reveal.
	HideMetadata bool
	// hidden is the masked analysis while HideMetadata is on (nil
	// otherwise, and in tests' fakes): neutral labels and redactions.
	hidden *hiddenView
}
