package imaging

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// MaxImageMemory bounds the memory one image may take to check and resize
// into all its served widths: a 35-megapixel JPEG photograph needs about
// 150 MB, a 40-megapixel PNG with transparency 270 MB; a small file whose pixels are 16-bit (a 322 KB PNG of 6 300 × 6 300
// pixels needs 470 MB) is refused before anything is decoded.
const MaxImageMemory = 320 << 20

// ErrImageMemory means an image would take more memory to process than one
// image may; the wrapped message says how much and what to do.
var ErrImageMemory = errors.New("models: the image needs too much memory to process")

// imageHeader is what an image's header says, read without decoding pixels.
type imageHeader struct {
	Type          string
	Width, Height int // as stored, before orientation
	Bits          int // bits per channel
	// Decoded is the size of the decoded image; Decode is everything the
	// decoder holds at once (the image, and a progressive JPEG's
	// coefficients or an interlaced PNG's passes).
	Decoded, Decode int64
	// Convert: the decoded image is of a kind resizing first copies into
	// 8-bit RGBA.
	Convert bool
}

// readHeader reads data's type, dimensions and decoding cost and checks the
// pixel limits. It never decodes pixels.
func readHeader(data []byte) (imageHeader, error) {
	h := imageHeader{Bits: 8}
	if len(data) == 0 {
		return h, ErrImageEmpty
	}
	if len(data) > MaxImageBytes {
		return h, ErrImageTooLarge
	}
	t, err := sniffType(data)
	if err != nil {
		return h, err
	}
	h.Type = t
	cfg, err := decodeConfig(data, t)
	if err != nil {
		return h, ErrImageCorrupt
	}
	if err := checkConfig(cfg); err != nil {
		return h, err
	}
	h.Width, h.Height = cfg.Width, cfg.Height
	px := int64(cfg.Width) * int64(cfg.Height)
	switch t {
	case "image/png":
		err = h.pngCost(data, px)
	case "image/jpeg":
		err = h.jpegCost(data, px)
	case "image/gif":
		h.Decoded, h.Convert = px, true
	case "image/webp":
		h.Decoded = px * 4
		if cfg.ColorModel == color.NRGBAModel { // lossless: ARGB words besides the image
			h.Decoded = px * 8
		}
		h.Convert = cfg.ColorModel == color.NYCbCrAModel
	}
	if h.Decode < h.Decoded {
		h.Decode = h.Decoded
	}
	return h, err
}

func decodeConfig(data []byte, t string) (image.Config, error) {
	r := bytes.NewReader(data)
	switch t {
	case "image/jpeg":
		return jpeg.DecodeConfig(r)
	case "image/png":
		return png.DecodeConfig(r)
	case "image/gif":
		return gif.DecodeConfig(r)
	case "image/webp":
		return webp.DecodeConfig(r)
	}
	return image.Config{}, ErrImageType
}

// pngCost reads bit depth, colour type, interlacing and transparency from
// the chunks before the image data: what Go's decoder returns depends on
// them (16-bit RGB decodes to 8 bytes a pixel).
func (h *imageHeader) pngCost(data []byte, px int64) error {
	if len(data) < 33 {
		return ErrImageCorrupt
	}
	depth, ctype, interlaced := int(data[24]), data[25], data[28] == 1
	trns := false
	for i := 33; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		name := string(data[i+4 : i+8])
		if name == "IDAT" || n < 0 || i+12+n > len(data) {
			break
		}
		trns = trns || name == "tRNS"
		i += 12 + n
	}
	h.Bits = depth
	wide := int64(1)
	if depth == 16 {
		wide = 2
	}
	var bpp int64
	switch ctype {
	case 0: // grey
		bpp = wide
		if trns {
			bpp = 4 * wide
		}
	case 3: // palette
		bpp, h.Convert = 1, true
	default: // RGB, grey with alpha, RGBA
		bpp = 4 * wide
	}
	h.Decoded = px * bpp
	h.Decode = h.Decoded
	if interlaced { // each pass is decoded into an image of its own first
		h.Decode += h.Decoded / 2
	}
	return nil
}

// jpegCost reads the frame header: the planes of the decoded image, and the
// coefficients (an int32 per sample) a progressive JPEG keeps until the end.
func (h *imageHeader) jpegCost(data []byte, px int64) error {
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return ErrImageCorrupt
		}
		m := data[i+1]
		if m == 0xFF || m == 0x01 || m == 0xD8 || (m >= 0xD0 && m <= 0xD7) {
			i++
			continue
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return ErrImageCorrupt
		}
		if m == 0xC0 || m == 0xC1 || m == 0xC2 {
			seg := data[i+4 : i+2+n]
			if len(seg) < 6 || len(seg) < 6+3*int(seg[5]) || seg[5] == 0 {
				return ErrImageCorrupt
			}
			h.Bits = int(seg[0])
			nc := int(seg[5])
			hmax, vmax := 1, 1
			for c := 0; c < nc; c++ {
				s := seg[6+3*c+1]
				hmax, vmax = max(hmax, int(s>>4)), max(vmax, int(s&15))
			}
			var samples int64
			for c := 0; c < nc; c++ {
				s := seg[6+3*c+1]
				samples += px * int64(max(1, int(s>>4))*max(1, int(s&15))) / int64(hmax*vmax)
			}
			h.Decoded = samples
			if nc == 4 { // CMYK is converted to a 4-byte image besides its planes
				h.Decoded += 4 * px
			}
			h.Decode = h.Decoded
			if m == 0xC2 {
				h.Decode += 4 * samples // a block of 64 int32 per 64 samples
			}
			return nil
		}
		if m == 0xDA || m == 0xD9 {
			break
		}
		i += 2 + n
	}
	return ErrImageCorrupt
}

// inspectCost is the memory a full decode of the upload takes.
func (h imageHeader) inspectCost(size int) int64 {
	return int64(size) + h.Decode
}

// resizeCost is the memory making every served width takes, counted as
// everything allocated (not only what is live at once): the decode, the
// halvings, the scaler's images, and the copies. Counting all of it lets the budget bound the heap
// whatever the garbage collector's pace.
func (h imageHeader) resizeCost(size, orientation int) int64 {
	total := h.inspectCost(size)
	w, hh := int64(h.Width), int64(h.Height)
	if h.Convert {
		total += 4 * w * hh
	}
	dispW, dispH := w, hh
	if orientation >= 5 {
		dispW, dispH = hh, w
	}
	// The halvings run once, down to the smallest width's level.
	cw, ch := w, hh
	for i := len(ImageWidths) - 1; i >= 0; i-- {
		tw := min(int64(ImageWidths[i]), dispW)
		th := max(1, (dispH*tw+dispW/2)/dispW)
		sw, sh := tw, th
		if orientation >= 5 {
			sw, sh = th, tw
		}
		for cw/2 >= sw && ch/2 >= sh {
			cw, ch = cw/2, ch/2
			total += 4 * cw * ch
		}
		// The scaler's intermediate image, the scaled and turned copies, and
		// the encoded one (PNG: room for its buffer to grow).
		total += 4*sw*ch + 4*sw*sh
		if orientation > 1 {
			total += 4 * sw * sh
		}
		if h.Type == "image/jpeg" {
			total += sw * sh
		} else {
			total += 8 * sw * sh
		}
	}
	return total
}

// checkMemory refuses an image whose processing would exceed MaxImageMemory,
// saying what it would take and what would help.
func (h imageHeader) checkMemory(cost int64) error {
	if cost <= MaxImageMemory {
		return nil
	}
	hint := "save it with fewer pixels"
	if h.Bits > 8 {
		hint = "save it at 8 bits per channel, or with fewer pixels"
	}
	return fmt.Errorf("%w: %d × %d pixels at %d bits per channel need %d MB to resize, more than the %d MB allowed; %s",
		ErrImageMemory, h.Width, h.Height, h.Bits, cost>>20, MaxImageMemory>>20, hint)
}

// ImageCost is the memory an upload takes to check (Inspect) and to resize
// into every served width (Resize), read from its header. An image over the
// limits gets the error InspectImage would give, without decoding.
type ImageCost struct {
	Inspect, Resize int64
}

// CostOf reads data's header and returns what processing it costs.
func CostOf(data []byte) (ImageCost, error) {
	h, err := readHeader(data)
	if err != nil {
		return ImageCost{}, err
	}
	o := 1
	if h.Type == "image/jpeg" {
		o = jpegOrientation(data)
	}
	c := ImageCost{Inspect: h.inspectCost(len(data)), Resize: h.resizeCost(len(data), o)}
	return c, h.checkMemory(c.Resize)
}

// ResizeCost is the memory making every served width of the stored
// original data (turned by orientation) takes, read from its header.
func ResizeCost(data []byte, orientation int) (int64, error) {
	h, err := readHeader(data)
	if err != nil {
		return 0, err
	}
	return h.resizeCost(len(data), orientation), nil
}
