package intake

import "tuys/data"

// NoteInput is a note on a report (POST /api/v1/reports/{id}/notes, the
// record pages, PFIF notes).
type NoteInput struct {
	Status string `json:"status"`
	Text   string `json:"text"`
	Author string `json:"author"`
}

// Validate cleans the note's text and author and checks it: a note needs a
// known status, or some text.
func (in *NoteInput) Validate() FieldErrors {
	fe := FieldErrors{}
	if !data.ValidNoteStatus(in.Status) {
		fe.Add("status", "field.note_status")
	}
	in.Text, in.Author = CleanText(in.Text), CleanText(in.Author)
	CheckText(fe, "text", in.Text, MaxDescriptionLen, in.Status == "")
	CheckText(fe, "author", in.Author, MaxShortLen, false)
	if len(fe) > 0 {
		return fe
	}
	return nil
}
