package kit

import (
	"errors"

	"github.com/newsroom/news/models"
)

// MsgCannotWrite tells a writer that nothing can be saved just now. Reading
// goes on; the form they sent is shown again with what they typed.
const MsgCannotWrite = "The site can't save anything at the moment (its storage is read-only or full), " +
	"so what you sent was not saved. Reading the site still works. Please try again in a few minutes."

// CannotWrite reports whether err says the database cannot be written just
// now, rather than that the input or the code is wrong.
func CannotWrite(err error) bool { return errors.Is(err, models.ErrCannotWrite) }

// KeptInputMessage is shown above a form whose input could not be saved.
const KeptInputMessage = "We couldn't save this just now: the site's storage is read-only or full. " +
	"Everything you typed is kept below; please send it again in a few minutes."
