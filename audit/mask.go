package audit

import (
	"regexp"
	"strings"
	"unicode"
)

// bullet stands for each hidden digit of a masked phone number.
const bullet = "•"

// redacted replaces a secret.
const redacted = "[redacted]"

// minPhoneDigits and maxPhoneDigits bound an international number written
// in groups (E.164 allows at most 15 digits; the shortest in use have 7).
const (
	minPhoneDigits = 7
	maxPhoneDigits = 15
)

// phoneLike finds the candidates MaskPhoneNumbers looks at, leftmost first:
// a UUID (kept whole, so that a group of digits inside it is not taken for
// a number), a + followed by digit groups separated by one space, dash, dot
// or parenthesis, or a bare run of 8 or more digits standing alone.
var phoneLike = regexp.MustCompile(
	`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}` +
		`|\+[0-9]+(?:(?: ?\(|\) ?|[ .\-])[0-9]+)*` +
		`|\b[0-9]{8,}\b`)

// bareDigits is the bare-run rule alone, for what follows an international
// number that ends before its candidate does.
var bareDigits = regexp.MustCompile(`\b[0-9]{8,}\b`)

// digitGroup is one group of digits in an international candidate.
var digitGroup = regexp.MustCompile(`[0-9]+`)

// MaskPhoneNumbers hides all but the last four digits of anything in s that
// looks like a phone number: a + followed by 7 to 15 digits, which may be
// grouped by spaces, dashes, dots or parentheses ("+31 6 1234-5678",
// "+1 (555) 123-4567"), or a run of 8 or more digits standing alone
// ("0612345678"). Each hidden digit becomes a bullet and separators are
// dropped: "+31612345678" becomes "+•••••••5678", "0612345678"
// "••••••5678". IDs (asst_123, UUIDs), timestamps, durations and numbers
// of up to 7 digits are left as they are. A national number written with
// separators and no + ("020 123 4567") is not recognised.
func MaskPhoneNumbers(s string) string {
	return phoneLike.ReplaceAllStringFunc(s, func(m string) string {
		switch {
		case m[0] == '+':
			return maskInternational(m)
		case strings.Contains(m, "-"):
			return m // a UUID
		default:
			return maskDigits(m)
		}
	})
}

// maskInternational masks the number at the start of m, a + and digit
// groups. A number written compactly (7 or more digits before the first
// separator) ends there, however long; a grouped one takes groups while it
// has at most 15 digits. What follows the number is checked for bare digit
// runs only.
func maskInternational(m string) string {
	groups := digitGroup.FindAllStringIndex(m, -1)
	end, digits := groups[0][1], groups[0][1]-groups[0][0]
	if digits < minPhoneDigits {
		for _, g := range groups[1:] {
			if digits+g[1]-g[0] > maxPhoneDigits {
				break
			}
			end, digits = g[1], digits+g[1]-g[0]
		}
	}
	rest := bareDigits.ReplaceAllStringFunc(m[end:], maskDigits)
	if digits < minPhoneDigits {
		return m[:end] + rest
	}
	return "+" + maskDigits(digitsOf(m[:end])) + rest
}

// maskDigits keeps the last four of a run of digits and bullets the rest.
func maskDigits(d string) string {
	return strings.Repeat(bullet, len(d)-4) + d[len(d)-4:]
}

func digitsOf(s string) string {
	return strings.Join(digitGroup.FindAllString(s, -1), "")
}

// Patterns of secrets, applied in order by MaskSecrets.
var (
	// bearerToken is an Authorization value; the scheme word is kept. A
	// lower-case "bearer" is left to the other rules, as it is usually
	// English.
	bearerToken = regexp.MustCompile(`\b(Bearer|BEARER)\s+[A-Za-z0-9._~+/\-]+=*`)
	// prefixedKey is a key known by its prefix: the platform's fl_live_ and
	// fl_test_, OpenAI's sk-, Stripe-style and ElevenLabs sk_ keys.
	prefixedKey = regexp.MustCompile(`\b(?:fl_live_|fl_test_|sk-|sk_)[A-Za-z0-9_\-]+`)
	// longRun is a candidate random token: 32 or more hex or base64
	// characters, checked by looksRandom.
	longRun = regexp.MustCompile(`[A-Za-z0-9+/_\-]{32,}={0,2}`)
	// namedSecret is a value given under a secret's name: api_key=…,
	// "token": "…", password: ….
	namedSecret = regexp.MustCompile(`(?i)\b(api[_-]?key|access[_-]?token|refresh[_-]?token|token|` +
		`client[_-]?secret|secret|password|passwd)("?\s*[:=]\s*"?)[^\s"',;&]+`)
	// embeddedPhone marks a long run as an ID that carries a phone number
	// (call IDs do), which MaskPhoneNumbers handles.
	embeddedPhone = regexp.MustCompile(`\+[0-9]{7}`)
	hexOnly       = regexp.MustCompile(`^[0-9a-fA-F]+$`)
)

// MaskSecrets replaces secrets in s with "[redacted]": bearer tokens
// ("Bearer [redacted]"), keys with a known prefix (fl_live_…, fl_test_…,
// sk-…, sk_live_…), values named as secrets (api_key=…, "token": "…",
// password: …) and runs of 32 or more hex characters, or of base64
// characters mixing upper case, lower case and digits. UUIDs, snake_case
// names, paths and call IDs are left as they are.
func MaskSecrets(s string) string {
	s = bearerToken.ReplaceAllString(s, "$1 "+redacted)
	s = prefixedKey.ReplaceAllString(s, redacted)
	s = longRun.ReplaceAllStringFunc(s, func(m string) string {
		if looksRandom(m) {
			return redacted
		}
		return m
	})
	return namedSecret.ReplaceAllString(s, "${1}${2}"+redacted)
}

// looksRandom tells a generated token from a long name: all hex, or upper
// case, lower case and digits mixed, and no phone number inside.
func looksRandom(m string) bool {
	if hexOnly.MatchString(m) {
		return true
	}
	return strings.ContainsFunc(m, unicode.IsUpper) && strings.ContainsFunc(m, unicode.IsLower) &&
		strings.ContainsFunc(m, unicode.IsDigit) && !embeddedPhone.MatchString(m)
}

// mask applies both maskings, secrets first so that a digit run inside a
// key is redacted with the key rather than masked on its own.
func mask(s string) string {
	return MaskPhoneNumbers(MaskSecrets(s))
}
