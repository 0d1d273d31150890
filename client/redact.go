package client

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

// redactedKey replaces the API key wherever an answer or error echoes it.
const redactedKey = "[redacted key]"

// redactBody removes the API key from a body before anything reads it, so
// that no error, result or log line built from it can carry the key.
func (c *Client) redactBody(data []byte) []byte {
	if len(c.apiKey) < 8 {
		return data
	}
	if bytes.Contains(data, []byte(`\u`)) {
		data = canonicalJSON(data) // a key written with \u escapes would slip past a byte search
	}
	return bytes.ReplaceAll(data, []byte(c.apiKey), []byte(redactedKey))
}

// canonicalJSON re-encodes a JSON document so that strings carry no
// needless escapes; anything that is not one JSON document is returned as
// it is.
func canonicalJSON(data []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil || dec.More() {
		return data
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return data
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

// redactErr removes the API key from err's text, for transport errors that
// quote what a server sent; errors.Is and errors.As still see err.
func (c *Client) redactErr(err error) error {
	if err == nil || len(c.apiKey) < 8 || !strings.Contains(err.Error(), c.apiKey) {
		return err
	}
	return &redactedError{text: strings.ReplaceAll(err.Error(), c.apiKey, redactedKey), err: err}
}

// redactedError is an error whose text has had the key removed.
type redactedError struct {
	text string
	err  error
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }

// longDigits are runs of digits as long as a phone number, as they appear
// in call IDs (call-_+31612345678_…), escaped or not.
var longDigits = regexp.MustCompile(`[0-9]{7,15}`)

// maskNumbers keeps the last four digits of every phone-number-like run in
// s, for log lines: call IDs carry the caller's number.
func maskNumbers(s string) string {
	return longDigits.ReplaceAllStringFunc(s, func(run string) string {
		return strings.Repeat("•", len(run)-4) + run[len(run)-4:]
	})
}
