package notify

import "unicode/utf16"

// GSM 03.38 basic character set: one septet each.
const gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

// GSM 03.38 extension table: an escape septet plus one, so two each.
const gsmExt = "^{}\\[~]|€\f"

var gsmCost = func() map[rune]int {
	m := make(map[rune]int, 160)
	for _, r := range gsmBasic {
		m[r] = 1
	}
	for _, r := range gsmExt {
		m[r] = 2
	}
	return m
}()

// Encoding of an SMS body.
const (
	GSM7 = "GSM-7"
	UCS2 = "UCS-2"
)

// Units returns the encoding a body needs and its length in that encoding's
// units: septets for GSM-7, UTF-16 code units for UCS-2 (an emoji is two).
func Units(body string) (enc string, n int) {
	for _, r := range body {
		c, ok := gsmCost[r]
		if !ok {
			return UCS2, len(utf16.Encode([]rune(body)))
		}
		n += c
	}
	return GSM7, n
}

// Segments is the number of SMS parts body is billed as: GSM-7 160 single,
// 153 per part; UCS-2 (any Cyrillic or Kazakh letter) 70 single, 67 per part.
func Segments(body string) int {
	enc, n := Units(body)
	single, part := 160, 153
	if enc == UCS2 {
		single, part = 70, 67
	}
	switch {
	case n == 0:
		return 0
	case n <= single:
		return 1
	}
	return (n + part - 1) / part
}
