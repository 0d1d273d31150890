package seal

import (
	"errors"
	"strings"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newSealer(t *testing.T, c *clock) *Sealer {
	t.Helper()
	s, err := New(c.now)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOpenReturnsWhatWasSealedUntilItExpires(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)}
	s := newSealer(t, c)
	token := s.Seal([]byte(`{"tool":"delete_assistant"}`), 5*time.Minute)

	if strings.Contains(token, "delete_assistant") {
		t.Fatalf("token shows its payload: %s", token)
	}
	c.t = c.t.Add(4*time.Minute + 59*time.Second)
	got, err := s.Open(token)
	if err != nil || string(got) != `{"tool":"delete_assistant"}` {
		t.Fatalf("Open = %q, %v; want the payload", got, err)
	}
	c.t = c.t.Add(time.Second)
	if _, err := s.Open(token); !errors.Is(err, ErrExpired) {
		t.Fatalf("Open at expiry = %v, want ErrExpired", err)
	}
}

func TestOpenRefusesTokensItDidNotSeal(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)}
	s, other := newSealer(t, c), newSealer(t, c)
	token := s.Seal([]byte("payload"), time.Minute)
	flipped := []byte(token)
	flipped[len(flipped)/2] ^= 1

	for name, forged := range map[string]string{
		"another process's token": other.Seal([]byte("payload"), time.Minute),
		"one character changed":   string(flipped),
		"truncated":               token[:len(token)-4],
		"empty":                   "",
		"not base64":              "{\"tool\":\"place_outbound_call\"}",
		"a short valid base64":    "AAAA",
	} {
		if _, err := s.Open(forged); !errors.Is(err, ErrForged) {
			t.Errorf("%s: Open = %v, want ErrForged", name, err)
		}
	}
}
