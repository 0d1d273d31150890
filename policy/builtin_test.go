package policy

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBuiltinTablesAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, g := range premiumRanges {
		assert.NotEmpty(t, g.note)
		for _, prefix := range g.prefixes {
			normal, err := normalPattern(prefix)
			assert.NoError(t, err)
			assert.Equal(t, prefix, normal, "premium prefixes are written in normal form")
			assert.False(t, seen[prefix], "%s is listed twice", prefix)
			seen[prefix] = true
		}
	}
	for _, g := range emergencyCodes {
		assert.NotEmpty(t, g.note)
		for _, code := range g.codes {
			assert.Regexp(t, `^[0-9]{2,6}$`, code)
			assert.False(t, seen[code], "%s is listed twice", code)
			seen[code] = true
		}
	}
}

// FuzzCheckDestination checks that whatever the model sends, a number the
// policy lets through is an E.164 number outside every built-in block.
func FuzzCheckDestination(f *testing.F) {
	for _, seed := range []string{"+31612345678", "+112", "112", "+1 911", "+449098790000", "0900-1234",
		"+31 (0)20 123", "+\u00a031612345678", "+3161234567\u200b8", "\x00", "+1234567890123456"} {
		f.Add(seed)
	}
	e164 := regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	p := &Policy{}
	f.Fuzz(func(t *testing.T, number string) {
		if p.CheckDestination(number) != nil {
			return
		}
		n := normalNumber(number)
		if !e164.MatchString(n) {
			t.Fatalf("%q passed as %q, which is not E.164", number, n)
		}
		if _, ok := premiumRangeOf(n); ok {
			t.Fatalf("%q passed but is premium rate", number)
		}
		if _, ok := emergencyCode(n); ok {
			t.Fatalf("%q passed but is an emergency number", number)
		}
	})
}

// FuzzNormalPattern checks that every pattern the operator may write comes
// out as + and 1 to 15 digits, the first not 0.
func FuzzNormalPattern(f *testing.F) {
	for _, seed := range []string{"+31", "+31 20-*", "*", "+*", "+0", "31", "+3\t1", "+31**"} {
		f.Add(seed)
	}
	normal := regexp.MustCompile(`^\+[1-9][0-9]{0,14}$`)
	f.Fuzz(func(t *testing.T, raw string) {
		p, err := normalPattern(raw)
		if err == nil && !normal.MatchString(p) {
			t.Fatalf("%q became %q", raw, p)
		}
	})
}
