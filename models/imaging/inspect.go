package imaging

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"net/http"

	"golang.org/x/image/webp"
)

// Limits on an uploaded image. The pixel limit is checked from the header
// before anything is decoded, so a small file claiming huge dimensions (a
// decompression bomb) costs nothing.
const (
	MaxImageBytes  = 10 << 20
	MaxImagePixels = 40_000_000
	// MaxImageSide bounds either side, so a 1×40,000,000 strip is refused too.
	MaxImageSide = 20_000
)

// Reasons an image is refused. Each message is meant for the editor and is
// shown next to the file's name.
var (
	ErrImageTooLarge   = errors.New("models: the file is larger than 10 MB")
	ErrImageType       = errors.New("models: not a JPEG, PNG, GIF or WebP image")
	ErrImagePixels     = errors.New("models: the image has more than 40 megapixels")
	ErrImageDimensions = errors.New("models: the image's dimensions are not usable")
	ErrImageCorrupt    = errors.New("models: the image is damaged or incomplete and cannot be read")
	ErrImageEmpty      = errors.New("models: the file is empty")
)

// ImageInfo is what inspecting an uploaded image finds.
type ImageInfo struct {
	Type        string // image/jpeg, image/png, image/gif, image/webp
	Format      string // what resized copies are encoded as: jpeg or png
	Width       int    // as displayed, after EXIF orientation
	Height      int
	Orientation int // EXIF orientation 1-8; 1 for all but JPEG
}

// sniffType recognises an image by its content, never by its name or by the
// content type the client claims.
func sniffType(data []byte) (string, error) {
	switch t := http.DetectContentType(data); t {
	case "image/jpeg", "image/png", "image/gif", "image/webp":
		return t, nil
	}
	return "", ErrImageType
}

// InspectImage checks an uploaded image: type by content, size, dimensions
// and the memory processing it takes from the header, then a full decode
// (which catches truncated and lying files) to learn whether it has
// transparency.
func InspectImage(data []byte) (ImageInfo, error) {
	var info ImageInfo
	h, err := readHeader(data)
	if err != nil {
		return info, err
	}
	info.Type = h.Type
	info.Orientation = 1
	if h.Type == "image/jpeg" {
		info.Orientation = jpegOrientation(data)
	}
	if err := h.checkMemory(h.resizeCost(len(data), info.Orientation)); err != nil {
		return info, err
	}
	img, err := decodeImage(data, h)
	if err != nil {
		return info, err
	}
	b := img.Bounds()
	info.Width, info.Height = b.Dx(), b.Dy()
	if info.Orientation >= 5 {
		info.Width, info.Height = info.Height, info.Width
	}
	info.Format = "jpeg"
	if h.Type != "image/jpeg" && !opaque(img) {
		info.Format = "png"
	}
	return info, nil
}

// checkConfig enforces the limits from an image's header.
func checkConfig(cfg image.Config) error {
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide {
		return ErrImageDimensions
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels {
		return ErrImagePixels
	}
	return nil
}

// decodeImage decodes data whose header h has been read and checked. A
// decoder that panics on a hostile file is turned into ErrImageCorrupt.
func decodeImage(data []byte, h imageHeader) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, ErrImageCorrupt
		}
	}()
	r := bytes.NewReader(data)
	switch h.Type {
	case "image/jpeg":
		img, err = jpeg.Decode(r)
	case "image/png":
		img, err = png.Decode(r)
	case "image/gif":
		img, err = gif.Decode(r)
	case "image/webp":
		img, err = webp.Decode(r)
	default:
		return nil, ErrImageType
	}
	if err != nil {
		return nil, ErrImageCorrupt
	}
	// The decoded image must be what the header promised; a decoder that
	// trusted a later, larger size would otherwise slip past the limits.
	if b := img.Bounds(); b.Dx() != h.Width || b.Dy() != h.Height {
		return nil, fmt.Errorf("%w (size differs from its header)", ErrImageCorrupt)
	}
	return img, nil
}

// opaque reports whether every pixel of img is fully opaque.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0xffff {
				return false
			}
		}
	}
	return true
}
