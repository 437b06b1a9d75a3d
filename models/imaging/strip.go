package imaging

import (
	"bytes"
	"encoding/binary"
	"strings"
)

// StripMetadata removes what a camera or editing program wrote about a
// picture (EXIF, with any GPS position, XMP and IPTC) from an original of
// type t, without re-encoding it: JPEG segments and PNG chunks are dropped
// whole, so the pixels are the same bytes. It returns the cleaned data and
// a description of what was removed ("" for nothing). The EXIF orientation
// must be read before: it is kept in the media record, not in the file.
// Other types are returned as they are.
func StripMetadata(data []byte, t string) ([]byte, string) {
	var removed []string
	var out []byte
	switch t {
	case "image/jpeg":
		out, removed = stripJPEG(data)
	case "image/png":
		out, removed = stripPNG(data)
	}
	if len(removed) == 0 {
		return data, ""
	}
	return out, strings.Join(removed, ", ")
}

// stripJPEG drops APP1 (EXIF, XMP) and APP13 (IPTC) segments before the
// image data. Anything it cannot follow is left as it is.
func stripJPEG(data []byte) ([]byte, []string) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return data, nil
	}
	out := append(make([]byte, 0, len(data)), data[:2]...)
	var removed []string
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return data, nil
		}
		m := data[i+1]
		if m == 0xFF || m == 0x01 || (m >= 0xD0 && m <= 0xD7) {
			out = append(out, data[i])
			i++
			continue
		}
		if m == 0xDA || m == 0xD9 {
			break
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return data, nil
		}
		seg := data[i+4 : i+2+n]
		switch {
		case m == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00")):
			removed = appendOnce(removed, exifDescription(seg))
		case m == 0xE1 && bytes.HasPrefix(seg, []byte("http://ns.adobe.com/xap/")):
			removed = appendOnce(removed, "XMP data")
		case m == 0xE1:
			removed = appendOnce(removed, "other APP1 data")
		case m == 0xED:
			removed = appendOnce(removed, "IPTC data")
		default:
			out = append(out, data[i:i+2+n]...)
		}
		i += 2 + n
	}
	if len(removed) == 0 {
		return data, nil
	}
	return append(out, data[i:]...), removed
}

// exifDescription says what an EXIF block held: always camera details, and
// a GPS position when its first directory points to one (tag 0x8825).
func exifDescription(seg []byte) string {
	if len(seg) > 6 && tiffHasTag(seg[6:], 0x8825) {
		return "EXIF data (camera details, date, GPS position)"
	}
	return "EXIF data (camera details, date)"
}

// tiffHasTag reports whether the first IFD of a TIFF block has tag.
func tiffHasTag(t []byte, tag uint16) bool {
	if len(t) < 8 {
		return false
	}
	var bo binary.ByteOrder = binary.BigEndian
	if string(t[:2]) == "II" {
		bo = binary.LittleEndian
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return false
	}
	for k := 0; k < int(bo.Uint16(t[off:])); k++ {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			return false
		}
		if bo.Uint16(t[e:]) == tag {
			return true
		}
	}
	return false
}

// stripPNG drops the eXIf chunk, and text chunks that carry XMP.
func stripPNG(data []byte) ([]byte, []string) {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(data) < len(sig) || string(data[:len(sig)]) != sig {
		return data, nil
	}
	out := append(make([]byte, 0, len(data)), data[:len(sig)]...)
	var removed []string
	i := len(sig)
	for i+12 <= len(data) {
		n := int(binary.BigEndian.Uint32(data[i:]))
		if n < 0 || i+12+n > len(data) {
			return data, nil
		}
		name := string(data[i+4 : i+8])
		body := data[i+8 : i+8+n]
		switch {
		case name == "eXIf":
			removed = appendOnce(removed, exifDescription(append([]byte("Exif\x00\x00"), body...)))
		case (name == "iTXt" || name == "tEXt" || name == "zTXt") && bytes.HasPrefix(body, []byte("XML:com.adobe.xmp\x00")):
			removed = appendOnce(removed, "XMP data")
		default:
			out = append(out, data[i:i+12+n]...)
		}
		i += 12 + n
	}
	if len(removed) == 0 {
		return data, nil
	}
	return append(out, data[i:]...), removed
}

func appendOnce(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}
