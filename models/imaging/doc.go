// Package imaging reads and resizes the pictures editors upload: it checks
// a file's type and dimensions before decoding it (so a decompression bomb
// costs nothing), decodes JPEG, PNG, GIF and WebP, honours the EXIF
// orientation without keeping the rest of the EXIF data, and makes the
// resized copies served at the standard widths. It knows nothing of the
// media library: models.MediaStore stores the files and models.Renditions
// caches the copies. The refusals keep the "models: " prefix of the other
// model errors, which the newsroom strips before showing the sentence.
package imaging
