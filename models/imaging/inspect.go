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
// from the header, then a full decode (which catches truncated and lying
// files) to learn whether it has transparency.
func InspectImage(data []byte) (ImageInfo, error) {
	var info ImageInfo
	if len(data) == 0 {
		return info, ErrImageEmpty
	}
	if len(data) > MaxImageBytes {
		return info, ErrImageTooLarge
	}
	t, err := sniffType(data)
	if err != nil {
		return info, err
	}
	info.Type = t
	img, orientation, err := decodeImage(data, t)
	if err != nil {
		return info, err
	}
	info.Orientation = orientation
	b := img.Bounds()
	info.Width, info.Height = b.Dx(), b.Dy()
	if orientation >= 5 {
		info.Width, info.Height = info.Height, info.Width
	}
	info.Format = "jpeg"
	if t != "image/jpeg" && !opaque(img) {
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

// decodeImage decodes data of type t after checking its header against the
// limits. A decoder that panics on a hostile file is turned into
// ErrImageCorrupt. For JPEG it also returns the EXIF orientation.
func decodeImage(data []byte, t string) (img image.Image, orientation int, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, orientation, err = nil, 0, ErrImageCorrupt
		}
	}()
	var decodeConfig func([]byte) (image.Config, error)
	var decode func([]byte) (image.Image, error)
	switch t {
	case "image/jpeg":
		decodeConfig = func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) }
	case "image/png":
		decodeConfig = func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
	case "image/gif":
		decodeConfig = func(b []byte) (image.Config, error) { return gif.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return gif.Decode(bytes.NewReader(b)) }
	case "image/webp":
		decodeConfig = func(b []byte) (image.Config, error) { return webp.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return webp.Decode(bytes.NewReader(b)) }
	default:
		return nil, 0, ErrImageType
	}
	cfg, err := decodeConfig(data)
	if err != nil {
		return nil, 0, ErrImageCorrupt
	}
	if err := checkConfig(cfg); err != nil {
		return nil, 0, err
	}
	img, err = decode(data)
	if err != nil {
		return nil, 0, ErrImageCorrupt
	}
	// The decoded image must be what the header promised; a decoder that
	// trusted a later, larger size would otherwise slip past the limits.
	if b := img.Bounds(); b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, 0, fmt.Errorf("%w (size differs from its header)", ErrImageCorrupt)
	}
	orientation = 1
	if t == "image/jpeg" {
		orientation = jpegOrientation(data)
	}
	return img, orientation, nil
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
