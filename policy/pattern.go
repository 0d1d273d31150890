package policy

import (
	"fmt"
	"strings"
	"unicode"
)

// maxDigits is the most digits an E.164 number has, country code included.
const maxDigits = 15

// normalNumber drops the characters people write inside phone numbers
// (white space, dashes, dots, parentheses) and keeps everything else, so
// that anything unusual still fails isE164.
func normalNumber(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("-.()", r) {
			return -1
		}
		return r
	}, s)
}

// isE164 reports whether n is + then 7 to 15 ASCII digits, the first not 0:
// the form the tools accept for a number to call.
func isE164(n string) bool {
	digits, ok := strings.CutPrefix(n, "+")
	return ok && len(digits) >= 7 && len(digits) <= maxDigits && digits[0] != '0' && allDigits(digits)
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// normalPattern turns an operator's destination pattern into normal form:
// "+31 20-*" becomes "+3120". A pattern is + then 1 to 15 digits, the first
// not 0, optionally ending in *; spaces and dashes are ignored.
func normalPattern(raw string) (string, error) {
	p := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, raw)
	p = strings.TrimSuffix(p, "*")
	digits, ok := strings.CutPrefix(p, "+")
	if !ok || !allDigits(digits) || digits[0] == '0' || len(digits) > maxDigits {
		return "", fmt.Errorf("%q is not a destination pattern; write + then a country code and "+
			"any further digits, e.g. +31, +3120* or +31201234567", raw)
	}
	return p, nil
}

// matchPattern returns the first of patterns (in normal form) that n starts
// with.
func matchPattern(n string, patterns []string) (string, bool) {
	for _, p := range patterns {
		if strings.HasPrefix(n, p) {
			return p, true
		}
	}
	return "", false
}
