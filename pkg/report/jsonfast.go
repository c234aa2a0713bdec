package report

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/check"
)

// Entries are most of a report, and encoding/json spends most of its time
// on reflection and re-indenting them; appendEntry writes the bytes that
// json.Encoder with SetEscapeHTML(false) and a two-space indent writes for
// the entry DTO in jsonfast_test.go at depth two, directly. TestAppendEntryMatchesEncoder and
// FuzzAppendString hold the two to the same output.

func appendEntry(b []byte, e Entry) []byte {
	// The bytes between two values are the same for every entry: each run
	// of them, quotes included, is one constant appended at once, as many
	// appends as an entry has values rather than twice as many.
	b = appendStringBody(append(b, "{\n      \"id\": \""...), e.ID)
	b = appendStringBody(append(b, "\",\n      \"author\": \""...), e.Author)
	b = append(b, "\",\n      \"source\": \""...)
	if e.at != nil {
		b = appendSourceBody(b, e.at)
	} else {
		b = appendStringBody(b, e.Source)
	}
	also := len(e.AlsoIn) > 0
	if also {
		b = append(b, "\",\n      \"also_in\": [\n"...)
		for i, s := range e.AlsoIn {
			b = appendString(append(b, "        "...), s)
			if i < len(e.AlsoIn)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
		}
		b = append(b, "      ]"...)
	}
	b = append(b, validBlocks[b2i(also)][b2i(e.Valid)][b2i(len(e.Reasons) > 0)]...)
	for i, r := range e.Reasons {
		if i == 0 {
			b = append(b, "[\n        {\n          \"code\": \""...)
		} else {
			b = append(b, "\n        },\n        {\n          \"code\": \""...)
		}
		b = appendStringBody(b, string(r.Code))
		b = appendStringBody(append(b, "\",\n          \"message\": \""...), r.Message)
		b = append(b, '"')
		b = appendOptional(b, ",\n          \"measured\": \"", r.Measured)
		b = appendOptional(b, ",\n          \"limit\": \"", r.Limit)
		b = appendOptional(b, ",\n          \"other\": \"", r.Other)
	}
	if len(e.Reasons) > 0 {
		b = append(b, "\n        }\n      ],\n      \"length\": "...)
	}
	b = strconv.AppendInt(b, int64(e.Length), 10)
	return append(b, "\n    }"...)
}

// validBlocks are the bytes from the end of the source, or of also_in, to
// the start of the reasons' first item or to the length, by whether the
// entry has also_in, is valid and has reasons.
var validBlocks = func() (t [2][2][2]string) {
	for also := range 2 {
		for valid := range 2 {
			for reasons := range 2 {
				s := `"`
				if also == 1 {
					s = ""
				}
				s += ",\n      \"valid\": " + strconv.FormatBool(valid == 1) + ",\n      \"reasons\": "
				if reasons == 0 {
					s += "[],\n      \"length\": "
				}
				t[also][valid][reasons] = s
			}
		}
	}
	return t
}()

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// appendOptional writes an omitempty field of a reason; key is the bytes
// before its value, up to its opening quote.
func appendOptional(b []byte, key, v string) []byte {
	if v == "" {
		return b
	}
	return append(appendStringBody(append(b, key...), v), '"')
}

const hexDigits = "0123456789abcdef"

// appendSource writes e.Source() as appendString would, without making
// it: the line and column need no escaping, and the file's escaping ends
// where it does (an invalid byte is replaced alone, whatever follows it),
// which FuzzAppendSource holds to.
func appendSource(b []byte, e *check.Entry) []byte {
	return append(appendSourceBody(append(b, '"'), e), '"')
}

// appendSourceBody is appendSource without the quotes.
func appendSourceBody(b []byte, e *check.Entry) []byte {
	return check.AppendLineCol(appendStringBody(b, e.File), e.Line, int(e.Col))
}

// appendString quotes s as encoding/json does without HTML escaping:
// quotes, backslashes and control characters escaped, invalid UTF-8 as
// \ufffd, and U+2028/U+2029 escaped for JavaScript.
func appendString(b []byte, s string) []byte {
	return append(appendStringBody(append(b, '"'), s), '"')
}

// appendStringBody is appendString without the quotes.
func appendStringBody(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plainASCII8(s[i:i+8]) {
			i += 8
			continue
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		if plain3(s, i) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(b, s[start:]...)
}

// plain3 reports whether s[i:] starts with a three-byte sequence that is
// valid whatever its continuation bytes and is written as it is: a lead of
// E1–EC or EE–EF (not E0, overlong forms, nor ED, surrogates), other than
// U+2028 and U+2029. The Chinese of messages, tags and authors is nearly all
// such sequences, which the decoder would take one rune at a time.
func plain3(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	c, c1, c2 := s[i], s[i+1], s[i+2]
	return 0xE1 <= c && c <= 0xEF && c != 0xED && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 &&
		!(c == 0xE2 && c1 == 0x80 && c2&0xFE == 0xA8)
}

// plainASCII8 reports whether the 8 bytes of s are ASCII that a JSON
// string holds as they are. Most of what a report quotes is such bytes
// (ids, authors, paths, messages), and looked at 8 at a time they cost
// an eighth of the loop. A byte >= 0x80 sets its top bit in x; a byte
// below 0x20, and a '"' or '\\' made zero by the xor, set it once 0x20
// or 1 is taken from them. A borrow from such a byte can mark the bytes
// above it too, which only sends them the byte-by-byte way.
func plainASCII8(s string) bool {
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (x|(x-0x20*ones)|((x^'"'*ones)-ones)|((x^'\\'*ones)-ones))&highs == 0
}

func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// appendPlace writes the bytes json.Encoder writes for placeDTO(p) at
// depth two: the ranking lists every valid entry, and a reflected encoder
// with a components map per entry cost rank more than its whole ranking.
// The map's keys are written in the sorted order the encoder uses.
func appendPlace(b []byte, p Place) []byte {
	c := p.Components
	b = append(b, "{\n      \"rank\": "...)
	b = strconv.AppendInt(b, int64(p.Rank), 10)
	b = append(b, ",\n      \"id\": "...)
	b = appendString(b, p.ID)
	b = append(b, ",\n      \"author\": "...)
	b = appendString(b, p.Author)
	b = append(b, ",\n      \"score\": "...)
	b = appendFloat(b, round(p.Score, 4))
	b = append(b, ",\n      \"components\": {\n        \"engagement\": "...)
	b = appendFloat(b, round(c.Engagement, 4))
	b = append(b, ",\n        \"judges\": "...)
	b = appendFloat(b, round(c.Judges, 4))
	b = append(b, ",\n        \"length\": "...)
	b = appendFloat(b, round(c.Length, 4))
	b = append(b, ",\n        \"media\": "...)
	b = appendFloat(b, round(c.Media, 4))
	b = append(b, ",\n        \"originality\": "...)
	b = appendFloat(b, round(c.Originality, 4))
	b = append(b, ",\n        \"topics\": "...)
	b = appendFloat(b, round(c.Topics, 4))
	b = append(b, "\n      },\n      \"reward\": "...)
	b = appendString(b, p.Reward)
	return append(b, "\n    }"...)
}

// appendFloat formats a finite float64 as encoding/json does: the
// shortest decimal, in exponent form only below 1e-6 or from 1e21 up, with
// a two-digit negative exponent shortened to one digit.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
