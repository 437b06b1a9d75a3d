package handlers

import (
	"errors"

	"github.com/newsroom/news/db"
)

// msgCannotWrite tells a writer that nothing can be saved just now. Reading
// goes on; the form they sent is shown again with what they typed.
const msgCannotWrite = "The site can't save anything at the moment (its storage is read-only or full), " +
	"so what you sent was not saved. Reading the site still works. Please try again in a few minutes."

// cannotWrite reports whether err says the database cannot be written just
// now, rather than that the input or the code is wrong.
func cannotWrite(err error) bool { return errors.Is(err, db.ErrCannotWrite) }

// keptInputMessage is shown above a form whose input could not be saved.
const keptInputMessage = "We couldn't save this just now: the site's storage is read-only or full. " +
	"Everything you typed is kept below; please send it again in a few minutes."
